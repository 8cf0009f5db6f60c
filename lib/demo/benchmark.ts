/**
 * How long the demo data takes to generate and to write, at the default scale and at full scale
 * (five annual seasons and a year of daily deliveries for every municipality). Prints figures.
 *
 *   npx tsx lib/demo/benchmark.ts
 *
 * Uses the PostgreSQL at DATABASE_URL when set (each run in a database of its own, dropped
 * afterwards), else a throwaway embedded server.
 */
import { createPrismaClient } from '@/lib/db/client';
import { loadReferenceData } from '@/lib/db/reference-data';
import { applyMigrations } from '@/lib/db/schema-engine';
import { startPostgresServer } from '@/lib/db/throwaway';
import { env } from '@/lib/core/env';
import { generateDemoData } from './generate';
import type { DemoOptions } from './model';
import { loadDemoReference, writeDemoData } from './write';

const SCALES: readonly { name: string; options: DemoOptions }[] = [
  { name: 'default (2024 and 2025)', options: { seed: env.DEMO_SEED } },
  { name: 'full (2021–2025 and daily 2026)', options: { seed: env.DEMO_SEED, extraAnnualSeasons: 3, dailyYear: true } },
];

const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`;

const server = await startPostgresServer(env.DATABASE_URL);
try {
  for (const [index, scale] of SCALES.entries()) {
    const name = `kpr_demo_bench_${process.pid}_${index}`;
    const url = await server.createDatabase(name);
    const prisma = createPrismaClient(url, 2);
    try {
      await applyMigrations(url);
      await loadReferenceData(prisma);
      const reference = await loadDemoReference(prisma);
      let started = performance.now();
      const dataset = generateDemoData(reference, scale.options);
      const generated = seconds(started);
      started = performance.now();
      const counts = await writeDemoData(prisma, dataset);
      const written = seconds(started);
      const rows = Object.values(counts).reduce((sum, count) => sum + count, 0);
      console.log(`${scale.name}: generated in ${generated}, written in ${written} (${rows} rows)`);
      console.log(
        `  ${Object.entries(counts)
          .map(([table, count]) => `${table} ${count}`)
          .join(', ')}`,
      );
    } finally {
      await prisma.$disconnect();
      await server.dropDatabase(name);
    }
  }
} finally {
  await server.stop();
}
