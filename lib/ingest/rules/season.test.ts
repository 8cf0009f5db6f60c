import { describe, expect, it } from 'vitest';
import { type IngestSeason, type SeasonEvidence, resolveSeason } from './season';

// The seasons of prisma/data/seasons.json.
const SEASONS: IngestSeason[] = [
  {
    id: 's2024',
    key: '2024',
    kind: 'ANNUAL',
    periodStart: '2024-01-01',
    periodEnd: '2024-12-31',
    opensAt: new Date('2025-01-01T00:00:00.000+01:00'),
    deadline: new Date('2025-01-15T23:59:59.999+01:00'),
  },
  {
    id: 's2025',
    key: '2025',
    kind: 'ANNUAL',
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    opensAt: new Date('2026-01-01T00:00:00.000+01:00'),
    deadline: new Date('2026-01-15T23:59:59.999+01:00'),
  },
  {
    id: 'sdaily',
    key: '2026-daglig',
    kind: 'DAILY',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    opensAt: new Date('2026-01-01T00:00:00.000+01:00'),
    deadline: new Date('2027-01-02T12:00:00.000+01:00'),
  },
];

const period = (periodFrom: string, periodTo: string): SeasonEvidence => ({ kind: 'PERIOD', periodFrom, periodTo });
const identity = (runSeasonId: string | null, extendedSeasonIds: string[] = []): SeasonEvidence => ({
  kind: 'IDENTITY',
  runSeasonId,
  extendedSeasonIds,
});

describe('resolveSeason', () => {
  it.each<[string, SeasonEvidence, string, string | null]>([
    // KPR_IPL: the period and its extent decide, whenever it is received.
    ['annual 2025 KPR_IPL on time', period('2025-01-01', '2025-12-31'), '2026-01-10T10:00:00Z', '2025'],
    ['annual 2025 KPR_IPL late, in March 2026', period('2025-01-01', '2025-12-31'), '2026-03-02T10:00:00Z', '2025'],
    ['annual 2025 KPR_IPL in December 2026', period('2025-01-01', '2025-12-31'), '2026-12-01T10:00:00Z', '2025'],
    ['annual 2025 KPR_IPL for part of the year', period('2025-03-01', '2025-12-31'), '2026-02-01T10:00:00Z', '2025'],
    ['annual 2024 KPR_IPL resent in 2026', period('2024-01-01', '2024-12-31'), '2026-02-01T10:00:00Z', '2024'],
    ['daily KPR_IPL for one day', period('2026-03-04', '2026-03-04'), '2026-03-05T01:00:00Z', '2026-daglig'],
    [
      'daily KPR_IPL for 1 January, before the annual deadline',
      period('2026-01-01', '2026-01-01'),
      '2026-01-02T01:00:00Z',
      '2026-daglig',
    ],
    ['daily catch-up week', period('2026-04-06', '2026-04-12'), '2026-04-14T08:00:00Z', '2026-daglig'],
    [
      'daily KPR_IPL received after the daily deadline',
      period('2026-12-30', '2026-12-30'),
      '2027-02-01T08:00:00Z',
      '2026-daglig',
    ],
    [
      'a whole year 2026 is daily too (no annual 2026 season)',
      period('2026-01-01', '2026-12-31'),
      '2027-01-01T08:00:00Z',
      '2026-daglig',
    ],
    [
      'a period across seasons: the season of iiFraDato',
      period('2025-12-30', '2026-01-02'),
      '2026-01-03T08:00:00Z',
      '2025',
    ],
    ['a period no season has: the receipt rule', period('2019-01-01', '2019-12-31'), '2026-01-10T10:00:00Z', '2025'],
    // KPR_IDE: its run's KPR_IPL decides.
    ['annual KPR_IDE after the deadline, with its run', identity('s2025'), '2026-03-02T10:00:00Z', '2025'],
    [
      'daily KPR_IDE before the annual deadline, with its run',
      identity('sdaily'),
      '2026-01-05T01:00:00Z',
      '2026-daglig',
    ],
    // KPR_IDE without its run: the receipt rule.
    ['KPR_IDE alone before the annual deadline: annual', identity(null), '2026-01-12T10:00:00Z', '2025'],
    ['KPR_IDE alone on the annual deadline day (Oslo)', identity(null), '2026-01-15T22:59:00Z', '2025'],
    ['KPR_IDE alone after the annual deadline: daily', identity(null), '2026-01-15T23:00:00Z', '2026-daglig'],
    [
      'KPR_IDE alone after the deadline, extension granted: annual',
      identity(null, ['s2025']),
      '2026-02-20T10:00:00Z',
      '2025',
    ],
    ['KPR_IDE alone, test in the autumn of the year reported', identity(null), '2025-10-01T10:00:00Z', '2025'],
    ['KPR_IDE alone in 2024 after the 2024 deadline: the next annual', identity(null), '2025-03-01T10:00:00Z', '2025'],
    ['KPR_IDE alone after every deadline: the latest', identity(null), '2027-03-01T10:00:00Z', '2026-daglig'],
    ['a run season no longer configured: the receipt rule', identity('gone'), '2026-06-01T10:00:00Z', '2026-daglig'],
    // Nothing but the time.
    ['the current season in December 2026', { kind: 'NONE' }, '2026-12-03T10:00:00Z', '2026-daglig'],
  ])('%s', (_, evidence, receivedAt, expected) => {
    expect(resolveSeason(SEASONS, evidence, new Date(receivedAt))?.key ?? null).toBe(expected);
  });

  it('an extension granted in another season does not hold a KPR_IDE in this one', () => {
    expect(resolveSeason(SEASONS, identity(null, ['s2024']), new Date('2026-02-20T10:00:00Z'))?.key).toBe('2024');
    expect(resolveSeason(SEASONS, identity(null, []), new Date('2026-02-20T10:00:00Z'))?.key).toBe('2026-daglig');
  });

  it('no seasons: none', () => {
    expect(resolveSeason([], identity(null), new Date('2026-02-20T10:00:00Z'))).toBeNull();
  });
});
