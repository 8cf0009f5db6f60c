/**
 * `npm run db:backup [-- <file>]` and `npm run db:restore -- <file> [--database <name>] [--replace]`:
 * back up the app's database to one file and restore it into an empty database (lib/db/backup.ts),
 * on the PostgreSQL at DATABASE_URL or, when it is unset, the embedded one (EMBEDDED_POSTGRES_DIR,
 * database `kpr`), which is used while the app runs or started for the occasion when it does not.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { env } from '../lib/core/env';
import { backupDatabase, readBackupHeader, restoreDatabase, serverVersion } from '../lib/db/backup';
import { startEmbeddedPostgres } from '../lib/db/embedded';
import { adminQuery, quoteIdentifier, withDatabase } from '../lib/db/server-admin';

const EMBEDDED_DATABASE = 'kpr';

function usage(): never {
  console.error(
    'Usage: npm run db:backup [-- <file>]\n       npm run db:restore -- <file> [--database <name>] [--replace]',
  );
  process.exit(2);
}

/** Whether a server answers at `url`. */
async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The database's URL, and how to stop the embedded server when this script started it. */
async function database(forBackup: boolean): Promise<{ url: string; where: string; stop: () => Promise<void> }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, where: 'DATABASE_URL', stop: async () => {} };
  const where = `the embedded PostgreSQL in ${env.EMBEDDED_POSTGRES_DIR}`;
  // The embedded server's own credentials (lib/db/embedded.ts); it listens on loopback only.
  const running = `postgresql://postgres:postgres@127.0.0.1:${env.EMBEDDED_POSTGRES_PORT}/${EMBEDDED_DATABASE}`;
  if (await answers(running)) return { url: running, where: `${where} (running)`, stop: async () => {} };
  if (forBackup && !existsSync(path.join(env.EMBEDDED_POSTGRES_DIR, 'PG_VERSION')))
    throw new Error(`There is no embedded database in ${env.EMBEDDED_POSTGRES_DIR} to back up.`);
  const embedded = await startEmbeddedPostgres({
    dataDir: env.EMBEDDED_POSTGRES_DIR,
    port: env.EMBEDDED_POSTGRES_PORT,
    database: EMBEDDED_DATABASE,
    persistent: true,
  });
  return { url: embedded.url, where: `${where} (started for this)`, stop: embedded.stop };
}

async function backup(args: string[]): Promise<void> {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const file = path.resolve(args[0] ?? path.join('.data', 'backups', `kpr-${stamp}Z.backup.gz`));
  await mkdir(path.dirname(file), { recursive: true });
  const { url, where, stop } = await database(true);
  try {
    const started = performance.now();
    const summary = await backupDatabase(url, file);
    const rows = Object.values(summary.tables).reduce((sum, count) => sum + count, 0);
    console.log(
      `Backed up ${where}, PostgreSQL ${summary.serverVersion}: ${Object.keys(summary.tables).length} tables, ${rows} rows, ${summary.migrations} migrations, in ${Math.round(performance.now() - started)} ms`,
    );
    console.log(file);
  } finally {
    await stop();
  }
}

async function restore(args: string[]): Promise<void> {
  const file = args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--database');
  if (!file) usage();
  const named = args.indexOf('--database');
  const replace = args.includes('--replace');
  const header = await readBackupHeader(path.resolve(file));
  const { url: configured, where, stop } = await database(false);
  try {
    const name = named >= 0 ? args[named + 1] : decodeURIComponent(new URL(configured).pathname.slice(1));
    if (!name) usage();
    const url = withDatabase(configured, name);
    const client = new pg.Client({ connectionString: withDatabase(configured, 'postgres') });
    await client.connect();
    let exists: boolean;
    try {
      const version = await serverVersion(client);
      console.log(
        `Backup of ${header.createdAt} from PostgreSQL ${header.serverVersion} (${header.migrations.length} migrations); restoring into database ${name} on ${where}, PostgreSQL ${version.text}`,
      );
      exists = (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    } finally {
      await client.end();
    }
    if (exists && replace) {
      console.log(`--replace: dropping database ${name}`);
      await adminQuery(configured, `DROP DATABASE ${quoteIdentifier(name)} WITH (FORCE)`);
      exists = false;
    }
    if (!exists) await adminQuery(configured, `CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE template0`);
    const started = performance.now();
    const summary = await restoreDatabase(url, path.resolve(file), console.log).catch((error: unknown) => {
      if (error instanceof Error && /not empty/.test(error.message))
        error.message += ` Name another with --database <name>, or replace ${name} with --replace (stop the app first).`;
      throw error;
    });
    const rows = Object.values(summary.tables).reduce((sum, count) => sum + count, 0);
    console.log(`Restored ${rows} rows into ${name} in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await stop();
  }
}

const [command, ...args] = process.argv.slice(2);
try {
  if (command === 'backup') await backup(args);
  else if (command === 'restore') await restore(args);
  else usage();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
