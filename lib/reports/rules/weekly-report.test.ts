import { describe, expect, it } from 'vitest';
import type { DeliveryState, FlagCode } from '../../status/rules/types';
import {
  changeRows,
  compareWeeklySnapshots,
  followUpGroups,
  countKeyFigures,
  previousWeekStart,
  reportWeek,
  weekStartOf,
  type KeyFigureCounts,
  type SnapshotExtension,
  type SnapshotMunicipality,
  type WeeklySnapshot,
} from './weekly-report';

describe('reportWeek', () => {
  it.each([
    ['2026-01-12', '2026-01-18', '2026-01-11T23:00:00.000Z', '2026-01-18T22:59:59.999Z', 168, 'winter week'],
    [
      '2026-03-23',
      '2026-03-29',
      '2026-03-22T23:00:00.000Z',
      '2026-03-29T21:59:59.999Z',
      167,
      'clocks go forward on its Sunday',
    ],
    ['2026-03-30', '2026-04-05', '2026-03-29T22:00:00.000Z', '2026-04-05T21:59:59.999Z', 168, 'first summer week'],
    [
      '2026-10-19',
      '2026-10-25',
      '2026-10-18T22:00:00.000Z',
      '2026-10-25T22:59:59.999Z',
      169,
      'clocks go back on its Sunday',
    ],
    ['2025-12-29', '2026-01-04', '2025-12-28T23:00:00.000Z', '2026-01-04T22:59:59.999Z', 168, 'across New Year'],
  ])('%s–%s starts %s and ends %s (%i hours, %s)', (weekStart, weekEnd, start, end, hours) => {
    const week = reportWeek(weekStart);
    expect(week).toEqual({ weekStart, weekEnd, start: new Date(start), end: new Date(end) });
    expect((week.end.getTime() + 1 - week.start.getTime()) / 3_600_000).toBe(hours);
  });

  it.each(['2026-01-13', '2026-01-18', '2026-02-30', '12.01.2026', ''])('rejects %j', (value) => {
    expect(() => reportWeek(value)).toThrow(RangeError);
  });

  it.each([
    ['2026-01-11T22:59:59.999Z', '2026-01-05', 'Sunday 23:59:59.999 in Oslo'],
    ['2026-01-11T23:00:00.000Z', '2026-01-12', 'Monday 00:00 in Oslo, still Sunday in UTC'],
    ['2026-01-18T22:59:59.999Z', '2026-01-12', 'the last millisecond of the week'],
    ['2026-03-29T21:59:59.999Z', '2026-03-23', 'end of the spring-forward Sunday'],
    ['2026-03-29T22:00:00.000Z', '2026-03-30', 'Monday after spring-forward'],
    ['2026-10-25T22:59:59.999Z', '2026-10-19', 'end of the fall-back Sunday'],
    ['2026-10-25T23:00:00.000Z', '2026-10-26', 'Monday after fall-back'],
    ['2026-01-01T12:00:00.000Z', '2025-12-29', 'a week across New Year'],
  ])('weekStartOf(%s) = %s (%s)', (instant, monday) => {
    expect(weekStartOf(new Date(instant))).toBe(monday);
  });

  it('steps back a week, across DST and years', () => {
    expect(previousWeekStart('2026-03-30')).toBe('2026-03-23');
    expect(previousWeekStart('2026-01-05')).toBe('2025-12-29');
    expect(() => previousWeekStart('2026-01-06')).toThrow(RangeError);
  });
});

const WEEK = '2026-01-12';
const END = '2026-01-18T22:59:59.999Z';
const LAST_WEEK_END = '2026-01-11T22:59:59.999Z';

function municipality(
  number: string,
  state: DeliveryState,
  flags: FlagCode[] = [],
  extra: Partial<SnapshotMunicipality> = {},
): SnapshotMunicipality {
  return {
    number,
    name: `Kommune ${number}`,
    countyNumber: number.slice(0, 2),
    countyName: `Fylke ${number.slice(0, 2)}`,
    state,
    flags,
    effectiveDeadline: '2026-01-15T22:59:59.999Z',
    extensionGranted: false,
    deliveredOnTime: state === 'DELIVERED' ? true : null,
    firstAcceptedAt: state === 'DELIVERED' ? '2026-01-05T10:00:00.000Z' : null,
    lastSentAt: null,
    extensions: [],
    ...extra,
  };
}

const counts = (rows: SnapshotMunicipality[] = []): KeyFigureCounts => countKeyFigures(rows);

