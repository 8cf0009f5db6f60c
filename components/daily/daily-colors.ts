/** The Designsystemet colour of each daily state's badge and each day status's calendar cell. */
import type { GraphicColor } from '@/components/graphics/palette';
import type { DailyState, DayStatus } from '@/lib/daily/rules';
import type { RateBand } from '@/lib/daily/rules/rate-band';

export const DAILY_STATE_COLORS: Record<DailyState, GraphicColor> = {
  NOT_STARTED: 'neutral',
  ONLY_TESTING: 'info',
  ACTIVE: 'success',
  LAGGING: 'warning',
  SILENT: 'danger',
  REJECTING: 'danger',
  VOLUME_DROP: 'warning',
};

/** The map's colour of each band of the 7-day reporting rate. */
export const RATE_BAND_COLORS: Record<RateBand, GraphicColor> = {
  HIGH: 'success',
  FAIR: 'info',
  LOW: 'warning',
  VERY_LOW: 'danger',
  NO_DAYS: 'neutral',
};

export const DAY_STATUS_CLASS: Record<DayStatus, string> = {
  ON_TIME: 'onTime',
  LATE: 'late',
  REJECTED: 'rejected',
  MISSING: 'missing',
  NOT_DUE: 'notDue',
  NOT_EXPECTED: 'notExpected',
  FUTURE: 'future',
};
