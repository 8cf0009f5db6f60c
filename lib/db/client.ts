/**
 * The one place that builds a PrismaClient. Prisma 7's client needs no native engine: it talks to
 * PostgreSQL through the `pg` driver adapter, over a pool made and configured here.
 */
import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/client';

export type { PrismaClient };

const POOLS = Symbol.for('kpr-status.prisma-pools');

/**
 * Each client's pool, kept on globalThis: the server's bundles may hold more than one instance of
 * this module (a page's and a route's), and a client made in one is used in another.
 */
const globalForPools = globalThis as unknown as { [POOLS]?: WeakMap<PrismaClient, pg.Pool> };
const pools = (globalForPools[POOLS] ??= new WeakMap());

export function createPrismaClient(databaseUrl: string, poolSize = 10): PrismaClient {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // The client owns the pool: $disconnect ends it.
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(prisma, pool);
  return prisma;
}

/**
 * Runs `text` through the `pg` pool under a client made by createPrismaClient, as a named prepared
 * statement: PostgreSQL parses and plans it once per connection, not on every call. For the few
 * hot statements of ingestion; everything else goes through Prisma. Rows come back with `pg`'s
 * types, not Prisma's: read only text, numbers and JSON this way, and pass instants as ISO strings.
 */
export async function queryPrepared<Row>(prisma: PrismaClient, text: string, values: unknown[]): Promise<Row[]> {
  const pool = pools.get(prisma);
  if (!pool) throw new Error('This PrismaClient was not made by createPrismaClient.');
  const name = `prepared_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
  return (await pool.query({ name, text, values })).rows as Row[];
}
