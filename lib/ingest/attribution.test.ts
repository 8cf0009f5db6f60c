/**
 * Attribution end to end on a real database: every stored KPR_IDE is attributed (payload, sender,
 * run) or listed for FHI; FHI's assignment counts from its time on (status, replay, the cached
 * overview); AppRecs that are not KPR receipts are refused and never linked.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonViewer, Viewer } from '@/lib/access';
import { db } from '@/lib/db';
import { fixtureText } from '@/lib/db/testing/domain-fixtures';
import { auditRowsDuring, createTestCast } from '@/lib/db/testing/viewers';
import { getMunicipalityStatus, getStatusOverview } from '@/lib/status';
import { assignDocumentMunicipality, listUnattributedDocuments } from './data/attribution';
import { IngestError } from './errors';
import { type IngestResult, type MessageIngestSummary, ingestDocument } from './ingest-document';

const utf8 = (text: string) => new TextEncoder().encode(text);
const SENDER: Viewer = {
  userId: null,
  apiKeyId: '0190a3c2-0000-7000-8000-000000000002',
  name: 'Mottak',
  role: 'FHI_STAFF',
  municipalityNumbers: [],
  sessionId: null,
  requestId: 'attribution-test',
};

interface Sender {
  herId: number;
  org: string;
}

/** The good KPR_IPL fixture for `komnr`, from `sender`, with run number `run`. */
function ipl(msgId: string, komnr: string, sender: Sender, run: string): string {
  return fixtureText('./good/msghead-kpr-ipl.xml')
    .replace(/<MsgId>[^<]*<\/MsgId>/, `<MsgId>${msgId}</MsgId>`)
    .replace('<Id>964338531</Id>', `<Id>${sender.org}</Id>`)
    .replace('<Id>91234</Id>', `<Id>${sender.herId}</Id>`)
    .replace('<iiKomnr>4601</iiKomnr>', `<iiKomnr>${komnr}</iiKomnr>`)
    .replace('<iiLopenr>7</iiLopenr>', `<iiLopenr>${run}</iiLopenr>`);
}

/** A KPR_IDE of a shape no reader knows (no municipality, no run number), from `sender`. */
function unknownShapeIde(msgId: string, sender: Sender): string {
  return fixtureText('./unattributed/msghead-kpr-ide-unknown-shape.xml')
    .replace(/<MsgId>[^<]*<\/MsgId>/, `<MsgId>${msgId}</MsgId>`)
    .replace('<Id>923609016</Id>', `<Id>${sender.org}</Id>`)
    .replace('<Id>8765432</Id>', `<Id>${sender.herId}</Id>`);
}

/** The good KPR_IDE fixture from `sender` with its INNHINFO replaced by `header` (e.g. a run number only). */
function ideWithHeader(msgId: string, sender: Sender, header: string, rootAttributes = ''): string {
  return fixtureText('./good/msghead-kpr-ide.xml')
    .replace(/<MsgId>[^<]*<\/MsgId>/, `<MsgId>${msgId}</MsgId>`)
    .replace('<Id>964338531</Id>', `<Id>${sender.org}</Id>`)
    .replace('<Id>91234</Id>', `<Id>${sender.herId}</Id>`)
    .replace(/<INNHINFO>[\s\S]*?<\/INNHINFO>/, header)
    .replace('<Identmelding ', `<Identmelding ${rootAttributes} `);
}

/** An OK AppRec from FHI's KPR receiver for the KPR_IPL `msgId`. */
function okApprec(apprecId: string, msgId: string): string {
  return fixtureText('./good/apprec-1.0-ok.xml')
    .replace('<Id>2b0f3c9a-71e4-4d8c-b6a5-9d2e1f0c3b7a</Id>', `<Id>${apprecId}</Id>`)
    .replace('<Id>6f1c2d4e-8a3b-4c5d-9e7f-0a1b2c3d4e5f</Id>', `<Id>${msgId}</Id>`);
}

async function ingest(xml: string, receivedAt: string): Promise<IngestResult> {
  return ingestDocument(SENDER, utf8(xml), { receivedAt: new Date(receivedAt), transport: 'API' });
}

async function ingestMessage(xml: string, receivedAt: string): Promise<MessageIngestSummary> {
  const { summary } = await ingest(xml, receivedAt);
  if (summary.kind === 'APPREC') throw new Error('expected a message');
  return summary;
}

