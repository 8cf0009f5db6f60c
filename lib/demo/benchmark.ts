/**
 * How long the demo data takes to generate and to write, at the default scale and at full scale
 * (five annual seasons and a year of daily deliveries for every municipality). Prints figures.
 *
 *   npx tsx --conditions=react-server lib/demo/benchmark.ts
 *
 * Uses the PostgreSQL at DATABASE_URL when set (each run in a database of its own, dropped
 * afterwards), else a throwaway embedded server.
 */
import { prepareDatabase } from '@/lib/db/prepare';
import { closeAppPool, openAppPool } from '@/lib/db/sql';
import { startPostgresServer } from '@/lib/db/throwaway';
import { env } from '@/lib/core/env';
import { generateDemoData } from './generate';
import type { DemoOptions } from './model';
import { loadDemoReference, writeDemoData } from './data';

/** The daily season's clock at full scale: the end of its year, every day of it told. */
const FULL_DAILY_YEAR = new Date('2027-01-04T12:00:00+01:00');

const SCALES: readonly { name: string; options: DemoOptions }[] = [
  { name: 'default (2024 and 2025)', options: { seed: env.DEMO_SEED } },
  {
    name: 'full (2021–2025 and daily 2026, the whole year)',
    options: { seed: env.DEMO_SEED, extraAnnualSeasons: 3, dailyYear: true, dailyNow: FULL_DAILY_YEAR },
  },
];

const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`;

const server = await startPostgresServer(env.DATABASE_URL);
try {
  for (const [index, scale] of SCALES.entries()) {
    const name = `kpr_demo_bench_${process.pid}_${index}`;
    const url = await server.createDatabase(name);
    await prepareDatabase(url);
    openAppPool(url);
    try {
      const reference = await loadDemoReference();
      let started = performance.now();
      const dataset = generateDemoData(reference, scale.options);
      const generated = seconds(started);
      started = performance.now();
      const counts = await writeDemoData(dataset);
      const written = seconds(started);
      const rows = Object.values(counts).reduce((sum, count) => sum + count, 0);
      console.log(`${scale.name}: generated in ${generated}, written in ${written} (${rows} rows)`);
      console.log(
        `  ${Object.entries(counts)
          .map(([table, count]) => `${table} ${count}`)
          .join(', ')}`,
      );
    } finally {
      await closeAppPool();
      await server.dropDatabase(name);
    }
  }
} finally {
  await server.stop();
}
