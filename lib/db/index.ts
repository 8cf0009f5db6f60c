/**
 * The application's database (server only): a PrismaClient and plain SQL, both on the process's one
 * pool on `DATABASE_URL`, which the launcher (scripts/dev.ts, scripts/start.ts) sets to the embedded
 * PostgreSQL when it is unset. Only data modules (`lib/<capability>/data*`) import this.
 */
import 'server-only';
import type pg from 'pg';
import { createPrismaClient, type PrismaClient } from './client';
import { appPool } from './sql';

export { sql } from './sql';

const globalForPrisma = globalThis as unknown as { prisma?: { client: PrismaClient; pool: pg.Pool } };

/**
 * One client per server process (kept across hot reloads in development), created on first use
 * on the process's pool, and again if that pool was closed and another opened (a launcher or
 * benchmark that writes, closes and later opens the pool again).
 */
export function db(): PrismaClient {
  const pool = appPool();
  if (globalForPrisma.prisma?.pool !== pool) globalForPrisma.prisma = { client: createPrismaClient(pool), pool };
  return globalForPrisma.prisma.client;
}
