// The daily engine, table by table: coverage, grace, catch-up, test traffic, silence, rejection runs,
// volume drops and the rates with both denominators, across Easter, 17 May and Christmas.
import { describe, expect, it } from 'vitest';
import { dailyCalendar } from './calendar';
import type { DailyRules } from './config';
import { dayNumber, isoOfDay, isWorkingDay, osloWallInstant } from './days';
import { deriveDailyState, reportingRate, sumCounts, timeliness } from './derive';
import type { DailyApprecStatus, DailyEvents, DailyMessageInput, DailySeasonInput, DayStatus } from './types';

const RULES: DailyRules = {
  expectedDays: 'WORKING',
  graceDays: 1,
  graceTime: '12:00',
  silenceWorkingDays: 3,
  rejectionRun: 3,
  volumeDropPercent: 60,
  volumeBaselineDeliveries: 10,
  ideRequired: true,
  lagWindowDays: 7,
};
const season = (rules: Partial<DailyRules> = {}): DailySeasonInput => ({
  key: '2026-daglig',
  name: 'KPR 2026 (daglig)',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  rules: { ...RULES, ...rules },
});

/** An instant on the Oslo wall clock: '2026-01-06 02:00'. */
const oslo = (wall: string) => {
  const [date, time] = wall.split(' ') as [string, string];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return osloWallInstant(dayNumber(date), hours * 60 + minutes);
};

let sequence = 0;
interface DeliveryOptions {
  apprec?: DailyApprecStatus | null;
  ide?: 'same' | 'none' | string;
  ideApprec?: DailyApprecStatus | null;
  persons?: number;
  environment?: 'PRODUCTION' | 'VALIDATION';
}
function delivery(from: string, to: string, received: string, options: DeliveryOptions = {}): DailyEvents {
  const run = String(++sequence);
  const environment = options.environment ?? 'PRODUCTION';
  const base = { environment, runNumber: run } as const;
  const ipl: DailyMessageInput = {
    ...base,
    msgId: `ipl-${run}`,
    type: 'KPR_IPL',
    receivedAt: oslo(received),
    periodFrom: from,
    periodTo: to,
    persons: options.persons ?? 100,
  };
  const messages = [ipl];
  const apprecs = [];
  const apprec = options.apprec === undefined ? 'OK' : options.apprec;
  if (apprec)
    apprecs.push({ originalMsgId: ipl.msgId, status: apprec, receivedAt: new Date(ipl.receivedAt.getTime() + 60_000) });
  if (options.ide !== 'none') {
    const at = !options.ide || options.ide === 'same' ? new Date(ipl.receivedAt.getTime() + 5_000) : oslo(options.ide);
    const ide: DailyMessageInput = {
      ...base,
      msgId: `ide-${run}`,
      type: 'KPR_IDE',
      receivedAt: at,
      periodFrom: null,
      periodTo: null,
      persons: null,
    };
    messages.push(ide);
    const ideApprec = options.ideApprec === undefined ? 'OK' : options.ideApprec;
    if (ideApprec)
      apprecs.push({ originalMsgId: ide.msgId, status: ideApprec, receivedAt: new Date(at.getTime() + 60_000) });
  }
  return { messages, apprecs };
}
const merge = (...parts: DailyEvents[]): DailyEvents => ({
  messages: parts.flatMap((part) => part.messages),
  apprecs: parts.flatMap((part) => part.apprecs),
});

/** A nightly run at 02:00 on every working day after `from` up to `until`, each covering the days since the last. */
function nightly(from: string, until: string, options: (day: string) => DeliveryOptions = () => ({})): DailyEvents {
  const parts: DailyEvents[] = [];
  let coveredUntil = dayNumber(from) - 1;
  for (let today = dayNumber(from) + 1; today <= dayNumber(until); today++) {
    if (!isWorkingDay(today)) continue;
    parts.push(
      delivery(isoOfDay(coveredUntil + 1), isoOfDay(today - 1), `${isoOfDay(today)} 02:00`, options(isoOfDay(today))),
    );
    coveredUntil = today - 1;
  }
  return merge(...parts);
}

