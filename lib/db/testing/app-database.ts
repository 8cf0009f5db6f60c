/**
 * vitest setup for tests of code that uses the application's database client (`db()` from
 * lib/db, e.g. the data access layer): each test file gets a fresh database copied from the
 * migrated template, and DATABASE_URL points at it before any application module is loaded.
 */
import { afterAll } from 'vitest';
import { createTestDatabase } from './database';

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  const { db } = await import('../index');
  await db().$disconnect();
  await database.drop();
});
