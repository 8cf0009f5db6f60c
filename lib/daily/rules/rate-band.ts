/**
 * The band of a municipality's reporting rate over the last 7 days (from the requirement), by which
 * the map colours the daily season: what is happening now, in a few classes one can tell apart.
 * The last 7 days rather than 30 or the season: the map is for seeing where reporting stands today.
 */
import { reportingRate } from './derive';
import type { RateCounts } from './types';

export const RATE_BANDS = ['HIGH', 'FAIR', 'LOW', 'VERY_LOW', 'NO_DAYS'] as const;
export type RateBand = (typeof RATE_BANDS)[number];

/** The lowest rate of each band, highest band first (a rate is in the first band whose floor it reaches). */
export const RATE_BAND_FLOORS: readonly [Exclude<RateBand, 'NO_DAYS'>, number][] = [
  ['HIGH', 0.95],
  ['FAIR', 0.8],
  ['LOW', 0.5],
  ['VERY_LOW', 0],
];

/** The band of a window's counts; NO_DAYS when no day was expected in it (so there is no rate). */
export function rateBand(counts: RateCounts): RateBand {
  const rate = reportingRate(counts);
  if (rate === null) return 'NO_DAYS';
  return RATE_BAND_FLOORS.find(([, floor]) => rate >= floor)![0];
}
