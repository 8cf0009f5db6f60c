import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlOf } from './client';
import { createTestDatabase, type TestDatabase } from './testing/database';

describe('plain SQL on the client pool', () => {
  let database: TestDatabase;
  const zone = process.env.TZ;
  beforeAll(async () => {
    // A process far from UTC: pg alone would read and send these columns (UTC without a zone) as local time.
    process.env.TZ = 'America/New_York';
    database = await createTestDatabase();
  });
  afterAll(async () => {
    process.env.TZ = zone;
    await database.drop();
  });

  it('reads instants and calendar dates as Prisma does, whatever the time zone of the process', async () => {
    expect(new Date('2026-01-15T12:00:00Z').getTimezoneOffset()).toBe(300);
    const season = await database.prisma.season.findUniqueOrThrow({ where: { key: '2025' } });
    const [row] = await sqlOf(database.prisma).query<{
      deadline: Date;
      opensAt: Date;
      periodStart: Date;
      count: string;
    }>(
      `SELECT deadline, opens_at AS "opensAt", period_start AS "periodStart", count(*) OVER () AS count FROM season WHERE key = $1`,
      ['2025'],
    );
    expect(row).toEqual({
      deadline: season.deadline,
      opensAt: season.opensAt,
      periodStart: season.periodStart,
      count: '1',
    });
    expect(row!.periodStart.toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  it('sends a Date parameter as that instant', async () => {
    const season = await database.prisma.season.findUniqueOrThrow({ where: { key: '2025' } });
    const rows = await sqlOf(database.prisma).query<{ key: string }>(`SELECT key FROM season WHERE deadline = $1`, [
      season.deadline,
    ]);
    expect(rows).toEqual([{ key: '2025' }]);
  });
});
