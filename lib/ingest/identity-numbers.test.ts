/**
 * Identity numbers caught in any field, end to end: documents with a national identity number in
 * every free-text field (the hostile corpus), FHI findings, notes, extension texts, a self-check,
 * a person's and an API key's name — each through its own data function — are written to a real
 * PostgreSQL, and then EVERY table of every schema is dumped row by row as text and searched. The
 * logs written meanwhile (including a real database error that quotes a value) are searched too.
 * Positive controls (an 11-digit order number that fails its check digit is kept, the mask's
 * marker is where a number was) prove that the dump sees what was written.
 */
import { formatWithOptions } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type PersonViewer, createApiKey, createUser } from '@/lib/access';
import { MASKED_IDENTITY_NUMBER, findIdentityNumbers } from '@/lib/core/identity-masking';
import { logLine, logUnexpectedError } from '@/lib/core/log';
import { db, sql } from '@/lib/db';
import { COMPUTED_NATIONAL_IDS, ORDER_NUMBER, fixtureText } from '@/lib/db/testing/domain-fixtures';
import { createTestCast, createTestViewer } from '@/lib/db/testing/viewers';
import { addNote, decideExtensionRequest, requestExtension } from '@/lib/follow-up';
import { IngestError } from './errors';
import { importFindings } from './import-findings';
import { type IngestResult, ingestDocument } from './ingest-document';
import { saveSelfCheck } from './data/self-checks';

const [FNR, FNR_2, FNR_3, DNR, HNR, FNR_6] = COMPUTED_NATIONAL_IDS;
const spaced = (n: string) => `${n.slice(0, 6)} ${n.slice(6)}`;
const dotted = (n: string) => `${n.slice(0, 2)}.${n.slice(2, 4)}.${n.slice(4, 6)} ${n.slice(6)}`;
const utf8 = (text: string) => new TextEncoder().encode(text);
const fixture = (path: string) => utf8(fixtureText(`./${path}`));
const RECEIVED_AT = new Date('2026-01-08T13:10:00Z');

/** Digests (SHA-256 in hex, bytea in hex) are computed values, not text: they may hold 11 digits in a row by chance. */
const DIGESTS = /\\x[0-9a-f]+|\b[0-9a-f]{64}\b/g;

