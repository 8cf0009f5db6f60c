/**
 * The second lock: queries that deliberately forget the municipality scope (no scopeWhere, no
 * scopeParameter), run the way the data modules run them (db(actor), sql(actor)), still return
 * only the actor's municipalities. The same queries on a copy without the policies return every
 * municipality's rows, so these tests stand on the policies and nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/access/data/api-keys';
import { checkApiKey } from '@/lib/access/data/api-key-check';
import { systemActor, type Actor, type Viewer } from '@/lib/access/rules/actor';
import { db, sql } from './index';
import { closeAppPool, openAppPool } from './sql';
import { createTestDatabase, type TestDatabase } from './testing/database';
import { recordTestApprec, recordTestMessage } from './testing/deliveries';
import { createTestViewer } from './testing/viewers';

const OSLO = '0301';
const BERGEN = '4601';

/** Rows of every kind of municipal data for Oslo and Bergen, and an unattributed message with its AppRec. */
async function seed(database: TestDatabase): Promise<void> {
  const { prisma } = database;
  const season = await prisma.season.findUniqueOrThrow({ where: { key: '2025' } });
  for (const municipality of [OSLO, BERGEN]) {
    const msgId = `rls-${municipality}`;
    await recordTestMessage(prisma, { msgId, type: 'KPR_IPL', municipality, receivedAt: '2026-01-10T09:00:00Z' });
    await recordTestApprec(prisma, msgId, 'REJECTED', '2026-01-10T10:00:00Z');
    const base = { seasonId: season.id, municipalityNumber: municipality };
    await prisma.finding.create({
      data: { ...base, source: 'INGEST_CHECK', code: 'X', severity: 'ERROR', message: 'm', detectedAt: new Date() },
    });
    await prisma.note.create({ data: { ...base, body: 'b', createdAt: new Date() } });
    await prisma.extensionRequest.create({
      data: { ...base, requestedDeadline: new Date(), justification: 'j', requestedAt: new Date() },
    });
    await prisma.auditEvent.create({ data: { action: 'test', outcome: 'SUCCESS', municipalityNumber: municipality } });
  }
  // Unattributed: no municipality; and its AppRec, which answers a message no contact sees.
  await prisma.message.create({
    data: {
      msgId: 'rls-unattributed',
      type: 'KPR_IDE',
      seasonId: season.id,
      genDate: new Date(),
      receivedAt: new Date(),
      transport: 'API',
      receiverHerId: 122612,
      environment: 'PRODUCTION',
      payloadSha256: 'c'.repeat(64),
    },
  });
  await recordTestApprec(prisma, 'rls-unattributed', 'REJECTED', '2026-01-10T10:00:00Z');
}

/** What `actor` reads with no scope in the query: the municipality of every row, per table. */
async function unscopedReads(actor: Actor) {
  const numbers = (rows: { municipalityNumber: string | null }[]) =>
    [...new Set(rows.map((row) => row.municipalityNumber ?? 'none'))].sort();
  const prisma = db(actor);
  const text = (table: string) => `SELECT municipality_number AS "municipalityNumber" FROM ${table}`;
  return {
    message: numbers(await prisma.message.findMany({ select: { municipalityNumber: true } })),
    finding: numbers(await prisma.finding.findMany({ select: { municipalityNumber: true } })),
    note: numbers(await sql(actor).query(text('note'))),
    extensionRequest: numbers(await sql(actor).query(text('extension_request'))),
    auditEvent: numbers(await sql(actor).query(`${text('audit_event')} WHERE action = 'test'`)),
    // AppRecs belong to the message they answer.
    apprec: numbers(
      await sql(actor).query(
        `SELECT m.municipality_number AS "municipalityNumber" FROM apprec a LEFT JOIN message m ON m.msg_id = a.original_msg_id`,
      ),
    ),
    apprecError: (await sql(actor).query<{ count: number }>(`SELECT count(*)::int AS count FROM apprec_error`))[0]!
      .count,
    // Inside an interactive transaction too (Prisma's own BEGIN opens it with the scope).
    inTransaction: numbers(
      await prisma.$transaction((tx) => tx.message.findMany({ select: { municipalityNumber: true } })),
    ),
  };
}

const ONLY = (municipality: string) => ({
  message: [municipality],
  finding: [municipality],
  note: [municipality],
  extensionRequest: [municipality],
  auditEvent: [municipality],
  apprec: [municipality],
  apprecError: 1,
  inTransaction: [municipality],
});

const EVERY = {
  message: [OSLO, BERGEN, 'none'].sort(),
  finding: [OSLO, BERGEN].sort(),
  note: [OSLO, BERGEN].sort(),
  extensionRequest: [OSLO, BERGEN].sort(),
  auditEvent: [OSLO, BERGEN].sort(),
  apprec: [OSLO, BERGEN, 'none'].sort(),
  apprecError: 3,
  inTransaction: [OSLO, BERGEN, 'none'].sort(),
};

