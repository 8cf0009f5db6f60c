import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing/database';
import { applyMigrations, pendingSchemaChange, readMigrations } from './schema-engine';

describe('migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('replayed from empty, match prisma/schema.prisma exactly (no pending change)', async () => {
    expect(await pendingSchemaChange(database.url)).toBe('');
  });

  it('are recorded in _prisma_migrations and not applied twice', async () => {
    const { migrationDirectories } = await readMigrations();
    const rows = await database.prisma.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((row) => row.migration_name)).toEqual(migrationDirectories.map((dir) => dir.path));
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
    expect(await applyMigrations(database.url)).toEqual([]);
  });
});
