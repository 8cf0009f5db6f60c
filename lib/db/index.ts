/**
 * The application's database client (server only). The URL comes from `DATABASE_URL`, which the
 * launcher (scripts/dev.ts, scripts/start.ts) sets to the embedded PostgreSQL when it is unset.
 */
import 'server-only';
import { env } from '@/lib/core/env';
import { createPrismaClient, sqlOf, type PrismaClient } from './client';
import type { Sql } from './sql';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** One client per server process (kept across hot reloads in development), created on first use. */
export function db(): PrismaClient {
  if (!globalForPrisma.prisma) {
    if (!env.DATABASE_URL) {
      throw new Error('DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which provide one.');
    }
    globalForPrisma.prisma = createPrismaClient(env.DATABASE_URL, env.DATABASE_POOL_SIZE);
  }
  return globalForPrisma.prisma;
}

/** Plain SQL (lib/db/sql.ts) on the app client's pool. */
export function sql(): Sql {
  return sqlOf(db());
}