function statusesOf(events: DailyEvents, asOf: string, days: string[], rules: Partial<DailyRules> = {}): DayStatus[] {
  const cells = new Map(dailyCalendar(season(rules), events, oslo(asOf)).map((cell) => [cell.date, cell]));
  return days.map((day) => cells.get(day)!.ipl);
}

describe('coverage of days', () => {
  it.each<[string, DailyEvents, string, string[], DayStatus[], Partial<DailyRules>?]>([
    [
      'a nightly run covers yesterday on time',
      delivery('2026-01-05', '2026-01-05', '2026-01-06 02:00'),
      '2026-01-07 12:00',
      ['2026-01-05', '2026-01-06'],
      ['ON_TIME', 'MISSING'],
    ],
    [
      'Friday is covered by Monday’s run, on time (working-day grace)',
      delivery('2026-01-09', '2026-01-11', '2026-01-12 02:00'),
      '2026-01-12 13:00',
      ['2026-01-09', '2026-01-10', '2026-01-11'],
      ['ON_TIME', 'ON_TIME', 'ON_TIME'],
    ],
    [
      'a catch-up fills its week: late but the last day',
      delivery('2026-01-05', '2026-01-15', '2026-01-16 03:00'),
      '2026-01-16 13:00',
      ['2026-01-05', '2026-01-14', '2026-01-15'],
      ['LATE', 'LATE', 'ON_TIME'],
    ],
    [
      'a rejected delivery covers nothing',
      delivery('2026-01-05', '2026-01-05', '2026-01-06 02:00', { apprec: 'REJECTED' }),
      '2026-01-07 12:00',
      ['2026-01-05'],
      ['REJECTED'],
    ],
    [
      'rejected then resent the same morning: on time',
      merge(
        delivery('2026-01-05', '2026-01-05', '2026-01-06 02:00', { apprec: 'REJECTED' }),
        delivery('2026-01-05', '2026-01-05', '2026-01-06 10:00'),
      ),
      '2026-01-07 12:00',
      ['2026-01-05'],
      ['ON_TIME'],
    ],
    [
      'OK with errors in a part counts as accepted',
      delivery('2026-01-05', '2026-01-05', '2026-01-06 02:00', { apprec: 'OK_WITH_ERRORS' }),
      '2026-01-07 12:00',
      ['2026-01-05'],
      ['ON_TIME'],
    ],
    [
      'no Apprec yet: not covered',
      delivery('2026-01-05', '2026-01-05', '2026-01-06 02:00', { apprec: null }),
      '2026-01-07 12:00',
      ['2026-01-05'],
      ['MISSING'],
    ],
    [
      'without its KPR_IDE the day is not covered',
      delivery('2026-01-05', '2026-01-05', '2026-01-06 02:00', { ide: 'none' }),
      '2026-01-07 12:00',
      ['2026-01-05'],
      ['MISSING'],
    ],
    [
      '… unless the season does not require it',
      delivery('2026-01-05', '2026-01-05', '2026-01-06 02:00', { ide: 'none' }),
      '2026-01-07 12:00',
      ['2026-01-05'],
      ['ON_TIME'],
      { ideRequired: false },
    ],
    [
      'a KPR_IDE after the grace makes the day late',
      delivery('2026-01-05', '2026-01-05', '2026-01-06 02:00', { ide: '2026-01-06 12:01' }),
      '2026-01-07 12:00',
      ['2026-01-05'],
      ['LATE'],
    ],
    [
      'a rejected KPR_IDE leaves the day uncovered',
      delivery('2026-01-05', '2026-01-05', '2026-01-06 02:00', { ideApprec: 'REJECTED' }),
      '2026-01-07 12:00',
      ['2026-01-05'],
      ['REJECTED'],
    ],
    [
      'test traffic covers nothing',
      delivery('2026-01-05', '2026-01-05', '2026-01-06 02:00', { environment: 'VALIDATION' }),
      '2026-01-07 12:00',
      ['2026-01-05'],
      ['MISSING'],
    ],
    [
      'Easter: holidays are not expected, Wednesday is due Tuesday after',
      delivery('2026-03-31', '2026-03-31', '2026-04-01 02:00'),
      '2026-04-06 23:00',
      ['2026-03-31', '2026-04-01', '2026-04-02', '2026-04-03', '2026-04-06'],
      ['ON_TIME', 'NOT_DUE', 'NOT_EXPECTED', 'NOT_EXPECTED', 'NOT_EXPECTED'],
    ],
    [
      '17 May and Whit Monday 2027 are not expected',
      { messages: [], apprecs: [] },
      '2026-05-26 13:00',
      ['2026-05-15', '2026-05-17', '2026-05-25'],
      ['MISSING', 'NOT_EXPECTED', 'NOT_EXPECTED'],
    ],
    [
      'Christmas Eve is expected, Christmas Day is not; covered after Christmas: on time',
      delivery('2026-12-23', '2026-12-27', '2026-12-28 02:00'),
      '2026-12-28 13:00',
      ['2026-12-23', '2026-12-24', '2026-12-25'],
      ['LATE', 'ON_TIME', 'ON_TIME'],
    ],
    [
      'calendar days: a Saturday is expected and due on Sunday (DST day)',
      { messages: [], apprecs: [] },
      '2026-03-29 12:01',
      ['2026-03-28', '2026-03-29'],
      ['MISSING', 'NOT_DUE'],
      { expectedDays: 'CALENDAR' },
    ],
    [
      'days after asOf are future',
      delivery('2026-06-01', '2026-06-30', '2026-06-03 02:00'),
      '2026-06-03 13:00',
      ['2026-06-02', '2026-06-04'],
      ['ON_TIME', 'FUTURE'],
    ],
  ])('%s', (_name, events, asOf, days, expected, rules) => {
    expect(statusesOf(events, asOf, days, rules)).toEqual(expected);
  });

  it('keeps lanes: KPR_IDE, Apprec and test traffic apart', () => {
    const events = merge(
      delivery('2026-02-02', '2026-02-02', '2026-02-03 02:00', { ide: 'none' }),
      delivery('2026-02-03', '2026-02-03', '2026-02-04 02:00', { apprec: null }),
      delivery('2026-02-04', '2026-02-04', '2026-02-05 02:00', { environment: 'VALIDATION' }),
    );
    const cells = dailyCalendar(season(), events, oslo('2026-02-05 13:00')).filter(
      (cell) => cell.date >= '2026-02-02' && cell.date <= '2026-02-04',
    );
    expect(cells.map((cell) => [cell.ipl, cell.ide, cell.apprec, cell.test])).toEqual([
      ['MISSING', 'MISSING', 'OK', 0],
      ['MISSING', 'RECEIVED', 'AWAITING', 0],
      ['MISSING', 'NONE', 'NONE', 1],
    ]);
  });

  it('is the leap day like any other day (2028 season)', () => {
    const leap = { ...season(), key: '2028-daglig', periodStart: '2028-01-01', periodEnd: '2028-12-31' };
    const events = delivery('2028-02-28', '2028-02-29', '2028-03-01 02:00');
    const cells = dailyCalendar(leap, events, oslo('2028-03-01 13:00'));
    expect(cells).toHaveLength(366);
    expect(
      cells.filter((cell) => cell.date >= '2028-02-28' && cell.date <= '2028-03-01').map((cell) => cell.ipl),
    ).toEqual(['LATE', 'ON_TIME', 'NOT_DUE']);
  });
});