/** Every row of every table in every non-system schema, as `<schema>.<table>: <row as text>` lines. */
async function dumpEveryTable(): Promise<{ tables: string[]; text: string }> {
  const tables = await sql().query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
      ORDER BY 1, 2`,
  );
  const lines: string[] = [];
  for (const { schema, name } of tables) {
    const rows = await sql().query<{ row: string }>(`SELECT t::text AS row FROM "${schema}"."${name}" t`);
    for (const { row } of rows) lines.push(`${schema}.${name}: ${row}`);
  }
  return { tables: tables.map(({ schema, name }) => `${schema}.${name}`), text: lines.join('\n') };
}

/** Every line written to the console while the tests run (they are not printed). */
const logged: string[] = [];

describe('identity numbers in any field', () => {
  let staff: PersonViewer;
  let admin: PersonViewer;
  let oslo: PersonViewer;
  let contact: PersonViewer;
  let dump: { tables: string[]; text: string };
  const results: IngestResult[] = [];
  const refused: IngestError[] = [];
  const answers: string[] = [];

  beforeAll(async () => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...parts: unknown[]) => {
        logged.push(formatWithOptions({ colors: false }, ...parts));
      });
    }
    ({ staff, admin, oslo } = await createTestCast('staff', 'admin', 'oslo'));
    contact = await createTestViewer(db(), 'MUNICIPAL_CONTACT', ['4601']);

    // The hostile corpus through ingestion, as the upload sends it (the actor is FHI staff).
    for (const path of [
      'findings/ipl-identity-numbers-in-header.xml',
      'findings/ide-identity-numbers-in-header.xml',
      'good/msghead-kpr-ide.xml',
      'good/apprec-identity-numbers-everywhere.xml',
      'good/apprec-1.1-avvist-own-codes-empty-inst.xml',
    ]) {
      results.push(await ingestDocument(staff, fixture(path), { receivedAt: RECEIVED_AT, transport: 'UPLOAD' }));
    }
    for (const path of [
      'bad/msghead-identity-number-in-msgid.xml',
      'bad/apprec-identity-number-in-id.xml',
      'bad/apprec-identity-number-in-original-msgid.xml',
      'bad/ide-number-as-gendate.xml',
    ]) {
      const error = await ingestDocument(staff, fixture(path), { receivedAt: RECEIVED_AT, transport: 'API' }).catch(
        (caught: unknown) => caught,
      );
      if (!(error instanceof IngestError)) throw new Error(`expected ${path} to be refused`);
      refused.push(error);
    }

    // FHI's findings, with numbers in the key, a code and the messages.
    const findings = await importFindings(
      staff,
      utf8(
        JSON.stringify({
          findings: [
            {
              municipality: '4601',
              season: '2025',
              msgId: `ordre-${ORDER_NUMBER}`,
              code: `V-${FNR}`,
              severity: 'ERROR',
              message: `Personen ${spaced(DNR)} mangler tjeneste (bestilling ${ORDER_NUMBER}).`,
            },
            { municipality: '0301', season: '2025', code: 'V2', severity: 'INFO', message: `Se ${dotted(HNR)}.` },
          ],
        }),
      ),
      { format: 'json', key: `import-${FNR_2}` },
    );
    answers.push(JSON.stringify(findings));
    if (!findings.ok) throw new Error(`the findings import failed: ${findings.message}`);

    // Notes and extension texts through their data functions.
    answers.push(
      JSON.stringify(await addNote(oslo, '0301', { body: `Ring ${FNR_3} om saken (ordre ${ORDER_NUMBER}).` })),
    );
    answers.push(JSON.stringify(await addNote(staff, '0301', { body: `Gjelder ${spaced(FNR_6)}.` })));
    const friday = new Date('2026-01-09T10:00:00+01:00');
    const request = await requestExtension(
      oslo,
      '0301',
      {
        requestedDate: '2026-02-13',
        reasonCategory: 'OTHER',
        justification: `Uttrekket stoppet på person ${FNR}.`,
        plannedFix: `Leverandøren retter ${dotted(DNR)}.`,
      },
      {},
      friday,
    );
    if (!request?.ok) throw new Error('the extension request was not saved');
    answers.push(
      JSON.stringify(
        await decideExtensionRequest(staff, request.id, { decision: 'DENY', note: `Ikke nok: ${HNR}.` }, friday),
      ),
    );

    // A self-check whose header texts and a service-code key hold numbers.
    const saved = await saveSelfCheck(
      contact,
      {
        municipalityNumber: '4601',
        header: {
          municipalityNumberAsSent: '4601',
          periodFrom: '2025-01-01',
          periodTo: '2025-12-31',
          epjSystem: `Gerica ${FNR}`,
          epjVersion: spaced(DNR),
          runNumber: HNR,
        },
        summary: {
          kind: 'KPR_IPL',
          persons: 2,
          servicesByCode: { '6': 1, [FNR_2]: 1 },
          organisationNumbers: { checked: 0, invalid: 0 },
        },
        identity: null,
      },
      new Date('2026-01-05T10:00:00Z'),
    );
    answers.push(JSON.stringify(saved));

    // A person's and an API key's name, as an admin types them.
    answers.push(
      JSON.stringify(
        await createUser(admin, {
          name: `Kari Nordmann ${FNR_3}`,
          email: 'kari.identitet@test.example.no',
          role: 'FHI_STAFF',
          municipalityNumbers: [],
        }),
      ),
    );
    answers.push(JSON.stringify(await createApiKey(admin, { name: `Nøkkel ${spaced(FNR_6)}`, scopes: ['READ'] })));

    // The log: a line with a number, and a real database error that quotes the value it refused.
    logLine('Jobs: handled', { note: `for ${FNR}` });
    const databaseError = await sql()
      .query(`SELECT $1::int AS n`, [`${DNR}x`])
      .catch((error: unknown) => error);
    expect(formatWithOptions({}, databaseError)).toContain(DNR);
    logUnexpectedError('test-request', 'a test', databaseError);

    dump = await dumpEveryTable();
  });

  afterAll(() => {
    vi.restoreAllMocks();
  });

  it('dumps every table, including what was written here', () => {
    for (const table of [
      'public.message',
      'public.apprec',
      'public.apprec_error',
      'public.finding',
      'public.finding_import',
      'public.note',
      'public.extension_request',
      'public.self_check',
      'public.app_user',
      'public.api_key',
      'public.audit_event',
    ])
      expect(dump.tables).toContain(table);
    // The order number is kept wherever it was sent: the MsgId, iiSysVersjon, an AppRec text, a finding, a note.
    for (const table of ['message', 'apprec_error', 'finding', 'note'])
      expect(dump.text, table).toMatch(new RegExp(`^public\\.${table}: .*${ORDER_NUMBER}`, 'm'));
    // The marker stands where a number was.
    for (const table of [
      'message',
      'apprec_error',
      'finding',
      'finding_import',
      'note',
      'extension_request',
      'self_check',
      'app_user',
      'api_key',
      'audit_event',
    ])
      expect(dump.text, table).toMatch(new RegExp(`^public\\.${table}: .*\\[fødselsnummer fjernet\\]`, 'm'));
  });

  it('finds no identity number in any table, in any spelling', () => {
    const text = dump.text.replace(DIGESTS, '');
    expect(findIdentityNumbers(text)).toEqual([]);
    for (const number of COMPUTED_NATIONAL_IDS) expect(dump.text).not.toContain(number);
  });

  it('stores the finding that says where a header number was masked, without the number', async () => {
    const ipl = results[0]!.summary;
    expect(ipl).toMatchObject({ kind: 'KPR_IPL', msgId: `ordre-${ORDER_NUMBER}`, municipalityNumber: '4601' });
    const stored = await db().finding.findMany({
      where: { sourceMessage: { msgId: `ordre-${ORDER_NUMBER}` }, code: 'IDENTITY_NUMBER_MASKED' },
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ severity: 'WARNING', count: 4 });
    expect(stored[0]!.message).toContain('INNHINFO/iiSysID');
    expect(stored[0]!.message).toContain('fødselsnummer');
    const message = await db().message.findUniqueOrThrow({ where: { msgId: `ordre-${ORDER_NUMBER}` } });
    expect(message).toMatchObject({
      senderName: `Bergen kommune v/ ${MASKED_IDENTITY_NUMBER}`,
      epjSystem: `Gerica ${MASKED_IDENTITY_NUMBER}`,
      epjVersion: `4.2.1 bestilling ${ORDER_NUMBER}`,
      runNumber: MASKED_IDENTITY_NUMBER,
    });
    if (ipl.kind === 'APPREC') throw new Error('expected a message');
    expect(ipl.findings.map((finding) => finding.code)).toContain('IDENTITY_NUMBER_MASKED');
    const ide = results[1]!.summary;
    if (ide.kind === 'APPREC') throw new Error('expected a message');
    expect(ide.findings.map((finding) => finding.code)).toEqual(['IDENTITY_NUMBER_MASKED', 'TEST_PERSONS']);
  });

  it('records in the audit log which fields were masked', async () => {
    const events = await db().auditEvent.findMany({ where: { action: 'ingest.message', outcome: 'SUCCESS' } });
    const masked = events.map((event) => (event.details as { maskedFields?: string[] }).maskedFields ?? []);
    expect(masked).toContainEqual(expect.arrayContaining(['INNHINFO/iiSysID', 'INNHINFO/iiLopenr']));
    expect(masked).toContainEqual(expect.arrayContaining(['AppRec/Error[1]/@OT', 'AppRec/Error[2]/@V']));
  });

  it('refuses an id holding a number, naming the field and not the number', () => {
    expect(refused.map((error) => [error.status, error.code])).toEqual([
      [422, 'MSGHEAD_INVALID_VALUE'],
      [422, 'APPREC_INVALID_VALUE'],
      [422, 'APPREC_INVALID_VALUE'],
      [422, 'MSGHEAD_INVALID_DATE'],
    ]);
    expect(refused.map((error) => error.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('MsgInfo/MsgId must not contain a national identity number'),
        expect.stringContaining('AppRec/OriginalMsgId/Id must not contain a national identity number'),
      ]),
    );
    expect(findIdentityNumbers(refused.map((error) => error.message).join('\n'))).toEqual([]);
  });

  it('answers without a number: ingestion summaries, the findings import, notes, extensions, the self-check, users and keys', () => {
    const text = [...results.map((result) => JSON.stringify(result)), ...answers].join('\n');
    expect(text).toContain(MASKED_IDENTITY_NUMBER);
    expect(findIdentityNumbers(text.replace(DIGESTS, ''))).toEqual([]);
  });

  it('logs without a number, the database error included', () => {
    expect(logged.some((line) => line.includes('a test failed'))).toBe(true);
    expect(logged.some((line) => line.includes('Jobs: handled'))).toBe(true);
    const text = logged.join('\n');
    expect(text).toContain(MASKED_IDENTITY_NUMBER);
    expect(findIdentityNumbers(text)).toEqual([]);
    for (const number of COMPUTED_NATIONAL_IDS) expect(text).not.toContain(number);
  });
});
