/**
 * Databases for integration tests. vitest's global setup (global-setup.ts) starts one PostgreSQL
 * server per run — the one at DATABASE_URL, or a throwaway embedded one — and builds a template
 * database from empty: migrations applied, reference data loaded. Each test file gets its own copy.
 */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../client';
import { adminQuery, quoteIdentifier, withDatabase } from '../server-admin';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL on the test server (its database part is replaced per test database). */
    postgresServerUrl: string;
    /** The migrated template database with reference data. */
    templateDatabase: string;
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

/** A fresh database copied from the template: migrated from empty, reference data loaded. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `kpr_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await adminQuery(
    inject('postgresServerUrl'),
    `CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(inject('templateDatabase'))}`,
  );
  const url = withDatabase(inject('postgresServerUrl'), name);
  const prisma = createPrismaClient(url, 4);
  return {
    name,
    url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      await adminQuery(inject('postgresServerUrl'), `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    },
  };
}
