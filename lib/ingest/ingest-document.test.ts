import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Viewer } from '@/lib/access';
import { db } from '@/lib/db';
import { auditRowsDuring } from '@/lib/db/testing/viewers';
import { COMPUTED_NATIONAL_IDS, SYNTHETIC_NATIONAL_IDS, fixtureText } from '@/lib/db/testing/domain-fixtures';
import { IngestError } from './errors';
import { type IngestOptions, ingestDocument } from './ingest-document';

const FIXTURES = './readers/fixtures/';
/** A corpus file (paths relative to lib/ingest/readers/fixtures), with its identity-number placeholders filled in. */
const fixture = (path: string) => fixtureText(`./${path}`);
const utf8 = (text: string) => new TextEncoder().encode(text);
const withMsgId = (text: string, msgId: string) => text.replace(/<MsgId>[^<]*<\/MsgId>/, `<MsgId>${msgId}</MsgId>`);
const IDENTITY_NUMBERS = [...COMPUTED_NATIONAL_IDS, ...SYNTHETIC_NATIONAL_IDS];

/** The sending system's API key, as the route's authentication gives it. */
const SENDER: Viewer = {
  userId: null,
  apiKeyId: '0190a3c2-0000-7000-8000-000000000001',
  name: 'Mottak',
  role: 'FHI_STAFF',
  municipalityNumbers: [],
  sessionId: null,
  requestId: 'test-request',
};
const options = (overrides: Partial<IngestOptions> = {}): IngestOptions => ({
  receivedAt: new Date('2026-01-08T13:10:00Z'),
  transport: 'API',
  ...overrides,
});

async function rowCounts() {
  const prisma = db();
  const [message, apprec, apprecError, finding] = await Promise.all([
    prisma.message.count(),
    prisma.apprec.count(),
    prisma.apprecError.count(),
    prisma.finding.count(),
  ]);
  return { message, apprec, apprecError, finding };
}

/** Everything ingestion may have written, as text, to search for identity numbers. */
async function everythingWritten(): Promise<string> {
  const prisma = db();
  const [messages, apprecs, errors, findings, audit] = await Promise.all([
    prisma.message.findMany(),
    prisma.apprec.findMany(),
    prisma.apprecError.findMany(),
    prisma.finding.findMany(),
    prisma.auditEvent.findMany(),
  ]);
  return JSON.stringify([messages, apprecs, errors, findings, audit], (_, value: unknown) =>
    typeof value === 'bigint' ? String(value) : value,
  );
}

