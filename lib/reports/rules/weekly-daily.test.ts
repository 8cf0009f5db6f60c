import { describe, expect, it } from 'vitest';
import type { DailyFlag, DailyState } from '../../daily/rules/types';
import {
  compareDailySnapshots,
  dailyChangeCount,
  dailyLast7,
  scopeDaily,
  type SnapshotDaily,
  type SnapshotDailyMunicipality,
} from './weekly-daily';

const row = (
  number: string,
  state: DailyState,
  flags: DailyFlag['code'][] = [],
  covered = 5,
): SnapshotDailyMunicipality => ({
  number,
  name: `Kommune ${number}`,
  countyNumber: number.slice(0, 2),
  countyName: 'Fylke',
  state,
  flags,
  last7: { expected: 5, covered, onTime: covered },
  daysSinceLastAccepted: null,
  lastAcceptedAt: null,
  rejections: null,
  volume: null,
});
const snapshot = (rows: SnapshotDailyMunicipality[], key = '2026-daglig'): SnapshotDaily => ({
  season: { key, name: 'KPR 2026 (daglig)' },
  window: { from: '2026-09-10', to: '2026-09-16' },
  municipalities: rows,
});

describe('the weekly report’s daily changes', () => {
  const previous = snapshot([
    row('0301', 'ACTIVE'),
    row('1103', 'SILENT', ['SILENT'], 1),
    row('1506', 'REJECTING', ['REJECTING', 'SILENT'], 0),
    row('1804', 'VOLUME_DROP', ['VOLUME_DROP']),
    row('4601', 'LAGGING', ['LAGGING'], 3),
  ]);
  const current = snapshot([
    row('0301', 'SILENT', ['SILENT'], 2),
    row('1103', 'ACTIVE'),
    row('1506', 'REJECTING', ['REJECTING', 'SILENT'], 0),
    row('1804', 'LAGGING', ['LAGGING'], 4),
    row('4601', 'REJECTING', ['REJECTING', 'SILENT', 'LAGGING'], 0),
  ]);
  const changes = compareDailySnapshots(current, previous);
  const numbers = (rows: readonly SnapshotDailyMunicipality[]) => rows.map((entry) => entry.number);

  it('finds who became silent, who recovered, who is rejected in a run and whose volume dropped', () => {
    // Silence beside a run of rejections is told as the rejections (1506, 4601).
    expect(numbers(changes.becameSilent)).toEqual(['0301']);
    // An alarm before and none now; lagging days are no alarm.
    expect(numbers(changes.recovered)).toEqual(['1103', '1804']);
    expect(changes.rejecting.map((alarm) => [alarm.municipality.number, alarm.isNew])).toEqual([
      ['1506', false],
      ['4601', true],
    ]);
    expect(changes.volumeDrops).toEqual([]);
  });

  it('counts the new ones as changes, and last week’s national figure', () => {
    expect(dailyChangeCount(changes)).toBe(1 + 2 + 1);
    expect(changes.previousLast7).toEqual({ expected: 25, covered: 14, onTime: 14 });
    expect(dailyLast7(current)).toEqual({ expected: 25, covered: 11, onTime: 11 });
  });

  it('without a previous snapshot, every alarm is new', () => {
    const first = compareDailySnapshots(current, null);
    expect(numbers(first.becameSilent)).toEqual(['0301']);
    expect(first.rejecting.every((alarm) => alarm.isNew)).toBe(true);
    expect(first.recovered).toEqual([]);
    expect(first.previousLast7).toBeNull();
  });

  it('cuts the section to a contact’s own municipalities, without the country’s figure of last week', () => {
    const own = scopeDaily(current, changes, new Set(['4601']));
    expect(numbers(own.daily.municipalities)).toEqual(['4601']);
    expect(own.changes.becameSilent).toEqual([]);
    expect(own.changes.rejecting.map((alarm) => alarm.municipality.number)).toEqual(['4601']);
    expect(own.changes.previousLast7).toBeNull();
  });
});
