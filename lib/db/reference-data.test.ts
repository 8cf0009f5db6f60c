import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing/database';
import { loadReferenceData } from './reference-data';

describe('loadReferenceData', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('holds the 357 municipalities, 15 counties and 114 renumberings of 2025', async () => {
    const { prisma } = database;
    expect(await prisma.municipality.count()).toBe(357);
    expect(await prisma.county.count()).toBe(15);
    expect(await prisma.municipalityRenumbering.count()).toBe(114);
    const oslo = await prisma.municipality.findUniqueOrThrow({ where: { number: '0301' }, include: { county: true } });
    expect(oslo.shortName).toBe('Oslo');
    expect(oslo.county.name).toBe('Oslo');
    const haram = await prisma.municipalityRenumbering.findUniqueOrThrow({ where: { oldNumber: '1507' } });
    expect(haram.newNumber).toBe('1508');
  });

  it('knows which service codes expired and which are welfare technology', async () => {
    const { prisma } = database;
    const expired = await prisma.serviceCode.findMany({
      where: { validToYear: { not: null } },
      orderBy: { code: 'asc' },
    });
    expect(expired.map((code) => code.code)).toEqual([12, 13, 16]);
    expect(expired.every((code) => code.validToYear === 2018 && !code.name.includes('EXPIRED'))).toBe(true);
    const welfare = await prisma.serviceCode.findMany({ where: { welfareTechnology: true }, orderBy: { code: 'asc' } });
    expect(welfare.map((code) => code.code)).toEqual([6, 26, 27, 28]);
    expect((await prisma.serviceCode.findUniqueOrThrow({ where: { code: 29 } })).validFromYear).toBe(2019);
  });

  it('has the endpoints, the code lists and the three seasons with the deadline at the end of the day in Oslo', async () => {
    const { prisma } = database;
    const endpoints = await prisma.endpoint.findMany({ orderBy: { herId: 'asc' } });
    expect(endpoints.map((e) => [e.herId, e.environment])).toEqual([
      [85217, null],
      [122612, 'PRODUCTION'],
      [171479, 'VALIDATION'],
    ]);
    expect(
      await prisma.codeListEntry.findUnique({ where: { codeSystem_code: { codeSystem: '8221', code: 'T02' } } }),
    ).toMatchObject({
      name: 'XML validerer ikke',
    });
    expect(await prisma.codeListEntry.count({ where: { codeSystem: '8258' } })).toBe(3);
    const seasons = await prisma.season.findMany({ orderBy: { key: 'asc' } });
    expect(seasons.map((s) => [s.key, s.deadline.toISOString()])).toEqual([
      ['2024', '2025-01-15T22:59:59.999Z'],
      ['2025', '2026-01-15T22:59:59.999Z'],
      ['2026-daglig', '2027-01-02T11:00:00.000Z'],
    ]);
    expect(seasons[1]?.apprecOverdueHours).toBe(96);
    expect(seasons[1]?.dailyRules).toBeNull();
    // The daily season's rules are configuration, checked on the way in ($comment is dropped).
    expect(seasons[2]).toMatchObject({ kind: 'DAILY', name: 'KPR 2026 (daglig)' });
    expect(seasons[2]?.dailyRules).toEqual({
      expectedDays: 'WORKING',
      graceDays: 1,
      graceTime: '12:00',
      silenceWorkingDays: 3,
      rejectionRun: 3,
      volumeDropPercent: 60,
      volumeBaselineDeliveries: 10,
      ideRequired: true,
      lagWindowDays: 7,
    });
  });

  it('is idempotent', async () => {
    const { prisma } = database;
    const before = await prisma.season.findUniqueOrThrow({ where: { key: '2025' } });
    const counts = await loadReferenceData(prisma);
    expect(counts).toMatchObject({
      municipalities: 357,
      counties: 15,
      renumberings: 114,
      serviceCodes: 28,
      seasons: 3,
    });
    expect(await prisma.municipality.count()).toBe(357);
    expect(await prisma.season.count()).toBe(3);
    expect((await prisma.season.findUniqueOrThrow({ where: { key: '2025' } })).id).toBe(before.id);
  });
});
