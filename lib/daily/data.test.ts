// The daily data module against a real database: scope, replay (asOf) and the current season.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PersonViewer as Viewer } from '@/lib/access/rules/actor';
import { db } from '@/lib/db';
import { recordTestDailyDelivery } from '@/lib/db/testing/deliveries';
import { auditRowsDuring, createTestCast } from '@/lib/db/testing/viewers';
import { findCurrentSeason, getDailyMunicipality, getDailyOverview, readDailySeasonEvents } from './data';

const SEASON = '2026-daglig';
/** One production delivery (KPR_IPL and its KPR_IDE, same run number) with Apprecs a minute later. */
const deliver = (municipality: string, from: string, to: string, receivedAt: string, status: 'OK' | 'REJECTED') =>
  recordTestDailyDelivery(db(), { municipality, from, to, receivedAt, status });

const at = (wall: string) => new Date(wall);

describe('daily data within the actor’s scope', () => {
  let staff: Viewer;
  let oslo: Viewer;
  const asOf = at('2026-03-06T13:00:00+01:00');

  beforeAll(async () => {
    ({ staff, oslo } = await createTestCast('staff', 'oslo'));
    // Oslo: every night from Tuesday 24 February to Friday 6 March.
    const nights = [
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
    ];
    let coveredUntil = '2026-02-23';
    for (const night of nights) {
      const previous = new Date(`${night}T00:00:00Z`);
      previous.setUTCDate(previous.getUTCDate() - 1);
      const from = new Date(`${coveredUntil}T00:00:00Z`);
      from.setUTCDate(from.getUTCDate() + 1);
      await deliver(
        '0301',
        from.toISOString().slice(0, 10),
        previous.toISOString().slice(0, 10),
        `${night}T02:00:00+01:00`,
        'OK',
      );
      coveredUntil = previous.toISOString().slice(0, 10);
    }
    // Bergen: accepted on 2 March, then rejected three nights in a row.
    await deliver('4601', '2026-02-27', '2026-03-01', '2026-03-02T02:00:00+01:00', 'OK');
    for (const night of ['03', '04', '05']) {
      await deliver(
        '4601',
        '2026-03-02',
        `2026-03-${String(Number(night) - 1).padStart(2, '0')}`,
        `2026-03-${night}T02:00:00+01:00`,
        'REJECTED',
      );
    }
  });

  it('derives all 357 for FHI: Oslo active, Bergen rejecting, the rest not started; sums per county and nationally', async () => {
    const overview = (await getDailyOverview(staff, { seasonKey: SEASON, asOf }))!;
    expect(overview.rows).toHaveLength(357);
    const byNumber = new Map(overview.rows.map((row) => [row.number, row]));
    expect(byNumber.get('0301')).toMatchObject({ state: 'ACTIVE', streak: 8, daysSinceLastAccepted: 0 });
    expect(byNumber.get('4601')?.state).toBe('REJECTING');
    expect(byNumber.get('4601')?.flags.map((flag) => flag.code)).toContain('REJECTING');
    expect(overview.rows.filter((row) => row.state === 'NOT_STARTED')).toHaveLength(355);
    expect(overview.counties).toHaveLength(15);
    // Last 7 days (27 Feb – 5 Mar, 5 working days): Oslo covers all 5, Bergen 27 February only.
    expect(overview.national.last7).toEqual({ expected: 357 * 5, covered: 5 + 1, onTime: 5 + 1 });
    expect(overview.national.season.expected).toBe(357 * overview.rows[0]!.rates.season.fromRequirement.expected);
    expect(overview.series.at(-1)).toMatchObject({ date: '2026-03-05', covered: 1, municipalities: 357 });
  });

  it('shows a contact only their own municipality; another one is not found, and the refusal is audited', async () => {
    const overview = (await getDailyOverview(oslo, { seasonKey: SEASON, asOf }))!;
    expect(overview.rows.map((row) => row.number)).toEqual(['0301']);
    const audit = await auditRowsDuring(db(), async () => {
      expect(await getDailyMunicipality(oslo, '4601', { seasonKey: SEASON, asOf })).toBeNull();
    });
    expect(audit.map((row) => [row.action, row.outcome])).toEqual([['access.denied', 'DENIED']]);
    const own = (await getDailyMunicipality(oslo, '0301', { seasonKey: SEASON, asOf }))!;
    expect(own.calendar).toHaveLength(365);
    expect(own.calendar.find((cell) => cell.date === '2026-03-02')).toMatchObject({
      ipl: 'ON_TIME',
      ide: 'RECEIVED',
      apprec: 'OK',
    });
  });

  it('replays: a view at an earlier date shows what it showed then, whatever came after', async () => {
    const earlier = at('2026-03-04T13:00:00+01:00');
    const before = (await getDailyMunicipality(staff, '4601', { seasonKey: SEASON, asOf: earlier }))!;
    expect(before.result.state).toBe('LAGGING');
    await deliver('4601', '2026-03-02', '2026-03-05', '2026-03-06T10:00:00+01:00', 'OK');
    const again = (await getDailyMunicipality(staff, '4601', { seasonKey: SEASON, asOf: earlier }))!;
    expect(again.result).toEqual(before.result);
    expect(again.calendar).toEqual(before.calendar);
    const after = (await getDailyMunicipality(staff, '4601', {
      seasonKey: SEASON,
      asOf: at('2026-03-06T13:00:00+01:00'),
    }))!;
    expect(after.result.state).toBe('ACTIVE');
  });

  it('reads the events the benchmark derives from: within the scope and known at the instant', async () => {
    const all = (await readDailySeasonEvents(staff, { seasonKey: SEASON, asOf }))!;
    expect(all.season.rules.expectedDays).toBe('WORKING');
    expect([...all.events.keys()].sort()).toEqual(['0301', '4601']);
    // Each delivery is a KPR_IPL and a KPR_IDE, each with its Apprec.
    expect(all.events.get('0301')).toMatchObject({ messages: { length: 18 }, apprecs: { length: 18 } });
    const own = (await readDailySeasonEvents(oslo, { seasonKey: SEASON, asOf }))!;
    expect([...own.events.keys()]).toEqual(['0301']);
    const earlier = (await readDailySeasonEvents(staff, { seasonKey: SEASON, asOf: at('2026-02-26T12:00:00+01:00') }))!;
    expect(earlier.events.get('0301')?.messages).toHaveLength(6);
    expect(earlier.events.has('4601')).toBe(false);
    expect(await readDailySeasonEvents(staff, { seasonKey: '2025', asOf })).toBeNull();
  });

  it('answers null for an annual season or an unknown key', async () => {
    expect(await getDailyOverview(staff, { seasonKey: '2025', asOf })).toBeNull();
    expect(await getDailyOverview(staff, { seasonKey: '2031-daglig', asOf })).toBeNull();
  });

  it.each([
    ['2026-01-10T12:00:00+01:00', '2025'],
    ['2026-01-16T12:00:00+01:00', '2026-daglig'],
    ['2026-12-03T12:00:00+01:00', '2026-daglig'],
    ['2025-06-01T12:00:00+02:00', '2024'],
  ])('opens at %s on season %s', async (instant, key) => {
    expect((await findCurrentSeason(staff, at(instant)))?.key).toBe(key);
  });
});

