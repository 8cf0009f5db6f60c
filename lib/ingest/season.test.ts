/**
 * The season of a stored document, end to end on a real database (issue: an annual 2025 KPR_IDE
 * received after 15 January 2026 landed in the daily season): a KPR_IPL's period decides, a
 * KPR_IDE follows its run's KPR_IPL (also when it came first), a lone KPR_IDE is annual only while
 * its municipality's granted extension runs.
 */
import { describe, expect, it } from 'vitest';
import type { Viewer } from '@/lib/access';
import { db } from '@/lib/db';
import { fixtureText } from '@/lib/db/testing/domain-fixtures';
import { type MessageIngestSummary, ingestDocument } from './ingest-document';

const utf8 = (text: string) => new TextEncoder().encode(text);
const SENDER: Viewer = {
  userId: null,
  apiKeyId: '0190a3c2-0000-7000-8000-000000000003',
  name: 'Mottak',
  role: 'FHI_STAFF',
  municipalityNumbers: [],
  sessionId: null,
  requestId: 'season-test',
};

interface Sender {
  herId: number;
  org: string;
}

const compact = (iso: string) => iso.replaceAll('-', '');

/** The good KPR_IPL fixture for `komnr` from `sender`, run `run`, data period `from`–`to`. */
function ipl(msgId: string, komnr: string, sender: Sender, run: string, from: string, to: string): string {
  return fixtureText('./good/msghead-kpr-ipl.xml')
    .replace(/<MsgId>[^<]*<\/MsgId>/, `<MsgId>${msgId}</MsgId>`)
    .replace('<Id>964338531</Id>', `<Id>${sender.org}</Id>`)
    .replace('<Id>91234</Id>', `<Id>${sender.herId}</Id>`)
    .replace('<iiKomnr>4601</iiKomnr>', `<iiKomnr>${komnr}</iiKomnr>`)
    .replace('<iiFraDato>20250101</iiFraDato>', `<iiFraDato>${compact(from)}</iiFraDato>`)
    .replace('<iiTilDato>20251231</iiTilDato>', `<iiTilDato>${compact(to)}</iiTilDato>`)
    .replace('<iiLopenr>7</iiLopenr>', `<iiLopenr>${run}</iiLopenr>`);
}

/** The good KPR_IDE fixture for `komnr` from `sender`, run `run`. */
function ide(msgId: string, komnr: string, sender: Sender, run: string): string {
  return fixtureText('./good/msghead-kpr-ide.xml')
    .replace(/<MsgId>[^<]*<\/MsgId>/, `<MsgId>${msgId}</MsgId>`)
    .replace('<Id>964338531</Id>', `<Id>${sender.org}</Id>`)
    .replace('<Id>91234</Id>', `<Id>${sender.herId}</Id>`)
    .replace('<iiKomnr>4601</iiKomnr>', `<iiKomnr>${komnr}</iiKomnr>`)
    .replace('<iiLopenr>7</iiLopenr>', `<iiLopenr>${run}</iiLopenr>`);
}

async function ingest(xml: string, receivedAt: string): Promise<MessageIngestSummary> {
  const { summary } = await ingestDocument(SENDER, utf8(xml), { receivedAt: new Date(receivedAt), transport: 'API' });
  if (summary.kind === 'APPREC') throw new Error('expected a message');
  return summary;
}

async function storedSeason(msgId: string): Promise<string> {
  const row = await db().message.findUniqueOrThrow({ where: { msgId }, select: { season: { select: { key: true } } } });
  return row.season.key;
}