async function stored(msgId: string) {
  return db().message.findUniqueOrThrow({
    where: { msgId },
    select: {
      municipalityNumber: true,
      attribution: true,
      attributedAt: true,
      attributedFromMsgId: true,
      unattributedReason: true,
    },
  });
}

let cast: { staff: PersonViewer; oslo: PersonViewer };

beforeAll(async () => {
  cast = await createTestCast('staff', 'oslo');
});

describe('a KPR_IDE of a known shape is attributed from its payload without help', () => {
  const nobody = { herId: 400001, org: '940000001' };

  it.each([
    [
      'INNHINFO/iiKomnr, as in the fagmelding',
      'ide-innhinfo',
      '<INNHINFO><iiKomnr>4601</iiKomnr></INNHINFO>',
      '',
      '4601',
    ],
    ['a renumbered iiKomnr', 'ide-renumbered', '<INNHINFO iiKomnr="3001"/>', '', '3101'],
    [
      'a header element with a Kommunenummer',
      'ide-hode',
      '<Hode><Kommunenummer>0301</Kommunenummer></Hode>',
      '',
      '0301',
    ],
    ['a komnr attribute on the root', 'ide-root', '', 'komnr="1103"', '1103'],
  ])('%s', async (_, msgId, header, rootAttributes, municipality) => {
    const summary = await ingestMessage(ideWithHeader(msgId, nobody, header, rootAttributes), '2026-01-08T10:00:00Z');
    expect(summary).toMatchObject({ municipalityNumber: municipality, attribution: 'PAYLOAD' });
    expect(summary.findings.map((finding) => finding.code)).not.toContain('UNATTRIBUTED');
    expect(await stored(msgId)).toMatchObject({ municipalityNumber: municipality, attribution: 'PAYLOAD' });
  });
});

describe('a KPR_IDE whose payload does not say', () => {
  it('is attributed by its sender, as learned from that municipality’s own KPR_IPL (HER-id or organisation number)', async () => {
    const stavanger = { herId: 400010, org: '940000010' };
    await ingestMessage(ipl('stavanger-ipl', '1103', stavanger, '31'), '2026-01-07T10:00:00Z');
    const summary = await ingestMessage(unknownShapeIde('stavanger-ide', stavanger), '2026-01-07T10:05:00Z');
    expect(summary).toMatchObject({ municipalityNumber: '1103', attribution: 'SENDER' });
    expect(await stored('stavanger-ide')).toEqual({
      municipalityNumber: '1103',
      attribution: 'SENDER',
      attributedAt: null,
      attributedFromMsgId: 'stavanger-ipl',
      unattributedReason: null,
    });
    // The same organisation under another HER-id is the same sender.
    const byOrg = await ingestMessage(
      unknownShapeIde('stavanger-ide-org', { herId: 400011, org: stavanger.org }),
      '2026-01-07T11:00:00Z',
    );
    expect(byOrg).toMatchObject({ municipalityNumber: '1103', attribution: 'SENDER' });
  });

  it('from a sender serving several municipalities: by the KPR_IPL of the same run, else not at all', async () => {
    const shared = { herId: 400020, org: '940000020' };
    await ingestMessage(ipl('halden-ipl', '3101', shared, '21'), '2026-01-07T09:00:00Z');
    await ingestMessage(ipl('moss-ipl', '3103', shared, '22'), '2026-01-07T09:10:00Z');
    const run22 = await ingestMessage(
      ideWithHeader('moss-ide', shared, '<INNHINFO><iiLopenr>22</iiLopenr></INNHINFO>'),
      '2026-01-07T09:20:00Z',
    );
    expect(run22).toMatchObject({ municipalityNumber: '3103', attribution: 'RUN' });
    expect((await stored('moss-ide')).attributedFromMsgId).toBe('moss-ipl');

    const noRun = await ingestMessage(unknownShapeIde('shared-ide', shared), '2026-01-07T09:30:00Z');
    expect(noRun).toMatchObject({ municipalityNumber: null, attribution: 'UNATTRIBUTED' });
    expect(noRun.findings).toEqual([expect.objectContaining({ code: 'UNATTRIBUTED', severity: 'WARNING' })]);
    expect((await stored('shared-ide')).unattributedReason).toBe('SENDER_SERVES_SEVERAL');
  });

  it('that arrives before its KPR_IPL is attributed when the KPR_IPL arrives, from then on', async () => {
    const early = { herId: 400030, org: '940000030' };
    const first = await ingestMessage(unknownShapeIde('early-ide', early), '2026-01-06T08:00:00Z');
    expect(first).toMatchObject({ municipalityNumber: null, attribution: 'UNATTRIBUTED' });
    expect(first.findings[0]?.message).toContain('Uten kommune');
    expect((await stored('early-ide')).unattributedReason).toBe('NO_MUNICIPALITY_IN_PAYLOAD');
    // A resend answers the same: still without a municipality.
    const again = await ingest(unknownShapeIde('early-ide', early), '2026-01-06T08:30:00Z');
    expect(again).toMatchObject({ duplicate: true, summary: { attribution: 'UNATTRIBUTED' } });

    await ingestMessage(ipl('early-ipl', '1505', early, '5'), '2026-01-06T09:00:00Z');
    expect(await stored('early-ide')).toEqual({
      municipalityNumber: '1505',
      attribution: 'SENDER',
      attributedAt: new Date('2026-01-06T09:00:00Z'),
      attributedFromMsgId: 'early-ipl',
      unattributedReason: 'NO_MUNICIPALITY_IN_PAYLOAD',
    });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'ingest.attribute' } });
    expect(audit).toMatchObject({ municipalityNumber: '1505', details: { msgId: 'early-ide', attribution: 'SENDER' } });
  });
});

