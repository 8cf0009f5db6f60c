/**
 * Starts the app the way the README's Quick start promises: with DATABASE_URL unset, an embedded
 * PostgreSQL keeps its data in .data/ (reused on the next start); the database is migrated, the
 * reference data loaded and, in the demo, an empty database is filled with demo data. Then Next.js
 * runs with DATABASE_URL pointing at it, and everything is stopped together.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { env } from '../lib/env';
import { createPrismaClient } from '../lib/db/client';
import { startEmbeddedPostgres, type RunningPostgres } from '../lib/db/embedded';
import { loadReferenceData } from '../lib/db/reference-data';
import { applyMigrations } from '../lib/db/schema-engine';

export type LaunchMode = 'dev' | 'start';

function elapsed(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

export async function launch(mode: LaunchMode): Promise<void> {
  const started = performance.now();
  let embedded: RunningPostgres | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: env.EMBEDDED_POSTGRES_DIR,
      port: env.EMBEDDED_POSTGRES_PORT,
      database: 'kpr',
      persistent: true,
    });
    databaseUrl = embedded.url;
    console.log(
      `PostgreSQL (embedded) ${embedded.created ? 'created' : 'reused'} in ${env.EMBEDDED_POSTGRES_DIR}, port ${embedded.port} (${elapsed(started)})`,
    );
  }

  const stopDatabase = async () => {
    await embedded?.stop();
  };

  try {
    const applied = await applyMigrations(databaseUrl);
    if (applied.length > 0) console.log(`Migrations applied: ${applied.join(', ')}`);
    const prisma = createPrismaClient(databaseUrl, 2);
    try {
      await loadReferenceData(prisma);
    } finally {
      await prisma.$disconnect();
    }
    console.log(`Database ready (${elapsed(started)})`);
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  const require = createRequire(import.meta.url);
  const nextBin = require.resolve('next/dist/bin/next');
  const child = spawn(process.execPath, [nextBin, mode, '--port', String(env.PORT)], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: '1' },
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const code = await new Promise<number>((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 0)));
  await stopDatabase();
  process.exit(code);
}
