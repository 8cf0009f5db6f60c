/**
 * The one place that builds a PrismaClient. Prisma 7's client needs no native engine: it talks to
 * PostgreSQL through the `pg` driver adapter, whose pool is configured here.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

export type { PrismaClient };

export function createPrismaClient(databaseUrl: string, poolSize = 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolSize });
  return new PrismaClient({ adapter });
}
