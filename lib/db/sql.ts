/**
 * Plain SQL on a `pg` pool, without Prisma: for the hot reads and writes (the status derivation's
 * event loads, ingestion's write) and for the weekly report's own process, which reads the
 * database without loading Prisma's client and query compiler (some 100 MB of memory).
 *
 * Rows come back as Prisma would give them: instants (`timestamp(3)`, which Prisma writes in UTC
 * without a zone) and calendar dates as `Date`s in UTC, JSON parsed, `bigint` as a string.
 * Parameters that are `Date`s are sent as ISO instants in UTC (pg would send local time).
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Actor } from '@/lib/access/rules/actor';
import { databaseScope } from '@/lib/access/rules/database-scope';
import { env } from '@/lib/core/env';
import { scopedPool } from './scoped-pool';

export interface Sql {
  /** Runs `text` as a named prepared statement: PostgreSQL parses and plans it once per connection. */
  query<Row>(text: string, values?: readonly unknown[]): Promise<Row[]>;
}

const TIMESTAMP = pg.types.builtins.TIMESTAMP;
const DATE = pg.types.builtins.DATE;

/** `2025-01-15 07:00:00.123` (UTC, no zone) as that instant. */
const parseUtcTimestamp = (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
/** `2025-01-15` as midnight UTC, as Prisma reads a `@db.Date`. */
const parseDate = (value: string) => new Date(`${value}T00:00:00Z`);

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format !== 'binary' && oid === TIMESTAMP) return parseUtcTimestamp;
    if (format !== 'binary' && oid === DATE) return parseDate;
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** Statement names by text: hashed once per statement, not on every call. */
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `prepared_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
    statementNames.set(text, name);
  }
  return name;
}

export function sqlOnPool(pool: pg.Pool): Sql {
  return {
    async query<Row>(text: string, values: readonly unknown[] = []) {
      const params = values.map((value) => (value instanceof Date ? value.toISOString() : value));
      return (await pool.query({ name: statementName(text), text, values: params, types })).rows as Row[];
    },
  };
}

const POOL = Symbol.for('kpr-status.app-pool');
const globalForPool = globalThis as unknown as { [POOL]?: pg.Pool };

/**
 * The process's one pool on `DATABASE_URL` (kept across hot reloads and across the server's
 * bundles), made on first use. The app's PrismaClient (lib/db/index.ts) runs on it too; the
 * weekly report's process uses it alone and never loads Prisma.
 */
export function appPool(): pg.Pool {
  if (!globalForPool[POOL]) {
    if (!env.DATABASE_URL) {
      throw new Error('DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which provide one.');
    }
    globalForPool[POOL] = new pg.Pool({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE });
  }
  return globalForPool[POOL];
}

/**
 * Opens the process's pool on `url` instead of DATABASE_URL, before anything has used it: for a
 * launcher or benchmark that started the database itself (so its own environment names none).
 * `size` connections (DATABASE_POOL_SIZE by default).
 */
export function openAppPool(url: string, size: number = env.DATABASE_POOL_SIZE): void {
  if (globalForPool[POOL]) throw new Error('The database pool of this process is already open.');
  globalForPool[POOL] = new pg.Pool({ connectionString: url, max: size });
}

const SCOPED = Symbol.for('kpr-status.scoped-pools');
const globalForScoped = globalThis as unknown as { [SCOPED]?: WeakMap<pg.Pool, Map<string, pg.Pool>> };
const scopedPools = (globalForScoped[SCOPED] ??= new WeakMap());

/**
 * The process's pool as `actor` uses it: every transaction with the actor's role and municipality
 * scope, so row-level security holds (lib/db/scoped-pool.ts). One view per role and scope, made once.
 */
export function actorPool(actor: Actor): { pool: pg.Pool; key: string } {
  const pool = appPool();
  const scope = databaseScope(actor);
  const key = `${scope.role}:${scope.municipalities}`;
  let views = scopedPools.get(pool);
  if (!views) scopedPools.set(pool, (views = new Map()));
  let view = views.get(key);
  if (!view) views.set(key, (view = scopedPool(pool, scope)));
  return { pool: view, key };
}

/**
 * Plain SQL on the process's pool as `actor` (row-level security applies): for data modules only.
 * Without an actor, as the login role that owns the tables (no row-level security): for tests'
 * set-up and inspection only; ESLint refuses `sql()` anywhere else.
 */
export function sql(actor?: Actor): Sql {
  return sqlOnPool(actor ? actorPool(actor).pool : appPool());
}

/** Ends the process's pool (a process that is done with the database). */
export async function closeAppPool(): Promise<void> {
  const pool = globalForPool[POOL];
  globalForPool[POOL] = undefined;
  await pool?.end();
}