function snapshot(
  weekStart: string,
  asOf: string,
  municipalities: SnapshotMunicipality[],
  extra: Partial<WeeklySnapshot> = {},
): WeeklySnapshot {
  return {
    version: 2,
    season: { key: '2025', name: 'KPR 2025', deadline: '2026-01-15T22:59:59.999Z' },
    weekStart,
    asOf,
    keyFigures: counts(municipalities),
    lastSeason: null,
    municipalities,
    daily: null,
    ...extra,
  };
}

const extension = (values: Partial<SnapshotExtension>): SnapshotExtension => ({
  requestedAt: '2026-01-13T09:00:00.000Z',
  requestedDeadline: '2026-02-15T22:59:59.999Z',
  status: 'PENDING',
  decidedAt: null,
  grantedDeadline: null,
  ...values,
});

const numbers = (rows: readonly { number: string }[]) => rows.map((row) => row.number);

describe('compareWeeklySnapshots', () => {
  it.each<
    [
      string,
      SnapshotMunicipality | undefined,
      SnapshotMunicipality,
      { delivered?: boolean; rejected?: boolean; notStarted?: boolean },
    ]
  >([
    ['delivered this week', municipality('0301', 'SENT'), municipality('0301', 'DELIVERED'), { delivered: true }],
    ['delivered already', municipality('0301', 'DELIVERED'), municipality('0301', 'DELIVERED'), {}],
    ['unknown last week, delivered now', undefined, municipality('0301', 'DELIVERED'), { delivered: true }],
    [
      'accepted with errors, then fixed',
      municipality('0301', 'ACCEPTED_WITH_ERRORS'),
      municipality('0301', 'DELIVERED'),
      { delivered: true },
    ],
    [
      'rejected this week',
      municipality('0301', 'SENT', [], { lastSentAt: '2026-01-13T08:00:00.000Z' }),
      municipality('0301', 'REJECTED', [], { lastSentAt: '2026-01-13T08:00:00.000Z' }),
      { rejected: true },
    ],
    [
      'still the same rejection',
      municipality('0301', 'REJECTED', [], { lastSentAt: '2026-01-05T08:00:00.000Z' }),
      municipality('0301', 'REJECTED', [], { lastSentAt: '2026-01-05T08:00:00.000Z' }),
      {},
    ],
    [
      'rejected again on a new delivery',
      municipality('0301', 'REJECTED', [], { lastSentAt: '2026-01-05T08:00:00.000Z' }),
      municipality('0301', 'REJECTED', [], { lastSentAt: '2026-01-14T08:00:00.000Z' }),
      { rejected: true },
    ],
    [
      'still not started',
      municipality('0301', 'NOT_STARTED'),
      municipality('0301', 'NOT_STARTED'),
      { notStarted: true },
    ],
    ['started testing', municipality('0301', 'NOT_STARTED'), municipality('0301', 'TESTING'), {}],
  ])('%s', (_, before, now, expected) => {
    const report = compareWeeklySnapshots(
      snapshot(WEEK, END, [now]),
      snapshot('2026-01-05', LAST_WEEK_END, before ? [before] : []),
    );
    expect(report.changes.newlyDelivered.length > 0).toBe(expected.delivered ?? false);
    expect(report.changes.newlyRejected.length > 0).toBe(expected.rejected ?? false);
    expect(report.changes.stillNotStarted.length > 0).toBe(expected.notStarted ?? false);
    expect(report.hasChanges).toBe(Boolean(expected.delivered || expected.rejected));
  });

  it('lists flags raised and cleared per flag', () => {
    const report = compareWeeklySnapshots(
      snapshot(WEEK, END, [
        municipality('0301', 'REJECTED', ['MUST_RESUBMIT', 'OVERDUE']),
        municipality('1101', 'DELIVERED'),
        municipality('4601', 'SENT', ['APPREC_MISSING']),
      ]),
      snapshot('2026-01-05', LAST_WEEK_END, [
        municipality('0301', 'REJECTED', ['MUST_RESUBMIT']),
        municipality('1101', 'NOT_STARTED', ['SHOULD_APPLY_FOR_EXTENSION']),
        municipality('4601', 'SENT', ['APPREC_MISSING']),
      ]),
    );
    expect(numbers(report.changes.flagsRaised.OVERDUE)).toEqual(['0301']);
    expect(numbers(report.changes.flagsRaised.MUST_RESUBMIT)).toEqual([]);
    expect(numbers(report.changes.flagsCleared.SHOULD_APPLY_FOR_EXTENSION)).toEqual(['1101']);
    expect(numbers(report.changes.flagsRaised.APPREC_MISSING)).toEqual([]);
    expect(changeRows(report.changes).map((row) => [row.kind, row.municipality.number, row.detail])).toEqual([
      ['DELIVERED', '1101', ''],
      ['FLAG_RAISED', '0301', 'Forsinket'],
      ['FLAG_CLEARED', '1101', 'Bør søke om utsettelse'],
    ]);
  });

  it('counts extension requests and decisions made after the previous snapshot and by this one', () => {
    const extensions = [
      extension({
        requestedAt: '2026-01-08T09:00:00.000Z',
        status: 'GRANTED',
        decidedAt: '2026-01-12T10:00:00.000Z',
        grantedDeadline: '2026-02-01T22:59:59.999Z',
      }),
      extension({ requestedAt: '2026-01-11T22:59:59.999Z' }),
      extension({ requestedAt: '2026-01-11T23:00:00.000Z', status: 'DENIED', decidedAt: END }),
    ];
    const report = compareWeeklySnapshots(
      snapshot(WEEK, END, [municipality('0301', 'NOT_STARTED', ['EXTENSION_PENDING'], { extensions })]),
      snapshot('2026-01-05', LAST_WEEK_END, [municipality('0301', 'NOT_STARTED', ['EXTENSION_PENDING'])]),
    );
    expect(report.since).toBe(LAST_WEEK_END);
    expect(report.changes.extensionsRequested.map((change) => change.extension.requestedAt)).toEqual([
      '2026-01-11T23:00:00.000Z',
    ]);
    expect(report.changes.extensionsDecided.map((change) => change.extension.status)).toEqual(['GRANTED', 'DENIED']);
    expect(
      changeRows(report.changes)
        .filter((row) => row.kind === 'EXTENSION_DECIDED')
        .map((row) => [row.detail, row.deadline]),
    ).toEqual([
      ['Innvilget', '2026-02-01T22:59:59.999Z'],
      ['Avslått', null],
    ]);
    expect(report.hasChanges).toBe(true);
  });

  it('counts from the start of the week without a previous snapshot, in a DST week too', () => {
    const asOf = '2026-03-29T21:59:59.999Z';
    const extensions = [
      extension({ requestedAt: '2026-03-22T22:59:59.999Z' }),
      extension({ requestedAt: '2026-03-22T23:00:00.000Z' }),
    ];
    const report = compareWeeklySnapshots(
      snapshot('2026-03-23', asOf, [
        municipality('0301', 'DELIVERED', ['MUST_RESUBMIT'], { extensions }),
        municipality('1101', 'NOT_STARTED'),
      ]),
      null,
    );
    expect(report.since).toBe('2026-03-22T22:59:59.999Z');
    expect(report.changes.extensionsRequested.map((change) => change.extension.requestedAt)).toEqual([
      '2026-03-22T23:00:00.000Z',
    ]);
    expect(numbers(report.changes.newlyDelivered)).toEqual(['0301']);
    expect(numbers(report.changes.flagsRaised.MUST_RESUBMIT)).toEqual(['0301']);
    expect(numbers(report.changes.stillNotStarted)).toEqual(['1101']);
  });

  it('gives key figures as counts and shares against last season, counted from the rows', () => {
    const current = [
      municipality('0301', 'DELIVERED', [], { firstAcceptedAt: '2026-01-05T10:00:00.000Z' }),
      municipality('1101', 'ACCEPTED_WITH_ERRORS', ['MUST_RESUBMIT'], {
        deliveredOnTime: true,
        firstAcceptedAt: '2026-01-06T10:00:00.000Z',
      }),
      municipality('4601', 'REJECTED', ['MUST_RESUBMIT', 'OVERDUE']),
      municipality('5001', 'NOT_STARTED', ['OVERDUE']),
    ];
    const lastRows = [municipality('0301', 'DELIVERED', [], { firstAcceptedAt: '2025-01-05T10:00:00.000Z' })];
    const report = compareWeeklySnapshots(
      snapshot(WEEK, END, current, {
        lastSeason: {
          season: { key: '2024', name: 'KPR 2024' },
          asOf: '2025-01-18T22:59:59.999Z',
          keyFigures: counts([
            ...lastRows,
            municipality('1101', 'NOT_STARTED'),
            municipality('4601', 'NOT_STARTED'),
            municipality('5001', 'SENT'),
          ]),
        },
      }),
      null,
    );
    expect(report.keyFigures.map((figure) => figure.key)).toEqual([
      'DELIVERED',
      'ACCEPTED_WITH_ERRORS',
      'INCOMPLETE',
      'REJECTED',
      'APPREC_OVERDUE',
      'SENT',
      'TESTING',
      'NOT_STARTED',
      'accepted',
      'deliveredOnTime',
      'OVERDUE',
      'MUST_RESUBMIT',
      'SHOULD_APPLY_FOR_EXTENSION',
    ]);
    expect(report.keyFigures[0]).toEqual({
      group: 'state',
      key: 'DELIVERED',
      label: 'Levert',
      count: 1,
      share: 1 / 4,
      lastSeasonCount: 1,
      lastSeasonShare: 1 / 4,
    });
    const byKey = new Map(report.keyFigures.map((figure) => [figure.key, figure]));
    // The states add up to the municipalities; the measures and flags cut across them.
    expect(
      report.keyFigures.filter((figure) => figure.group === 'state').reduce((sum, figure) => sum + figure.count, 0),
    ).toBe(4);
    expect(byKey.get('accepted')).toMatchObject({ count: 2, label: 'Godkjent levering', lastSeasonCount: 1 });
    expect(byKey.get('deliveredOnTime')).toMatchObject({ count: 2, label: 'Levert innen fristen' });
    expect(byKey.get('MUST_RESUBMIT')).toMatchObject({ count: 2 });
    expect(byKey.get('OVERDUE')).toMatchObject({ count: 2, label: 'Forsinket' });
    expect(byKey.get('NOT_STARTED')).toMatchObject({ count: 1, lastSeasonCount: 2, lastSeasonShare: 2 / 4 });
  });

  it('reads a version 1 snapshot: its key figures counted again from its rows, last season left out', () => {
    const old = {
      ...snapshot(WEEK, END, [municipality('0301', 'DELIVERED', [], { firstAcceptedAt: '2026-01-05T10:00:00.000Z' })]),
      version: 1 as const,
      keyFigures: { total: 1, delivered: 1 } as unknown as KeyFigureCounts,
      lastSeason: {
        season: { key: '2024', name: 'KPR 2024' },
        asOf: '2025-01-18T22:59:59.999Z',
        keyFigures: { total: 357, delivered: 9 } as unknown as KeyFigureCounts,
      },
    };
    const report = compareWeeklySnapshots(old, null);
    expect(report.keyFigures.find((figure) => figure.key === 'DELIVERED')).toMatchObject({
      count: 1,
      lastSeasonCount: null,
    });
    expect(report.keyFigures.find((figure) => figure.key === 'accepted')).toMatchObject({ count: 1 });
  });

  it('has shares of 0 and no comparison for an empty scope without a last season', () => {
    const report = compareWeeklySnapshots(snapshot(WEEK, END, []), null);
    expect(
      report.keyFigures.every(
        (figure) => figure.share === 0 && figure.lastSeasonCount === null && figure.lastSeasonShare === null,
      ),
    ).toBe(true);
    expect(report.hasChanges).toBe(false);
  });
});

describe('followUpGroups', () => {
  it('lists every flagged municipality once, under its most urgent flag, in the report flag order', () => {
    const groups = followUpGroups([
      municipality('4601', 'REJECTED', ['MUST_RESUBMIT', 'OVERDUE']),
      municipality('0301', 'DELIVERED'),
      municipality('1103', 'NOT_STARTED', ['OVERDUE']),
      municipality('0101', 'SENT', ['TRANSPORT_ERROR']),
      municipality('3201', 'REJECTED', ['MUST_RESUBMIT']),
      municipality('1101', 'SENT', ['APPREC_MISSING', 'EXTENSION_PENDING']),
    ]);
    expect(groups.map(({ flag, municipalities }) => [flag, municipalities.map((row) => row.number)])).toEqual([
      ['OVERDUE', ['1103']],
      ['MUST_RESUBMIT', ['3201', '4601']],
      ['APPREC_MISSING', ['1101']],
      ['TRANSPORT_ERROR', ['0101']],
    ]);
  });

  it('is empty when nobody is flagged', () => {
    expect(followUpGroups([municipality('0301', 'DELIVERED'), municipality('1103', 'NOT_STARTED')])).toEqual([]);
  });
});