async function rejection(bytes: Uint8Array, overrides?: Partial<IngestOptions>): Promise<IngestError> {
  try {
    await ingestDocument(SENDER, bytes, options(overrides));
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected the document to be rejected');
}

describe('ingestDocument', () => {
  beforeAll(async () => {
    // A 2024 delivery from Bergen, for the EPJ-change and volume comparisons.
    const lastYear = fixture('good/msghead-kpr-ipl.xml')
      .replace('<iiFraDato>20250101</iiFraDato>', '<iiFraDato>20240101</iiFraDato>')
      .replace('<iiTilDato>20251231</iiTilDato>', '<iiTilDato>20241231</iiTilDato>')
      .replace('<iiSysID>Gerica</iiSysID>', '<iiSysID>Profil</iiSysID>');
    await ingestDocument(
      SENDER,
      utf8(withMsgId(lastYear, 'bergen-2024')),
      options({ receivedAt: new Date('2025-01-10T10:00:00Z') }),
    );
  });

  it('stores a KPR_IPL as metadata, aggregates and check findings, and answers a resend as a duplicate', async () => {
    const bytes = utf8(fixture('good/msghead-kpr-ipl.xml'));
    const first = await ingestDocument(SENDER, bytes, options());
    expect(first.duplicate).toBe(false);
    expect(first.summary).toMatchObject({
      kind: 'KPR_IPL',
      msgId: '6f1c2d4e-8a3b-4c5d-9e7f-0a1b2c3d4e5f',
      environment: 'PRODUCTION',
      season: '2025',
      municipalityNumber: '4601',
      contentSummary: { kind: 'KPR_IPL', persons: 3 },
    });
    if (first.summary.kind !== 'KPR_IPL') throw new Error('expected KPR_IPL');
    expect(first.summary.findings.map((f) => f.code)).toEqual(['EPJ_SYSTEM_CHANGED']);

    const message = await db().message.findUniqueOrThrow({
      where: { msgId: first.summary.msgId },
      include: { findings: true, season: true },
    });
    expect(message).toMatchObject({
      municipalityNumber: '4601',
      epjSystem: 'Gerica',
      runNumber: '7',
      transport: 'API',
      receiverHerId: 122612,
    });
    expect(message.findings.map((f) => [f.code, f.source])).toEqual([['EPJ_SYSTEM_CHANGED', 'INGEST_CHECK']]);

    let again: Awaited<ReturnType<typeof ingestDocument>> | undefined;
    const audited = await auditRowsDuring(db(), async () => {
      again = await ingestDocument(SENDER, bytes, options({ receivedAt: new Date('2026-01-09T08:00:00Z') }));
    });
    expect(again).toEqual({ duplicate: true, summary: first.summary });
    expect(await db().message.count({ where: { msgId: first.summary.msgId } })).toBe(1);
    expect(audited).toMatchObject([
      {
        action: 'ingest.message',
        outcome: 'SUCCESS',
        municipalityNumber: '4601',
        details: { msgId: first.summary.msgId, duplicate: true },
      },
    ]);
  });

  it('refuses the same MsgId with other content (409) and writes nothing', async () => {
    const before = await rowCounts();
    const changed = fixture('good/msghead-kpr-ipl.xml').replace(
      '<iiSysVersjon>4.2.1</iiSysVersjon>',
      '<iiSysVersjon>4.2.2</iiSysVersjon>',
    );
    let error: IngestError | undefined;
    const audited = await auditRowsDuring(db(), async () => {
      error = await rejection(utf8(changed));
    });
    expect([error?.status, error?.code]).toEqual([409, 'MESSAGE_ID_CONFLICT']);
    expect(await rowCounts()).toEqual(before);
    expect(audited).toMatchObject([
      { action: 'ingest.message', outcome: 'FAILURE', details: { code: 'MESSAGE_ID_CONFLICT' } },
    ]);
  });

  it('stores a KPR_IDE as counts only and a test-person finding, never an identity number', async () => {
    const result = await ingestDocument(SENDER, utf8(fixture('good/msghead-kpr-ide.xml')), options());
    expect(result.summary).toMatchObject({
      kind: 'KPR_IDE',
      municipalityNumber: '4601',
      contentSummary: { kind: 'KPR_IDE' },
    });
    const written = await everythingWritten();
    for (const number of IDENTITY_NUMBERS) expect(written).not.toContain(number);
    // No eleven-digit number on its own (a UUID's last group may hold eleven digits in a row, followed by a letter).
    expect(JSON.stringify(result)).not.toMatch(/\b\d{11}\b/);
  });

  it('stores AppRecs 1.0 and 1.1 (prefixed, default namespace, own codes) with their errors, before their message arrives', async () => {
    const good = fileURLToPath(new URL(`${FIXTURES}good/`, import.meta.url));
    const apprecs = readdirSync(good).filter((name) => name.startsWith('apprec-'));
    expect(apprecs.length).toBeGreaterThanOrEqual(7);
    for (const name of apprecs) {
      const result = await ingestDocument(SENDER, utf8(fixture(`good/${name}`)), options());
      expect(result.duplicate, name).toBe(false);
      if (result.summary.kind !== 'APPREC') throw new Error('expected an AppRec');
      const stored = await db().apprec.findUniqueOrThrow({
        where: { apprecId: result.summary.apprecId },
        include: { errors: true },
      });
      expect(stored.errors).toHaveLength(result.summary.errors.length);
      expect(stored.originalMsgId).toBe(result.summary.originalMsgId);
    }
    const rejected = await db().apprec.findFirstOrThrow({ where: { status: 'REJECTED' }, include: { errors: true } });
    expect(rejected.errors.length).toBeGreaterThan(0);

    // A resend answers with the stored AppRec (errors in order) and is audited as a duplicate; other content with its Id is a conflict.
    const resent = utf8(fixture('good/apprec-1.0-avvist-prefixed.xml'));
    const first = await ingestDocument(SENDER, resent, options());
    let again: Awaited<ReturnType<typeof ingestDocument>> | undefined;
    const audited = await auditRowsDuring(db(), async () => {
      again = await ingestDocument(SENDER, resent, options({ receivedAt: new Date('2026-01-09T08:00:00Z') }));
    });
    expect(first.duplicate).toBe(true);
    expect(again).toEqual(first);
    expect(audited).toMatchObject([{ outcome: 'SUCCESS', details: { kind: 'APPREC', duplicate: true } }]);
    const conflict = await rejection(utf8(`${fixture('good/apprec-1.0-avvist-prefixed.xml')}<!-- changed -->`));
    expect([conflict.status, conflict.code]).toEqual([409, 'APPREC_ID_CONFLICT']);
  });

  it('is idempotent under concurrent duplicates: one insert, the rest duplicates', async () => {
    const bytes = utf8(withMsgId(fixture('good/msghead-kpr-ipl.xml'), 'concurrent-1'));
    const results = await Promise.all(Array.from({ length: 12 }, () => ingestDocument(SENDER, bytes, options())));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.summary.id)).size).toBe(1);
    expect(await db().message.count({ where: { msgId: 'concurrent-1' } })).toBe(1);
    const id = results[0]!.summary.id;
    expect(await db().finding.count({ where: { messageId: id } })).toBe(1);

    const apprec = utf8(
      fixture('good/apprec-1.0-avvist-prefixed.xml').replace(
        /(<[a-z]*:?Id>)([^<]*)(<\/[a-z]*:?Id>)/,
        '$1concurrent-apprec$3',
      ),
    );
    const apprecResults = await Promise.all(
      Array.from({ length: 12 }, () => ingestDocument(SENDER, apprec, options())),
    );
    expect(apprecResults.filter((r) => !r.duplicate)).toHaveLength(1);
    const stored = await db().apprec.findUniqueOrThrow({
      where: { apprecId: 'concurrent-apprec' },
      include: { errors: true },
    });
    expect(stored.errors.length).toBeGreaterThan(0);
  });

  it('lets exactly one of concurrent different documents with one MsgId win; the others conflict', async () => {
    const base = withMsgId(fixture('good/msghead-kpr-ipl.xml'), 'concurrent-2');
    const variants = Array.from({ length: 8 }, (_, i) =>
      utf8(base.replace('<iiLopenr>7</iiLopenr>', `<iiLopenr>${i + 10}</iiLopenr>`)),
    );
    const settled = await Promise.allSettled(variants.map((bytes) => ingestDocument(SENDER, bytes, options())));
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    for (const s of settled) {
      if (s.status === 'rejected') expect((s.reason as IngestError).code).toBe('MESSAGE_ID_CONFLICT');
    }
    expect(await db().message.count({ where: { msgId: 'concurrent-2' } })).toBe(1);
  });

  it('rejects every bad corpus document with its reader code, writes nothing and leaks no identity number', async () => {
    const bad = fileURLToPath(new URL(`${FIXTURES}bad/`, import.meta.url));
    const names = readdirSync(bad).filter((name) => name.endsWith('.xml'));
    expect(names.length).toBeGreaterThanOrEqual(70);
    const inputs: Array<[string, Uint8Array]> = [
      ...names.map((name): [string, Uint8Array] => [name, utf8(fixture(`bad/${name}`))]),
      ['unknown municipality', utf8(fixture('findings/ipl-unknown-municipality.xml'))],
      ['over the size limit', utf8(fixture('good/msghead-kpr-ide.xml'))],
      ['deep nesting', utf8(`${'<a>'.repeat(500)}${'</a>'.repeat(500)}`)],
      ['UTF-16 with a BOM', Uint8Array.from([0xff, 0xfe, ...[...'<a/>'].flatMap((c) => [c.charCodeAt(0), 0])])],
      ['quadratic blow-up', utf8(`<!DOCTYPE a [<!ENTITY x "${'x'.repeat(10_000)}">]><a>${'&x;'.repeat(1000)}</a>`)],
      [
        'KPR_IDE cut off inside an identity number',
        utf8(
          fixture('good/msghead-kpr-ide.xml').slice(
            0,
            fixture('good/msghead-kpr-ide.xml').indexOf(COMPUTED_NATIONAL_IDS[1]) + 6,
          ),
        ),
      ],
    ];
    const logged = [
      vi.spyOn(console, 'error'),
      vi.spyOn(console, 'warn'),
      vi.spyOn(console, 'log'),
      vi.spyOn(console, 'info'),
    ];
    const before = await rowCounts();
    const auditBefore = await db().auditEvent.count();
    for (const [name, bytes] of inputs) {
      const error = await rejection(bytes, name === 'over the size limit' ? { maxBytes: 1024 } : {});
      expect([400, 413, 415, 422], name).toContain(error.status);
      for (const number of IDENTITY_NUMBERS) expect(error.message, name).not.toContain(number);
    }
    expect(await rowCounts()).toEqual(before);
    const failures = await db().auditEvent.findMany({
      where: { action: 'ingest.message', outcome: 'FAILURE' },
      orderBy: { id: 'asc' },
    });
    expect(await db().auditEvent.count()).toBe(auditBefore + inputs.length);
    expect(failures.length).toBeGreaterThanOrEqual(inputs.length);
    const written = await everythingWritten();
    for (const number of IDENTITY_NUMBERS) expect(written).not.toContain(number);
    const output = JSON.stringify(logged.flatMap((spy) => spy.mock.calls));
    for (const number of IDENTITY_NUMBERS) expect(output).not.toContain(number);
    for (const spy of logged) spy.mockRestore();
  });
});
