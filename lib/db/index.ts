/**
 * The application's database (server only): a PrismaClient and plain SQL, both on the process's one
 * pool on `DATABASE_URL`, which the launcher (scripts/dev.ts, scripts/start.ts) sets to the embedded
 * PostgreSQL when it is unset. Only data modules (`lib/<capability>/data*`) import this.
 */
import 'server-only';
import { createPrismaClient, type PrismaClient } from './client';
import { appPool } from './sql';

export { sql } from './sql';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** One client per server process (kept across hot reloads in development), created on first use. */
export function db(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient(appPool());
  return globalForPrisma.prisma;
}
