/**
 * Starts the app the way the README's Quick start promises: with DATABASE_URL unset, an embedded
 * PostgreSQL keeps its data in .data/ (reused on the next start); the database is migrated, the
 * reference data loaded and, in the demo, an empty database is filled with demo data. Then Next.js
 * runs with DATABASE_URL pointing at it, and everything is stopped together.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { env } from '../lib/env';
import { startEmbeddedPostgres } from '../lib/db/embedded';
import { prepareDatabase } from '../lib/db/prepare';

export type NextMode = 'dev' | 'start';

function elapsed(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/**
 * Runs `next <mode>` against `databaseUrl` until it exits or this process is told to stop; then
 * runs `cleanup` and exits with Next's exit code.
 */
export async function runNext(mode: NextMode, port: number, databaseUrl: string, cleanup: () => Promise<void>): Promise<never> {
  const require = createRequire(import.meta.url);
  const nextBin = require.resolve('next/dist/bin/next');
  const child = spawn(process.execPath, [nextBin, mode, '--port', String(port)], {
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
  await cleanup();
  process.exit(code);
}

export async function launch(mode: NextMode): Promise<never> {
  const started = performance.now();
  let stopDatabase = async () => {};
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres({
      dataDir: env.EMBEDDED_POSTGRES_DIR,
      port: env.EMBEDDED_POSTGRES_PORT,
      database: 'kpr',
      persistent: true,
    });
    databaseUrl = embedded.url;
    stopDatabase = embedded.stop;
    console.log(
      `PostgreSQL (embedded) ${embedded.created ? 'created' : 'reused'} in ${env.EMBEDDED_POSTGRES_DIR}, port ${embedded.port} (${elapsed(started)})`,
    );
  }

  try {
    // Demo data only in development or on the embedded database, never into a production database.
    const demo = mode === 'dev' || !env.DATABASE_URL;
    await prepareDatabase(databaseUrl, { demoSeed: demo ? env.DEMO_SEED : undefined, log: console.log });
    console.log(`Database ready (${elapsed(started)})`);
  } catch (error) {
    await stopDatabase();
    throw error;
  }
  return runNext(mode, env.PORT, databaseUrl, stopDatabase);
}
