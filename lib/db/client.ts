/**
 * The one place that builds a PrismaClient. Prisma 7's client needs no native engine: it talks to
 * PostgreSQL through the `pg` driver adapter, over a pool made and configured here.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/client';
import { sqlOnPool, type Sql } from './sql';

export type { PrismaClient };

const POOLS = Symbol.for('kpr-status.prisma-pools');

/**
 * Each client's pool, kept on globalThis: the server's bundles may hold more than one instance of
 * this module (a page's and a route's), and a client made in one is used in another.
 */
const globalForPools = globalThis as unknown as { [POOLS]?: WeakMap<PrismaClient, pg.Pool> };
const pools = (globalForPools[POOLS] ??= new WeakMap());

/** A client on a pool of its own for `databaseUrl`, or on `pool` (which it then owns: $disconnect ends it). */
export function createPrismaClient(database: string | pg.Pool, poolSize = 10): PrismaClient {
  const pool = typeof database === 'string' ? new pg.Pool({ connectionString: database, max: poolSize }) : database;
  // The client owns the pool: $disconnect ends it.
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(prisma, pool);
  return prisma;
}

/** Plain SQL (lib/db/sql.ts) on the pool of a client made by createPrismaClient. */
export function sqlOf(prisma: PrismaClient): Sql {
  const pool = pools.get(prisma);
  if (!pool) throw new Error('This PrismaClient was not made by createPrismaClient.');
  return sqlOnPool(pool);
}
