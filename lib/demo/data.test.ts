import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@/lib/db/client';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/database';
import { generateDemoData } from './generate';
import type { DemoDataset } from './model';
import { loadDemoReference, seedDemoIfEmpty, writeDemoData } from './data';

const OPTIONS = { seed: 2025 };

const databases: TestDatabase[] = [];
async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  databases.push(database);
  return database;
}
afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

function countsOf(dataset: DemoDataset) {
  return {
    seasons: dataset.seasons.length,
    messages: dataset.messages.length,
    apprecs: dataset.apprecs.length,
    apprecErrors: dataset.apprecErrors.length,
    findings: dataset.findings.length,
    extensionRequests: dataset.extensionRequests.length,
    notes: dataset.notes.length,
  };
}

describe('seedDemoIfEmpty', () => {
  let database: TestDatabase;
  let expected: DemoDataset;

  beforeAll(async () => {
    database = await freshDatabase();
    expected = generateDemoData(await loadDemoReference(database.prisma), OPTIONS);
  });

  it('writes the generated dataset into an empty database, row for row', async () => {
    const { prisma } = database;
    const referenceSeasons = await prisma.season.count();
    expect(await seedDemoIfEmpty(prisma, OPTIONS)).toEqual(countsOf(expected));
    expect({
      seasons: (await prisma.season.count()) - referenceSeasons,
      messages: await prisma.message.count(),
      apprecs: await prisma.apprec.count(),
      apprecErrors: await prisma.apprecError.count(),
      findings: await prisma.finding.count(),
      extensionRequests: await prisma.extensionRequest.count(),
      notes: await prisma.note.count(),
    }).toEqual(countsOf(expected));

    // Every value survives the trip (ids, instants, calendar dates, enums, JSON content).
    const messages = await prisma.message.findMany({ orderBy: { id: 'asc' } });
    expect(messages).toEqual([...expected.messages].sort((a, b) => (a.id < b.id ? -1 : 1)));
    const findings = await prisma.finding.findMany({ orderBy: { id: 'asc' } });
    expect(findings).toEqual([...expected.findings].sort((a, b) => (a.id < b.id ? -1 : 1)));
    const apprec = expected.apprecs.find((row) => row.status === 'REJECTED');
    expect(await prisma.apprec.findUnique({ where: { id: apprec?.id } })).toEqual(apprec);
    expect(
      await prisma.apprecError.findMany({ where: { apprecId: apprec?.id }, orderBy: { position: 'asc' } }),
    ).toEqual(expected.apprecErrors.filter((error) => error.apprecId === apprec?.id));
    const request = expected.extensionRequests[0];
    expect(await prisma.extensionRequest.findUnique({ where: { id: request?.id } })).toEqual(request);
    const note = expected.notes[0];
    expect(await prisma.note.findUnique({ where: { id: note?.id } })).toEqual(note);
  });

  it('writes nothing the second time', async () => {
    expect(await seedDemoIfEmpty(database.prisma, OPTIONS)).toBeNull();
    expect(await database.prisma.message.count()).toBe(expected.messages.length);
  });
});

describe('seeding and writing', () => {
  it('seeds once when two processes start at the same time', async () => {
    const database = await freshDatabase();
    const other = createPrismaClient(database.url, 2);
    try {
      const results = await Promise.all([seedDemoIfEmpty(database.prisma, OPTIONS), seedDemoIfEmpty(other, OPTIONS)]);
      expect(results.filter((result) => result === null)).toHaveLength(1);
      const written = results.find((result) => result !== null);
      expect(await database.prisma.message.count()).toBe(written?.messages);
    } finally {
      await other.$disconnect();
    }
  });

  it('creates the seasons a scale run adds, with the database defaults for their thresholds', async () => {
    const { prisma } = await freshDatabase();
    const dataset = generateDemoData(await loadDemoReference(prisma), { ...OPTIONS, extraAnnualSeasons: 1 });
    await writeDemoData(dataset, prisma);
    const season = await prisma.season.findUniqueOrThrow({ where: { key: '2023' } });
    expect(season).toMatchObject({ ...dataset.seasons[0], apprecOverdueHours: 96 });
    expect(await prisma.message.count({ where: { seasonId: season.id } })).toBe(
      dataset.messages.filter((message) => message.seasonId === season.id).length,
    );
  });
});
