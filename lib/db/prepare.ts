/**
 * Brings a database up to date before the app serves from it: migrations applied, reference data
 * loaded, and — for the demo — demo data written into an empty database.
 */
import { createPrismaClient } from './client';
import { loadReferenceData } from './reference-data';
import { provisionDemoApiKey } from '@/lib/access/demo-api-key';
import { writeDemoUsers } from '@/lib/demo/users';
import { seedDemoIfEmpty } from '@/lib/demo/write';
import { applyMigrations } from './schema-engine';

export interface PrepareOptions {
  /** Fill an empty database with the deterministic demo data of this seed. */
  demoSeed?: number;
  log?: (line: string) => void;
  /** DEMO_API_KEY, and whether the launcher created this database (the key is refused otherwise). */
  demoApiKey?: { secret: string; demoDatabase: boolean };
}

export async function prepareDatabase(url: string, options: PrepareOptions = {}): Promise<void> {
  const log = options.log ?? (() => {});
  const applied = await applyMigrations(url);
  if (applied.length > 0) log(`Migrations applied: ${applied.join(', ')}`);
  const prisma = createPrismaClient(url, 2);
  try {
    await loadReferenceData(prisma);
    if (options.demoApiKey) {
      const { secret, demoDatabase } = options.demoApiKey;
      if (await provisionDemoApiKey(prisma, secret, demoDatabase)) log('Demo API key provisioned from DEMO_API_KEY');
    }
    if (options.demoSeed !== undefined) {
      await writeDemoUsers(prisma);
      const started = performance.now();
      const written = await seedDemoIfEmpty(prisma, { seed: options.demoSeed });
      if (written) {
        log(
          `Demo data written (seed ${options.demoSeed}): ${written.messages} messages, ${written.apprecs} Apprecs, ${written.findings} findings (${((performance.now() - started) / 1000).toFixed(1)} s)`,
        );
      }
    }
  } finally {
    await prisma.$disconnect();
  }
}
