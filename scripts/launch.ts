/**
 * Starts the app the way the README's Quick start promises: with DATABASE_URL unset, an embedded
 * PostgreSQL keeps its data in .data/ (reused on the next start); the database is migrated, the
 * reference data loaded and, in the demo, an empty database is filled with demo data. Then Next.js
 * runs with DATABASE_URL pointing at it, and everything is stopped together.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { env } from '../lib/env';
import { startEmbeddedPostgres } from '../lib/db/embedded';
import { prepareDatabase } from '../lib/db/prepare';
import { startCaptureServer } from '../lib/mail/capture-server';

export type NextMode = 'dev' | 'start';

/** The folder the launcher keeps its local state in (.data/ by default), next to the embedded database's data. */
const localDataDir = () => path.dirname(path.resolve(env.EMBEDDED_POSTGRES_DIR));

/** A secret for the demo's session cookies, made once and kept with the embedded database's data. */
async function localAuthSecret(): Promise<string> {
  const file = path.join(localDataDir(), 'auth-secret');
  const existing = await readFile(file, 'utf8').catch(() => '');
  if (existing.trim().length >= 32) return existing.trim();
  const secret = randomBytes(32).toString('base64url');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

function elapsed(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

export interface NextProcessOptions {
  port: number;
  databaseUrl: string;
  /** The launcher created this database itself (embedded or throwaway): the demo may run on it. */
  demoDatabase: boolean;
  /** Signs session cookies; when unset, the app's own AUTH_SECRET must be set. */
  authSecret?: string;
  cleanup: () => Promise<void>;
}

/**
 * Runs `next <mode>` against the database until it exits or this process is told to stop; then
 * runs `cleanup` and exits with Next's exit code. Without SMTP_URL, mail goes to a local capture
 * server that keeps each mail as an .eml file in .data/mail/ and logs a line for it.
 */
export async function runNext(mode: NextMode, options: NextProcessOptions): Promise<never> {
  const mailDir = path.join(localDataDir(), 'mail');
  const mailCapture = env.SMTP_URL ? null : await startCaptureServer({ dir: mailDir, log: console.log });
  if (mailCapture) console.log(`Mail: SMTP_URL is not set, so mail is kept in ${mailDir}`);
  const require = createRequire(import.meta.url);
  const nextBin = require.resolve('next/dist/bin/next');
  const demo: Record<string, string> = options.demoDatabase
    ? { DEMO_DATABASE: 'yes', DEMO_SIGN_IN: env.DEMO_SIGN_IN ?? 'on' }
    : {};
  // Keep idle connections longer than clients and load balancers do (Node's 5 s default makes them
  // reuse sockets the server has just closed: ECONNRESET).
  const keepAlive = mode === 'start' ? ['--keepAliveTimeout', '65000'] : [];
  const child = spawn(process.execPath, [nextBin, mode, '--port', String(options.port), ...keepAlive], {
    stdio: 'inherit',
    env: {
      ...process.env,
      ...demo,
      DATABASE_URL: options.databaseUrl,
      ...(mailCapture ? { SMTP_URL: mailCapture.url } : {}),
      ...(options.authSecret ? { AUTH_SECRET: options.authSecret } : {}),
      // Sign-in redirects need the public URL; on this machine that is localhost.
      AUTH_URL: env.AUTH_URL ?? `http://localhost:${options.port}`,
      NEXT_TELEMETRY_DISABLED: '1',
    },
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
  await mailCapture?.stop();
  await options.cleanup();
  process.exit(code);
}

/** Launches, and on an expected failure (database will not start, bad environment) says why without a stack trace. */
export async function launch(mode: NextMode): Promise<never> {
  try {
    return await launchApp(mode);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

async function launchApp(mode: NextMode): Promise<never> {
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
    await prepareDatabase(databaseUrl, {
      demoSeed: demo ? env.DEMO_SEED : undefined,
      demoApiKey: env.DEMO_API_KEY ? { secret: env.DEMO_API_KEY, demoDatabase: !env.DATABASE_URL } : undefined,
      log: console.log,
    });
    console.log(`Database ready (${elapsed(started)})`);
  } catch (error) {
    await stopDatabase();
    throw error;
  }
  return runNext(mode, {
    port: env.PORT,
    databaseUrl,
    demoDatabase: !env.DATABASE_URL,
    authSecret: env.AUTH_SECRET ?? (await localAuthSecret()),
    cleanup: stopDatabase,
  });
}