describe('the cached overview of now', () => {
  let staff: Viewer;
  /** "Now" as the screens ask for it: the end of the minute. */
  const endOfMinute = (wall: string) => new Date(new Date(wall).getTime() + 59_999);
  const stateOf = async (number: string, asOf: Date) =>
    (await getDailyOverview(staff, { seasonKey: SEASON, asOf }))!.rows.find((row) => row.number === number)!.state;

  beforeAll(async () => {
    ({ staff } = await createTestCast('staff'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows a new delivery at once, and one dated later when its minute comes, though the events are reused', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-09T10:00:30+01:00'));
    const first = endOfMinute('2026-03-09T10:00:00+01:00');
    expect(await stateOf('5501', first)).toBe('NOT_STARTED');
    expect(await stateOf('1103', first)).toBe('NOT_STARTED');
    // A new row changes the data version: the same minute's overview is derived again.
    await deliver('5501', '2026-03-06', '2026-03-08', '2026-03-09T09:50:00+01:00', 'OK');
    expect(await stateOf('5501', first)).not.toBe('NOT_STARTED');
    // A row stored now but received (X-Received-At) in the next minute: not yet shown...
    await deliver('1103', '2026-03-06', '2026-03-08', '2026-03-09T10:01:20+01:00', 'OK');
    expect(await stateOf('1103', first)).toBe('NOT_STARTED');
    // ...and shown when that minute comes (once its overview is built: until then the previous minute's answers).
    vi.setSystemTime(new Date('2026-03-09T10:01:30+01:00'));
    const next = endOfMinute('2026-03-09T10:01:00+01:00');
    await vi.waitFor(
      async () => {
        const overview = (await getDailyOverview(staff, { seasonKey: SEASON, asOf: next }))!;
        expect(overview.asOf).toEqual(next);
        expect(overview.rows.find((row) => row.number === '1103')!.state).not.toBe('NOT_STARTED');
      },
      { timeout: 30_000, interval: 50 },
    );
  });
});