/** The people and keys of the tests, on the database the app's pool is open on. */
async function cast(database: TestDatabase) {
  const oslo = await createTestViewer(database.prisma, 'MUNICIPAL_CONTACT', [OSLO]);
  const admin = await createTestViewer(database.prisma, 'FHI_ADMIN');
  const staff = await createTestViewer(database.prisma, 'FHI_STAFF');
  const created = await createApiKey(admin, { name: 'read', scopes: ['READ'] });
  const check = await checkApiKey(systemActor('sign-in'), created!.secret, 'READ', 'request', new Date());
  if (!check.ok) throw new Error('the READ key was refused');
  const readKey: Viewer = check.viewer;
  // Keys are FHI-wide today; a key bound to one municipality is the same kind of viewer with a scope.
  const bergenReadKey: Viewer = { ...readKey, role: 'MUNICIPAL_CONTACT', municipalityNumbers: [BERGEN] };
  return { oslo, staff, readKey, bergenReadKey };
}

describe('row-level security', () => {
  let database: TestDatabase;
  let people: Awaited<ReturnType<typeof cast>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database);
    openAppPool(database.url, 4);
    people = await cast(database);
  });
  afterAll(async () => {
    await closeAppPool();
    await database.drop();
  });

  it('lets a contact read only their municipality, though the query names none', async () => {
    expect(await unscopedReads(people.oslo)).toEqual(ONLY(OSLO));
  });

  it('lets a READ key bound to a municipality read only that one', async () => {
    expect(await unscopedReads(people.bergenReadKey)).toEqual(ONLY(BERGEN));
  });

  it('lets FHI, an FHI-wide READ key and a system actor read every row, unattributed ones too', async () => {
    expect(await unscopedReads(people.staff)).toEqual(EVERY);
    expect(await unscopedReads(people.readKey)).toEqual(EVERY);
    expect(await unscopedReads(systemActor('weekly-report'))).toEqual(EVERY);
  });

  it("refuses a contact's write to another municipality, and lets them record the refusal", async () => {
    const season = await database.prisma.season.findUniqueOrThrow({ where: { key: '2025' } });
    const note = (municipalityNumber: string) => ({
      data: { seasonId: season.id, municipalityNumber, body: 'b', createdAt: new Date() },
    });
    await expect(db(people.oslo).note.create(note(BERGEN))).rejects.toThrow(/row-level security/);
    await expect(db(people.oslo).note.create(note(OSLO))).resolves.toBeTruthy();
    await expect(
      sql(people.oslo).query(`UPDATE finding SET message = 'changed' WHERE municipality_number = $1 RETURNING id`, [
        BERGEN,
      ]),
    ).resolves.toEqual([]);
    await expect(
      db(people.oslo).auditEvent.createMany({
        data: [{ action: 'denied', outcome: 'DENIED', municipalityNumber: BERGEN }],
      }),
    ).resolves.toEqual({ count: 1 });
  });

  it('runs as the role of the actor only for its transaction: a pooled connection keeps neither role nor scope', async () => {
    const as = (actor?: Actor) =>
      sql(actor).query<{ role: string; scope: string | null }>(
        `SELECT current_user AS role, current_setting('kpr_status.municipalities', true) AS scope`,
      );
    expect(await as(people.oslo)).toEqual([{ role: 'kpr_status_viewer', scope: OSLO }]);
    expect(await as(systemActor('reminders'))).toEqual([{ role: 'kpr_status_system', scope: '*' }]);
    // The pool has 4 connections: each has served a scoped transaction by now.
    const owners = await Promise.all(Array.from({ length: 8 }, () => as()));
    for (const [row] of owners) expect(row!.role).not.toMatch(/^kpr_status_/);
    for (const [row] of owners) expect(row!.scope ?? '').toBe('');
  });
});

describe('row-level security, with the policies dropped', () => {
  let database: TestDatabase;
  let people: Awaited<ReturnType<typeof cast>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database);
    // A throwaway copy without the lock: every policy dropped, row-level security off.
    const policies = await database.prisma.$queryRaw<{ policyname: string; tablename: string }[]>`
      SELECT policyname, tablename FROM pg_policies WHERE schemaname = 'public'`;
    expect(policies.length).toBeGreaterThan(0);
    for (const { policyname, tablename } of policies)
      await database.prisma.$executeRawUnsafe(`DROP POLICY "${policyname}" ON "${tablename}"`);
    for (const table of new Set(policies.map((policy) => policy.tablename)))
      await database.prisma.$executeRawUnsafe(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
    openAppPool(database.url, 4);
    people = await cast(database);
  });
  afterAll(async () => {
    await closeAppPool();
    await database.drop();
  });

  it('lets the same unscoped queries of a contact and a READ key read every municipality: the leak the policies close', async () => {
    expect(await unscopedReads(people.oslo)).toEqual(EVERY);
    expect(await unscopedReads(people.bergenReadKey)).toEqual(EVERY);
  });
});