describe('FHI’s list and assignment', () => {
  const trondheimSender = { herId: 400040, org: '940000040' };
  const stranger = { herId: 400041, org: '940000041' };
  const number = '5001';
  const query = (asOf: string) => ({ seasonKey: '2025', asOf: new Date(asOf) });

  it('lists the document for FHI only; assigned, it counts from the assignment on: status, replay and the cached overview', async () => {
    await ingestMessage(ipl('trondheim-ipl', number, trondheimSender, '40'), '2026-01-08T10:00:00Z');
    await ingest(okApprec('trondheim-apprec', 'trondheim-ipl'), '2026-01-08T11:00:00Z');
    const ide = await ingestMessage(unknownShapeIde('trondheim-ide', stranger), '2026-01-08T10:30:00Z');
    expect(ide.municipalityNumber).toBeNull();

    const listed = await listUnattributedDocuments(cast.staff);
    const row = listed?.find((document) => document.msgId === 'trondheim-ide');
    expect(row).toEqual({
      id: ide.id,
      msgId: 'trondheim-ide',
      type: 'KPR_IDE',
      environment: 'PRODUCTION',
      seasonName: expect.any(String),
      receivedAt: new Date('2026-01-08T10:30:00Z'),
      senderHerId: stranger.herId,
      senderOrgNumber: stranger.org,
      reason: 'NO_MUNICIPALITY_IN_PAYLOAD',
    });
    // A contact sees nothing and may assign nothing; the refusal is audited.
    const denied = await auditRowsDuring(db(), async () => {
      expect(await listUnattributedDocuments(cast.oslo)).toBeNull();
      expect(await assignDocumentMunicipality(cast.oslo, ide.id, '0301', new Date())).toBeNull();
    });
    expect(denied.map((event) => event.outcome)).toEqual(['DENIED', 'DENIED']);

    const before = await getMunicipalityStatus(cast.staff, number, query('2026-01-09T12:00:00Z'));
    expect(before?.state).toBe('INCOMPLETE');
    const overviewAsOf = query('2026-01-12T12:00:00Z');
    const overviewBefore = await getStatusOverview(cast.staff, overviewAsOf);
    expect(overviewBefore?.rows.find((r) => r.number === number)?.state).toBe('INCOMPLETE');

    expect(await assignDocumentMunicipality(cast.staff, ide.id, '9999', new Date())).toMatchObject({
      ok: false,
      field: 'municipality',
    });
    const assignedAt = new Date('2026-01-10T12:00:00Z');
    const audited = await auditRowsDuring(db(), async () => {
      expect(await assignDocumentMunicipality(cast.staff, ide.id, number, assignedAt)).toEqual({
        ok: true,
        municipalityNumber: number,
        msgId: 'trondheim-ide',
      });
    });
    expect(audited).toMatchObject([
      { action: 'message.assign', outcome: 'SUCCESS', municipalityNumber: number, details: { msgId: 'trondheim-ide' } },
    ]);
    expect(await assignDocumentMunicipality(cast.staff, ide.id, '0301', new Date())).toBeNull();
    expect((await listUnattributedDocuments(cast.staff))?.some((d) => d.msgId === 'trondheim-ide')).toBe(false);
    expect(await stored('trondheim-ide')).toMatchObject({ attribution: 'ASSIGNED', attributedAt: assignedAt });

    // Replay before the assignment: still without it. After: the delivery is complete.
    expect((await getMunicipalityStatus(cast.staff, number, query('2026-01-09T12:00:00Z')))?.state).toBe('INCOMPLETE');
    const after = await getMunicipalityStatus(cast.staff, number, query('2026-01-11T12:00:00Z'));
    expect(after?.state).not.toBe('INCOMPLETE');
    expect(['DELIVERED', 'ACCEPTED_WITH_ERRORS']).toContain(after?.state);
    // The cached overview of the same instant shows it at once.
    const overviewAfter = await getStatusOverview(cast.staff, overviewAsOf);
    expect(overviewAfter?.rows.find((r) => r.number === number)?.state).toBe(after?.state);
  });
});