describe('state', () => {
  it.each<[string, DailyEvents, string, string, string[]]>([
    ['nothing at all: not started', { messages: [], apprecs: [] }, '2026-03-10 12:00', 'NOT_STARTED', []],
    [
      'test traffic only',
      delivery('2026-03-02', '2026-03-02', '2026-03-03 10:00', { environment: 'VALIDATION' }),
      '2026-03-10 12:00',
      'ONLY_TESTING',
      [],
    ],
    ['every working day on time: active', nightly('2026-02-02', '2026-03-10'), '2026-03-10 12:00', 'ACTIVE', []],
    [
      'a day missing in the last week: lagging',
      merge(
        nightly('2026-02-02', '2026-03-04'),
        delivery('2026-03-05', '2026-03-05', '2026-03-06 02:00'),
        delivery('2026-03-06', '2026-03-08', '2026-03-09 02:00'),
      ),
      '2026-03-09 12:30',
      'LAGGING',
      ['LAGGING'],
    ],
    [
      'three working days without an accepted delivery: silent',
      nightly('2026-02-02', '2026-03-02'),
      '2026-03-05 13:00',
      'SILENT',
      ['SILENT', 'LAGGING'],
    ],
    [
      'two working days: lagging, not yet silent',
      nightly('2026-02-02', '2026-03-02'),
      '2026-03-04 13:00',
      'LAGGING',
      ['LAGGING'],
    ],
    ['quiet over Easter is not silence', nightly('2026-03-02', '2026-04-01'), '2026-04-07 09:00', 'ACTIVE', []],
    [
      'three rejected in a row: rejecting',
      merge(
        nightly('2026-02-02', '2026-03-02'),
        nightly('2026-03-02', '2026-03-05', () => ({ apprec: 'REJECTED' })),
      ),
      '2026-03-05 13:00',
      'REJECTING',
      ['REJECTING', 'SILENT', 'LAGGING'],
    ],
    [
      'two rejected in a row: lagging',
      merge(
        nightly('2026-02-02', '2026-03-03'),
        nightly('2026-03-03', '2026-03-05', () => ({ apprec: 'REJECTED' })),
      ),
      '2026-03-05 13:00',
      'LAGGING',
      ['LAGGING'],
    ],
    [
      'a run accepted after rejections ends the run',
      merge(
        nightly('2026-02-02', '2026-03-02'),
        nightly('2026-03-02', '2026-03-05', () => ({ apprec: 'REJECTED' })),
        delivery('2026-03-02', '2026-03-04', '2026-03-05 11:00', { persons: 300 }),
      ),
      '2026-03-05 13:00',
      'ACTIVE',
      [],
    ],
    [
      'persons per day far below the median: volume drop',
      nightly('2026-02-02', '2026-03-10', (day) => ({ persons: day === '2026-03-10' ? 30 : 100 })),
      '2026-03-10 12:00',
      'VOLUME_DROP',
      ['VOLUME_DROP'],
    ],
    [
      'a week’s catch-up is compared per expected day: no drop',
      merge(
        nightly('2026-02-02', '2026-03-02'),
        delivery('2026-03-02', '2026-03-08', '2026-03-09 02:00', { persons: 500 }),
      ),
      '2026-03-09 12:00',
      'ACTIVE',
      [],
    ],
    [
      'the latest without its KPR_IDE',
      nightly('2026-02-02', '2026-03-10', (day) => ({ ide: day === '2026-03-10' ? 'none' : 'same' })),
      '2026-03-10 11:00',
      'ACTIVE',
      ['NO_IDE'],
    ],
  ])('%s', (_name, events, asOf, state, flags) => {
    const result = deriveDailyState(season(), events, oslo(asOf));
    expect(result.state).toBe(state);
    expect(result.flags.map((flag) => flag.code)).toEqual(flags);
  });

  it('gives evidence: the rejected run, the quiet working days, the volume against its median', () => {
    const rejecting = deriveDailyState(
      season(),
      merge(
        nightly('2026-02-02', '2026-03-02'),
        nightly('2026-03-02', '2026-03-05', () => ({ apprec: 'REJECTED' })),
      ),
      oslo('2026-03-05 13:00'),
    );
    expect(rejecting.flags[0]?.evidence).toMatchObject({ count: 3, since: oslo('2026-03-03 02:00') });
    expect(rejecting.flags[0]?.evidence.msgIds).toHaveLength(3);
    const silent = deriveDailyState(season(), nightly('2026-02-02', '2026-03-02'), oslo('2026-03-05 13:00'));
    expect(silent.flags[0]?.evidence.count).toBe(3);
    expect(silent.daysSinceLastAccepted).toBe(3);
    const drop = deriveDailyState(
      season(),
      nightly('2026-02-02', '2026-03-10', (day) => ({ persons: day === '2026-03-10' ? 30 : 100 })),
      oslo('2026-03-10 12:00'),
    );
    expect(drop.flags[0]?.evidence).toMatchObject({ value: 30, baseline: 100, since: oslo('2026-03-10 02:00') });
  });

  it('dates a volume drop from the first low delivery in a row, so that an episode keeps one start', () => {
    const low = (day: string) => ({ persons: day >= '2026-03-09' ? 30 : 100 });
    const drop = deriveDailyState(season(), nightly('2026-02-02', '2026-03-11', low), oslo('2026-03-11 12:00'));
    expect(drop.flags[0]).toMatchObject({ code: 'VOLUME_DROP', evidence: { since: oslo('2026-03-09 02:00') } });
    // Back at volume: the episode is over; a later drop starts a new one.
    const back = (day: string) => ({ persons: day >= '2026-03-09' && day <= '2026-03-10' ? 30 : 100 });
    const recovered = deriveDailyState(season(), nightly('2026-02-02', '2026-03-11', back), oslo('2026-03-11 12:00'));
    expect(recovered.flags.map((flag) => flag.code)).not.toContain('VOLUME_DROP');
  });
});

