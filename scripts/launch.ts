/**
 * Starts the app the way the README's Quick start promises: with DATABASE_URL unset, an embedded
 * PostgreSQL keeps its data in .data/ (reused on the next start); the database is migrated, the
 * reference data loaded and, in the demo, an empty database is filled with demo data. Then Next.js
 * runs with DATABASE_URL pointing at it, and everything is stopped together.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { provisionDemoApiKey, systemActor } from '../lib/access';
import { childEnvironment, env } from '../lib/core/env';
import { startEmbeddedPostgres } from '../lib/db/embedded';
import { prepareDatabase } from '../lib/db/prepare';
import { closeAppPool, openAppPool } from '../lib/db/sql';
import { writeDemo } from '../lib/demo';
import { startCaptureServer } from '../lib/core/mail/capture-server';
import { bundleReportProcess } from './bundle-report-process';

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

export interface LaunchDatabaseOptions {
  /** Fill an empty database with the deterministic demo data of this seed. */
  demoSeed?: number;
  /** DEMO_API_KEY, and whether the launcher created this database (the key is refused otherwise). */
  demoApiKey?: { secret: string; demoDatabase: boolean };
  log?: (line: string) => void;
}

/**
 * Makes the database ready to serve from: migrations and reference data (lib/db), then for the
 * demo its API key (lib/access) and its people and data (lib/demo), written as the launcher's
 * system actor through this process's pool, which is closed again when they are written.
 */
export async function prepareLaunchDatabase(url: string, options: LaunchDatabaseOptions = {}): Promise<void> {
  const log = options.log ?? (() => {});
  await prepareDatabase(url, log);
  if (!options.demoApiKey && options.demoSeed === undefined) return;
  openAppPool(url);
  try {
    if (options.demoApiKey) {
      const { secret, demoDatabase } = options.demoApiKey;
      const provisioned = await provisionDemoApiKey(systemActor('launcher'), secret, demoDatabase);
      if (provisioned) log('Demo API key provisioned from DEMO_API_KEY');
    }
    if (options.demoSeed !== undefined) {
      const started = performance.now();
      const written = await writeDemo({ seed: options.demoSeed, dailyNow: new Date() });
      if (written) {
        log(
          `Demo data written (seed ${options.demoSeed}): ${written.messages} messages, ${written.apprecs} Apprecs, ${written.findings} findings (${elapsed(started)})`,
        );
      }
    }
  } finally {
    await closeAppPool();
  }
}

export interface NextProcessOptions {
  port: number;
  databaseUrl: string;
  /** The launcher created this database itself (embedded or throwaway): the demo may run on it. */
  demoDatabase: boolean;
  /** Signs session cookies; when unset, the app's own AUTH_SECRET must be set. */
  authSecret?: string;
  /** Server processes for `next start` (see startNextServers); `next dev` always runs one. Default 1. */
  workers?: number;
  cleanup: () => Promise<void>;
}

export interface NextServers {
  /** The server processes (their stdout and stderr are readable when started with `stdio: 'pipe'`). */
  processes: ChildProcess[];
  /** The exit code of the first server process that exits by itself (the others are then stopped), or 0 after stop(). */
  exited: Promise<number>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface NextServersOptions {
  port: number;
  /** Added to this process's environment. */
  env: Record<string, string>;
  workers: number;
  stdio: 'inherit' | 'pipe';
  /** Node.js options for the server processes (e.g. --cpu-prof). */
  nodeOptions?: string[];
}

/**
 * Runs `next <mode>` on the port. `next start` runs in `workers` processes sharing the port through
 * Node's cluster module: this process accepts the connections and hands them to the workers in
 * turn, so a machine's cores all serve requests (one Node.js process uses one core for JavaScript).
 * Each worker has its own database pool and caches (the ingest rate limit is shared, in PostgreSQL);
 * only the first runs the background jobs. `next dev` always runs as one process.
 */
export function startNextServers(mode: NextMode, options: NextServersOptions): NextServers {
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
  // Keep idle connections longer than clients and load balancers do (Node's 5 s default makes them
  // reuse sockets the server has just closed: ECONNRESET).
  const keepAlive = mode === 'start' ? ['--keepAliveTimeout', '65000'] : [];
  const args = [mode, '--port', String(options.port), ...keepAlive];
  const processes: ChildProcess[] = [];
  if (mode === 'dev') {
    processes.push(
      spawn(process.execPath, [...(options.nodeOptions ?? []), nextBin, ...args], {
        stdio: options.stdio,
        env: childEnvironment(options.env),
      }),
    );
  } else {
    cluster.setupPrimary({
      exec: nextBin,
      args,
      execArgv: options.nodeOptions ?? [],
      silent: options.stdio === 'pipe',
    });
    for (let index = 0; index < options.workers; index++) {
      processes.push(cluster.fork({ ...options.env, ...(index > 0 ? { JOBS: 'off' } : {}) }).process);
    }
  }
  let stopping = false;
  const running = new Set(processes);
  const stopAll = (signal: NodeJS.Signals) => {
    for (const child of running) child.kill(signal);
  };
  let resolveExit: (code: number) => void = () => {};
  const exited = new Promise<number>((resolve) => (resolveExit = resolve));
  let firstCode: number | null = null;
  for (const child of processes) {
    child.once('exit', (code) => {
      running.delete(child);
      if (!stopping) {
        stopping = true;
        firstCode = code ?? 1;
        stopAll('SIGTERM');
      }
      if (running.size === 0) resolveExit(firstCode ?? 0);
    });
  }
  return {
    processes,
    exited,
    async stop(signal = 'SIGTERM') {
      if (!stopping) {
        stopping = true;
        stopAll(signal);
      }
      await exited;
    },
  };
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
  const demo: Record<string, string> = options.demoDatabase
    ? { DEMO_DATABASE: 'yes', DEMO_SIGN_IN: env.DEMO_SIGN_IN ?? 'on' }
    : {};
  const workers = mode === 'start' ? (options.workers ?? 1) : 1;
  if (workers > 1) console.log(`Next.js: ${workers} server processes on port ${options.port}`);
  const servers = startNextServers(mode, {
    port: options.port,
    workers,
    stdio: 'inherit',
    env: {
      ...demo,
      DATABASE_URL: options.databaseUrl,
      ...(mailCapture ? { SMTP_URL: mailCapture.url } : {}),
      ...(options.authSecret ? { AUTH_SECRET: options.authSecret } : {}),
      // Sign-in redirects need the public URL; on this machine that is localhost.
      AUTH_URL: env.AUTH_URL ?? `http://localhost:${options.port}`,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  process.on('SIGINT', () => void servers.stop('SIGINT'));
  process.on('SIGTERM', () => void servers.stop('SIGTERM'));

  const code = await servers.exited;
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
  // The weekly report is built in a process of its own (lib/reports/run-report-process.ts); in
  // development its bundle follows the code, as Next.js does (`npm run build` makes it for `start`).
  if (mode === 'dev') await bundleReportProcess(true);
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
    await prepareLaunchDatabase(databaseUrl, {
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
    workers: env.WEB_CONCURRENCY ?? availableParallelism(),
    cleanup: stopDatabase,
  });
}