describe('AppRecs for KPR only', () => {
  const folder = fileURLToPath(new URL('./readers/fixtures/not-kpr/', import.meta.url));
  const narvik = { herId: 400050, org: '940000050' };

  it('refuses AppRecs of other message types, from other senders or without a type (422), stores none and links none', async () => {
    await ingestMessage(ipl('narvik-ipl', '1806', narvik, '50'), '2026-01-08T10:00:00Z');
    const before = await db().apprec.count();
    const files = readdirSync(folder);
    expect(files.length).toBeGreaterThanOrEqual(5);
    const codes: Record<string, string> = {};
    for (const name of files) {
      try {
        await ingest(
          fixtureText(`./not-kpr/${name}`).replace('__ORIGINAL_MSG_ID__', 'narvik-ipl'),
          '2026-01-08T12:00:00Z',
        );
        throw new Error(`${name} was accepted`);
      } catch (error) {
        if (!(error instanceof IngestError)) throw error;
        expect(error.status, name).toBe(422);
        codes[name] = error.code;
      }
    }
    expect(codes).toEqual({
      'apprec-1.0-epikrise-avvist.xml': 'APPREC_NOT_FOR_KPR',
      'apprec-1.1-dialog-helsefaglig.xml': 'APPREC_NOT_FOR_KPR',
      'apprec-1.1-kpr-ipl-from-hospital.xml': 'APPREC_SENDER_NOT_KPR',
      'apprec-1.1-prom.xml': 'APPREC_NOT_FOR_KPR',
      'apprec-1.1-without-original-type.xml': 'APPREC_NOT_FOR_KPR',
    });
    expect(await db().apprec.count()).toBe(before);
    expect((await getMunicipalityStatus(cast.staff, '1806', query('2026-01-08T13:00:00Z')))?.state).toBe('SENT');
  });

  it('links by MsgId and type: a KPR_IDE’s AppRec carrying a KPR_IPL’s MsgId is not that KPR_IPL’s', async () => {
    const ideApprec = okApprec('narvik-ide-apprec', 'narvik-ipl').replace(
      '<MsgType V="KPR_IPL"',
      '<MsgType V="KPR_IDE"',
    );
    const result = await ingest(ideApprec, '2026-01-08T12:30:00Z');
    expect(result.duplicate).toBe(false);
    expect((await getMunicipalityStatus(cast.staff, '1806', query('2026-01-08T13:00:00Z')))?.state).toBe('SENT');
    await ingest(okApprec('narvik-ipl-apprec', 'narvik-ipl'), '2026-01-08T12:40:00Z');
    expect((await getMunicipalityStatus(cast.staff, '1806', query('2026-01-08T13:00:00Z')))?.state).not.toBe('SENT');
  });

  const query = (asOf: string) => ({ seasonKey: '2025', asOf: new Date(asOf) });
});
