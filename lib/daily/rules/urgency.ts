/** Ordering of the daily regime's flags and municipalities for the worklist: the most troubled first. */
import type { DailyFlag, DailyFlagCode, DailyStateResult } from './types';

/** Weight of each daily flag: rejections and silence before a volume drop, a missing KPR_IDE and lagging days. */
export const DAILY_FLAG_URGENCY: Record<DailyFlagCode, number> = {
  REJECTING: 50,
  SILENT: 40,
  VOLUME_DROP: 30,
  NO_IDE: 20,
  LAGGING: 10,
};

/** The daily flag codes, most urgent first. */
export const DAILY_FLAGS_BY_URGENCY = (Object.keys(DAILY_FLAG_URGENCY) as DailyFlagCode[]).sort(
  (a, b) => DAILY_FLAG_URGENCY[b] - DAILY_FLAG_URGENCY[a],
);

/** A municipality's flags, most urgent first. */
export function dailyFlagsByUrgency(flags: readonly DailyFlag[]): DailyFlag[] {
  return [...flags].sort((a, b) => DAILY_FLAG_URGENCY[b.code] - DAILY_FLAG_URGENCY[a.code]);
}

type DailyUrgencyInput = Pick<DailyStateResult, 'flags' | 'daysSinceLastAccepted'>;

/**
 * The flagged rows, most urgent first: by the most urgent flag, then the number of flags, then the
 * longest since an accepted delivery (never accepted counts as longest).
 */
export function byDailyUrgency<Row extends DailyUrgencyInput>(rows: readonly Row[]): Row[] {
  const top = (row: Row) => Math.max(0, ...row.flags.map((flag) => DAILY_FLAG_URGENCY[flag.code]));
  const since = (row: Row) => row.daysSinceLastAccepted ?? Infinity;
  return rows
    .filter((row) => row.flags.length > 0)
    .sort((a, b) => top(b) - top(a) || b.flags.length - a.flags.length || since(b) - since(a) || 0);
}