describe('the season of a stored document', () => {
  it('an annual 2025 delivery received late (March 2026): KPR_IPL and its KPR_IDE are annual', async () => {
    const bergen = { herId: 500001, org: '950000001' };
    expect(
      await ingest(ipl('late-ipl', '4601', bergen, 'A-1', '2025-01-01', '2025-12-31'), '2026-03-02T10:00:00Z'),
    ).toMatchObject({ season: '2025' });
    expect(await ingest(ide('late-ide', '4601', bergen, 'A-1'), '2026-03-02T10:05:00Z')).toMatchObject({
      season: '2025',
    });
    expect(await storedSeason('late-ide')).toBe('2025');
  });

  it('a daily delivery in early January (before the annual deadline): KPR_IPL and KPR_IDE are daily', async () => {
    const oslo = { herId: 500002, org: '950000002' };
    expect(
      await ingest(ipl('day-ipl', '0301', oslo, 'D-5', '2026-01-05', '2026-01-05'), '2026-01-06T01:00:00Z'),
    ).toMatchObject({ season: '2026-daglig' });
    expect(await ingest(ide('day-ide', '0301', oslo, 'D-5'), '2026-01-06T01:01:00Z')).toMatchObject({
      season: '2026-daglig',
    });
  });

  it('one sender sending both: each KPR_IDE follows the KPR_IPL of its own run', async () => {
    const trondheim = { herId: 500003, org: '950000003' };
    await ingest(
      ipl('both-annual-ipl', '5001', trondheim, 'ANNUAL-9', '2025-01-01', '2025-12-31'),
      '2026-02-10T09:00:00Z',
    );
    await ingest(
      ipl('both-daily-ipl', '5001', trondheim, 'DAY-40', '2026-02-09', '2026-02-09'),
      '2026-02-10T09:30:00Z',
    );
    expect(await ingest(ide('both-annual-ide', '5001', trondheim, 'ANNUAL-9'), '2026-02-10T10:00:00Z')).toMatchObject({
      season: '2025',
    });
    expect(await ingest(ide('both-daily-ide', '5001', trondheim, 'DAY-40'), '2026-02-10T10:01:00Z')).toMatchObject({
      season: '2026-daglig',
    });
  });

  it('a lone KPR_IDE after the annual deadline is daily, and annual while a granted extension runs', async () => {
    const tromso = { herId: 500004, org: '950000004' };
    const drammen = { herId: 500005, org: '950000005' };
    expect(await ingest(ide('lone-ide', '5501', tromso, 'X-1'), '2026-02-20T10:00:00Z')).toMatchObject({
      season: '2026-daglig',
    });
    const annual = await db().season.findUniqueOrThrow({ where: { key: '2025' }, select: { id: true } });
    await db().extensionRequest.create({
      data: {
        seasonId: annual.id,
        municipalityNumber: '3301',
        requestedDeadline: new Date('2026-02-28T22:59:59.999Z'),
        justification: 'EPJ-bytte',
        requestedAt: new Date('2026-01-10T10:00:00Z'),
        status: 'GRANTED',
        grantedDeadline: new Date('2026-02-28T22:59:59.999Z'),
        decidedAt: new Date('2026-01-12T10:00:00Z'),
      },
    });
    expect(await ingest(ide('extended-ide', '3301', drammen, 'X-2'), '2026-02-20T10:00:00Z')).toMatchObject({
      season: '2025',
    });
    expect(await ingest(ide('after-extension-ide', '3301', drammen, 'X-3'), '2026-03-05T10:00:00Z')).toMatchObject({
      season: '2026-daglig',
    });
  });

  it('a KPR_IDE that came before its annual KPR_IPL moves into the annual season when the KPR_IPL arrives', async () => {
    const stavanger = { herId: 500006, org: '950000006' };
    expect(await ingest(ide('first-ide', '1103', stavanger, 'R-77'), '2026-03-10T08:00:00Z')).toMatchObject({
      season: '2026-daglig',
    });
    await ingest(ipl('then-ipl', '1103', stavanger, 'R-77', '2025-01-01', '2025-12-31'), '2026-03-10T08:10:00Z');
    expect(await storedSeason('first-ide')).toBe('2025');
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'ingest.season' } });
    expect(audit).toMatchObject({ municipalityNumber: '1103' });
    expect(JSON.stringify(audit.details)).toContain('first-ide');
    // Another run's KPR_IDE stays where it was.
    await ingest(ide('other-run-ide', '1103', stavanger, 'R-78'), '2026-03-11T08:00:00Z');
    await ingest(ipl('other-ipl', '1103', stavanger, 'R-79', '2025-01-01', '2025-12-31'), '2026-03-11T08:10:00Z');
    expect(await storedSeason('other-run-ide')).toBe('2026-daglig');
  });
});
