/**
 * The weekly report's daily section: where every municipality stood in the daily season at the
 * end of the week, the national reporting rate and timeliness over the last seven days whose grace
 * had passed, and what changed since the previous snapshot: who became silent, who recovered, who
 * is in a run of rejections, whose volume dropped (the alarms of lib/daily/rules/alarms.ts). Pure:
 * rows are plain JSON, instants ISO strings.
 */
import { alarmCodes, ALARM_CODES } from '../../daily/rules/alarms';
import { sumCounts } from '../../daily/rules/derive';
import type { DailyFlag, DailyState, RateCounts } from '../../daily/rules/types';

/** One municipality's daily state at the snapshot's instant. */
export interface SnapshotDailyMunicipality {
  number: string;
  name: string;
  countyNumber: string;
  countyName: string;
  state: DailyState;
  flags: DailyFlag['code'][];
  /** Expected, covered and on-time days of the last seven days whose grace had passed (from 1 January). */
  last7: RateCounts;
  daysSinceLastAccepted: number | null;
  lastAcceptedAt: string | null;
  /** A run of rejections: how many in a row, since when. */
  rejections: { count: number; since: string } | null;
  /** A volume drop: persons per day in the latest delivery against the median before it, since when. */
  volume: { value: number; baseline: number; since: string } | null;
}

export interface SnapshotDaily {
  season: { key: string; name: string };
  /** The seven days the rates count ('YYYY-MM-DD'), the last one the last day due; null before any was due. */
  window: { from: string; to: string } | null;
  /** Sorted by number. */
  municipalities: SnapshotDailyMunicipality[];
}

/** An alarm the section lists: the municipality and whether it is new since the previous snapshot. */
export interface DailyAlarm {
  municipality: SnapshotDailyMunicipality;
  isNew: boolean;
}

export interface DailyChanges {
  /** Silent now, and not before. */
  becameSilent: SnapshotDailyMunicipality[];
  /** Silent, rejecting or with a volume drop before; none of these now. */
  recovered: SnapshotDailyMunicipality[];
  /** Every municipality in a run of rejections now. */
  rejecting: DailyAlarm[];
  /** Every municipality whose latest delivery dropped in volume. */
  volumeDrops: DailyAlarm[];
  /** The previous snapshot's national counts, for "against last week"; null without one. */
  previousLast7: RateCounts | null;
}

/** The snapshot row of a daily overview row (lib/daily/rules/overview.ts DailyOverviewRow). */
export function snapshotDailyRow(row: {
  number: string;
  name: string;
  countyNumber: string;
  countyName: string;
  state: DailyState;
  flags: readonly DailyFlag[];
  rates: { last7: { fromRequirement: RateCounts } };
  daysSinceLastAccepted: number | null;
  lastAcceptedAt: Date | null;
}): SnapshotDailyMunicipality {
  const flag = (code: DailyFlag['code']) => row.flags.find((candidate) => candidate.code === code)?.evidence;
  const rejected = flag('REJECTING');
  const dropped = flag('VOLUME_DROP');
  return {
    number: row.number,
    name: row.name,
    countyNumber: row.countyNumber,
    countyName: row.countyName,
    state: row.state,
    flags: row.flags.map((candidate) => candidate.code),
    last7: row.rates.last7.fromRequirement,
    daysSinceLastAccepted: row.daysSinceLastAccepted,
    lastAcceptedAt: row.lastAcceptedAt?.toISOString() ?? null,
    rejections: rejected?.since ? { count: rejected.count ?? 0, since: rejected.since.toISOString() } : null,
    volume: dropped?.since
      ? { value: dropped.value ?? 0, baseline: dropped.baseline ?? 0, since: dropped.since.toISOString() }
      : null,
  };
}

/** The national (or the scope's) counts of the last seven days due. */
export function dailyLast7(daily: SnapshotDaily): RateCounts {
  return sumCounts(daily.municipalities.map((row) => row.last7));
}

/** What changed in the daily season between `previous` and `current` (municipalities matched by number). */
export function compareDailySnapshots(current: SnapshotDaily, previous: SnapshotDaily | null): DailyChanges {
  const before = new Map((previous?.municipalities ?? []).map((row) => [row.number, row]));
  const alarms = (row: SnapshotDailyMunicipality | undefined) => new Set(row ? alarmCodes(row.flags) : []);
  const alarm = (code: (typeof ALARM_CODES)[number]) =>
    current.municipalities
      .filter((row) => alarms(row).has(code))
      .map((row) => ({ municipality: row, isNew: !alarms(before.get(row.number)).has(code) }));
  return {
    becameSilent: alarm('SILENT')
      .filter((entry) => entry.isNew)
      .map((entry) => entry.municipality),
    recovered: current.municipalities.filter(
      (row) => alarms(before.get(row.number)).size > 0 && alarms(row).size === 0,
    ),
    rejecting: alarm('REJECTING'),
    volumeDrops: alarm('VOLUME_DROP'),
    previousLast7: previous ? dailyLast7(previous) : null,
  };
}

/** The section cut down to the municipalities in `numbers`; last week's national figure is left out (it is the country's). */
export function scopeDaily(
  daily: SnapshotDaily,
  changes: DailyChanges,
  numbers: ReadonlySet<string>,
): { daily: SnapshotDaily; changes: DailyChanges } {
  const keep = (row: SnapshotDailyMunicipality) => numbers.has(row.number);
  const keepAlarm = (alarm: DailyAlarm) => keep(alarm.municipality);
  return {
    daily: { ...daily, municipalities: daily.municipalities.filter(keep) },
    changes: {
      becameSilent: changes.becameSilent.filter(keep),
      recovered: changes.recovered.filter(keep),
      rejecting: changes.rejecting.filter(keepAlarm),
      volumeDrops: changes.volumeDrops.filter(keepAlarm),
      previousLast7: null,
    },
  };
}

/** How many daily changes the report lists (new alarms and recoveries). */
export function dailyChangeCount(changes: DailyChanges | null): number {
  if (!changes) return 0;
  const fresh = (alarms: readonly DailyAlarm[]) => alarms.filter((alarm) => alarm.isNew).length;
  return changes.becameSilent.length + changes.recovered.length + fresh(changes.rejecting) + fresh(changes.volumeDrops);
}
