import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { PersonViewer as Viewer } from '@/lib/access/rules/actor';
import { db } from '@/lib/db';
import { recordTestApprec, recordTestMessage } from '@/lib/db/testing/deliveries';
import { WAIT_TIMEOUT_MS } from '@/lib/db/testing/wait';
import { auditRowsDuring, createTestCast } from '@/lib/db/testing/viewers';
import { endOfOsloDay } from '@/lib/core/calendar';
import { byUrgency } from '../rules';
import { findSeason, findSeasonWith } from './overview';
import { getMunicipalityStatus, getStatusOverview } from './status';

async function send(
  seasonKey: string,
  msgId: string,
  type: 'KPR_IPL' | 'KPR_IDE',
  municipality: string,
  receivedAt: string,
  apprec?: { status: 'OK' | 'REJECTED'; at: string },
) {
  await recordTestMessage(db(), { seasonKey, msgId, type, municipality, receivedAt });
  if (apprec) await recordTestApprec(db(), msgId, apprec.status, apprec.at);
}

describe('delivery status within the viewer scope', () => {
  let staff: Viewer;
  let oslo: Viewer;
  const afterAll = { asOf: endOfOsloDay('2026-01-20') };

  beforeAll(async () => {
    ({ staff, oslo } = await createTestCast('staff', 'oslo'));
    // Oslo: delivered on 10 January 2026; last season on 12 January 2025.
    await send('2025', 'oslo-ipl', 'KPR_IPL', '0301', '2026-01-10T09:00:00+01:00', {
      status: 'OK',
      at: '2026-01-10T10:00:00+01:00',
    });
    await send('2025', 'oslo-ide', 'KPR_IDE', '0301', '2026-01-10T09:01:00+01:00');
    await send('2024', 'oslo-ipl-2024', 'KPR_IPL', '0301', '2025-01-12T09:00:00+01:00', {
      status: 'OK',
      at: '2025-01-12T10:00:00+01:00',
    });
    await send('2024', 'oslo-ide-2024', 'KPR_IDE', '0301', '2025-01-12T09:01:00+01:00');
    // Bergen: rejected on 12 January 2026.
    await send('2025', 'bergen-ipl', 'KPR_IPL', '4601', '2026-01-12T09:00:00+01:00', {
      status: 'REJECTED',
      at: '2026-01-12T09:30:00+01:00',
    });
    await send('2025', 'bergen-ide', 'KPR_IDE', '4601', '2026-01-12T09:01:00+01:00');
  });

  it('derives every municipality for FHI in one overview, with key figures', async () => {
    const overview = await getStatusOverview(staff, afterAll);
    expect(overview?.season.key).toBe('2025');
    expect(overview?.rows).toHaveLength(357);
    const byNumber = new Map(overview!.rows.map((row) => [row.number, row]));
    expect(byNumber.get('0301')).toMatchObject({
      name: 'Oslo',
      state: 'DELIVERED',
      figures: { deliveredOnTime: true },
    });
    expect(byNumber.get('4601')?.state).toBe('REJECTED');
    expect(byNumber.get('4601')?.flags.map((flag) => flag.code)).toContain('MUST_RESUBMIT');
    expect(overview?.keyFigures).toMatchObject({
      total: 357,
      states: { DELIVERED: 1, REJECTED: 1, SENT: 0, APPREC_OVERDUE: 0, NOT_STARTED: 355 },
      measures: { accepted: 1, deliveredOnTime: 1 },
      flags: { MUST_RESUBMIT: 1 },
    });
    expect(byUrgency(overview!.rows)[0]?.number).toBe('4601');
  });

  it('compares with last season at the same distance to the deadline', async () => {
    const onTheEleventh = await getStatusOverview(staff, { asOf: endOfOsloDay('2026-01-11') });
    expect(onTheEleventh?.previous).toMatchObject({ season: { key: '2024' }, accepted: 0, total: 357 });
    expect(onTheEleventh?.keyFigures.measures.accepted).toBe(1);
    const later = await getStatusOverview(staff, afterAll);
    expect(later?.previous?.accepted).toBe(1);
    const last = later!.cumulative.at(-1)!;
    expect(last).toMatchObject({ date: '2026-01-20', share: 1 / 357, previousShare: 1 / 357 });
    expect(later!.cumulative.find((point) => point.date === '2026-01-10')).toMatchObject({
      share: 1 / 357,
      previousShare: 0,
    });
  });

  it('counts only what was known at asOf', async () => {
    const before = await getStatusOverview(staff, { asOf: endOfOsloDay('2026-01-09') });
    expect(before?.rows.find((row) => row.number === '0301')?.state).toBe('NOT_STARTED');
    const sentNotAnswered = await getStatusOverview(staff, { asOf: new Date('2026-01-12T09:15:00+01:00') });
    expect(sentNotAnswered?.rows.find((row) => row.number === '4601')?.state).toBe('SENT');
    expect(sentNotAnswered?.keyFigures.states.SENT).toBe(1);
    const detail = await getMunicipalityStatus(staff, '4601', { asOf: new Date('2026-01-12T09:15:00+01:00') });
    expect(detail?.timeline.map((entry) => entry.kind)).toEqual(['MESSAGE', 'MESSAGE']);
  });

  it("serves the previous minute's overview of now while the new minute's is built, but never across a new event", async () => {
    const minute = (time: string) => new Date(`2026-01-20T${time}:00Z`);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-01-20T10:00:30Z'));
      expect((await getStatusOverview(staff, { asOf: minute('10:00') }))?.asOf).toEqual(minute('10:00'));
      vi.setSystemTime(new Date('2026-01-20T10:01:05Z'));
      // The first request of the new minute does not wait: it gets the last minute's, which says so.
      expect((await getStatusOverview(staff, { asOf: minute('10:01') }))?.asOf).toEqual(minute('10:00'));
      // The new minute's is built in the background: wait for it however busy the machine (not vi.waitFor's 1 s).
      await vi.waitFor(
        async () => expect((await getStatusOverview(staff, { asOf: minute('10:01') }))?.asOf).toEqual(minute('10:01')),
        { timeout: WAIT_TIMEOUT_MS },
      );
      // A replay of a past instant is never answered with another instant.
      expect((await getStatusOverview(staff, { asOf: minute('09:59') }))?.asOf).toEqual(minute('09:59'));

      await send('2025', 'kristiansand-ipl', 'KPR_IPL', '4204', '2026-01-20T09:30:00Z');
      vi.setSystemTime(new Date('2026-01-20T10:02:05Z'));
      const afterEvent = await getStatusOverview(staff, { asOf: minute('10:02') });
      expect(afterEvent?.asOf).toEqual(minute('10:02'));
      expect(afterEvent?.rows.find((row) => row.number === '4204')?.state).toBe('SENT');
    } finally {
      vi.useRealTimers();
    }
  });

  it('derives a new minute of now from the events already read, except one dated in between, and reads them again every ten minutes', async () => {
    const minute = (time: string) => new Date(`2026-01-20T${time}:00Z`);
    const stateOf = async (time: string, number: string) => {
      let overview: Awaited<ReturnType<typeof getStatusOverview>> = null;
      // The first request of a new minute may get the previous minute's overview while the new one is built.
      await vi.waitFor(
        async () =>
          expect((overview = await getStatusOverview(staff, { asOf: minute(time) }))?.asOf).toEqual(minute(time)),
        { timeout: WAIT_TIMEOUT_MS },
      );
      return overview!.rows.find((row) => row.number === number)?.state;
    };
    // Sent with a future X-Received-At: not known until 10:11:30.
    await send('2025', 'stavanger-ipl', 'KPR_IPL', '1103', '2026-01-20T10:11:30Z');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-01-20T10:10:30Z'));
      expect(await stateOf('10:10', '1103')).toBe('NOT_STARTED');
      vi.setSystemTime(new Date('2026-01-20T10:12:05Z'));
      expect(await stateOf('10:12', '1103')).toBe('SENT');

      // A row changed in place is not counted by the data version: the events read at 10:12 are
      // derived again at 10:13, and read again from 10:23.
      await db().$executeRaw`UPDATE apprec SET status = 'REJECTED' WHERE original_msg_id = 'oslo-ipl'`;
      vi.setSystemTime(new Date('2026-01-20T10:13:05Z'));
      expect(await stateOf('10:13', '0301')).toBe('DELIVERED');
      vi.setSystemTime(new Date('2026-01-20T10:23:05Z'));
      expect(await stateOf('10:23', '0301')).toBe('REJECTED');
    } finally {
      vi.useRealTimers();
      await db().$executeRaw`UPDATE apprec SET status = 'OK' WHERE original_msg_id = 'oslo-ipl'`;
    }
  });

  it('recomputes a cached overview as soon as an event is added', async () => {
    const asOf = { asOf: endOfOsloDay('2026-01-25') };
    expect((await getStatusOverview(staff, asOf))?.rows.find((row) => row.number === '5001')?.state).toBe(
      'NOT_STARTED',
    );
    await send('2025', 'trondheim-ipl', 'KPR_IPL', '5001', '2026-01-22T09:00:00+01:00');
    expect((await getStatusOverview(staff, asOf))?.rows.find((row) => row.number === '5001')?.state).toBe('SENT');
  });

  it('gives a contact only their own municipality', async () => {
    const overview = await getStatusOverview(oslo, afterAll);
    expect(overview?.rows.map((row) => row.number)).toEqual(['0301']);
    expect(overview?.keyFigures.total).toBe(1);
  });

  it('shows a municipality with its timeline, checklist and last season, audited once', async () => {
    let detail: Awaited<ReturnType<typeof getMunicipalityStatus>> = null;
    const rows = await auditRowsDuring(db(), async () => {
      detail = await getMunicipalityStatus(staff, '4601', afterAll);
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'municipality.view', outcome: 'SUCCESS', municipalityNumber: '4601' });
    const bergen = detail!;
    expect(bergen).toMatchObject({ number: '4601', state: 'REJECTED', season: { key: '2025' } });
    expect(bergen.checklist.length).toBeGreaterThan(5);
    expect(bergen.timeline[0]).toMatchObject({
      kind: 'APPREC',
      status: 'REJECTED',
      errors: [{ code: 'T02', displayName: 'XML validerer ikke', freeText: 'Feil i INNHINFO' }],
    });
    expect(bergen.previous).toMatchObject({ season: { key: '2024' }, state: 'NOT_STARTED' });
    const own = await getMunicipalityStatus(oslo, '0301', afterAll);
    expect(own?.previous).toMatchObject({ state: 'DELIVERED', stateAtSameDate: 'DELIVERED' });
  });

  it('answers a foreign municipality exactly like a missing one, and audits the denial', async () => {
    let foreign: unknown;
    const rows = await auditRowsDuring(db(), async () => {
      foreign = await getMunicipalityStatus(oslo, '4601', afterAll);
    });
    expect(foreign).toBeNull();
    expect(rows).toMatchObject([{ action: 'access.denied', outcome: 'DENIED', municipalityNumber: '4601' }]);
    expect(await getMunicipalityStatus(oslo, '9999', afterAll)).toBeNull();
    expect(await getMunicipalityStatus(staff, '9999', afterAll)).toBeNull();
    expect(await getMunicipalityStatus(staff, '0301', { ...afterAll, seasonKey: '1999' })).toBeNull();
    expect(await getStatusOverview(staff, { ...afterAll, seasonKey: '1999' })).toBeNull();
  });
});

describe('a season and a value read in one statement', () => {
  it('gives the season asked for, the latest annual one without a key, and null for an unknown key, with the value each time', async () => {
    const { staff } = await createTestCast('staff');
    const named = await findSeasonWith<number>(staff, '2024', '40 + 2');
    expect(named.value).toBe(42);
    expect(named.season).toEqual(await findSeason(staff, '2024'));
    expect(named.season?.deadline).toBeInstanceOf(Date);
    const latest = await findSeasonWith<string>(staff, undefined, "'v'");
    expect(latest).toEqual({ season: await findSeason(staff, undefined), value: 'v' });
    expect(latest.season?.kind).toBe('ANNUAL');
    expect(await findSeasonWith<string>(staff, '1999', "'still read'")).toEqual({ season: null, value: 'still read' });
  });
});
