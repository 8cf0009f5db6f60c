/**
 * vitest setup for tests of code that uses the application's database client (`db(actor)` from
 * lib/db, e.g. the data access layer): each test file gets a fresh database copied from the
 * migrated template, and the app's pool (db(actor), sql(actor)) is opened on it.
 */
import { afterAll } from 'vitest';
import { closeAppPool, openAppPool } from '../sql';
import { createTestDatabase } from './database';

const database = await createTestDatabase();
// The environment was read when lib/db loaded (above): the app's pool is opened on this database
// by name, and DATABASE_URL set for the processes a test starts (the weekly report's).
openAppPool(database.url);
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  await closeAppPool();
  await database.drop();
});