describe('rates, streak and days since', () => {
  it('counts expected days from 1 January and from the first delivery, both', () => {
    // Started 12 January; every working day covered on time since. At Saturday 31 January the last day due is Thursday 29th.
    const result = deriveDailyState(season(), nightly('2026-01-12', '2026-01-30'), oslo('2026-01-31 10:00'));
    expect(result.lastDueDay).toBe('2026-01-29');
    expect(result.firstDeliveryDay).toBe('2026-01-12');
    expect(result.rates.season).toEqual({
      fromRequirement: { expected: 20, covered: 14, onTime: 14 },
      fromFirstDelivery: { expected: 14, covered: 14, onTime: 14 },
    });
    expect(result.rates.last7.fromRequirement).toEqual({ expected: 5, covered: 5, onTime: 5 });
    expect(result.streak).toBe(14);
    expect(result.daysSinceLastAccepted).toBe(1);
  });

  it('sums counts for a county or the country, rates as covered and on time over expected', () => {
    const sum = sumCounts([
      { expected: 20, covered: 14, onTime: 10 },
      { expected: 20, covered: 20, onTime: 20 },
      { expected: 0, covered: 0, onTime: 0 },
    ]);
    expect(sum).toEqual({ expected: 40, covered: 34, onTime: 30 });
    expect(reportingRate(sum)).toBe(0.85);
    expect(timeliness(sum)).toBe(0.75);
    expect(reportingRate({ expected: 0, covered: 0, onTime: 0 })).toBeNull();
  });

  it('a late catch-up raises the rate but not timeliness; the streak counts it', () => {
    const events = merge(nightly('2026-01-12', '2026-01-19'), delivery('2026-01-19', '2026-01-28', '2026-01-29 02:00'));
    const result = deriveDailyState(season(), events, oslo('2026-01-29 13:00'));
    expect(result.rates.last7.fromRequirement).toEqual({ expected: 5, covered: 5, onTime: 1 });
    expect(result.streak).toBe(13);
    expect(result.state).toBe('ACTIVE');
  });
});
