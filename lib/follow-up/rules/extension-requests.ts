/**
 * Extension requests as the municipality fills them in and FHI decides them: the fixed reason
 * categories with their Norwegian labels, and which new deadlines are sensible. Pure.
 */
import { osloDate } from '../../core/calendar';
import type { ExtensionStatus } from '../../status/rules';

export const EXTENSION_REASONS = [
  'SYSTEM_CHANGE',
  'TECHNICAL_PROBLEMS',
  'STAFF_SHORTAGE',
  'DATA_QUALITY',
  'OTHER',
] as const;
export type ExtensionReason = (typeof EXTENSION_REASONS)[number];

export const EXTENSION_REASON_LABELS: Record<ExtensionReason, string> = {
  SYSTEM_CHANGE: 'Bytte av fagsystem',
  TECHNICAL_PROBLEMS: 'Tekniske problemer med uttrekket',
  STAFF_SHORTAGE: 'Mangel på personell',
  DATA_QUALITY: 'Feil i dataene som må rettes først',
  OTHER: 'Annet',
};

export const EXTENSION_STATUS_LABELS: Record<ExtensionStatus, string> = {
  PENDING: 'Til behandling',
  GRANTED: 'Innvilget',
  DENIED: 'Avslått',
  WITHDRAWN: 'Trukket',
};

/** No new deadline later than this many days after today (or after the current deadline, if that is later). */
export const EXTENSION_MAX_DAYS = 180;

/**
 * The Oslo days a new deadline may fall on ('YYYY-MM-DD', both inclusive): after the current
 * effective deadline's day and not before today, at most EXTENSION_MAX_DAYS after the later of the
 * two. A municipality asks within these; FHI may grant any day after the season deadline's day up
 * to the same latest day (a shorter extension than asked for, or a later one).
 */
export function extensionDateBounds(now: Date, effectiveDeadline: Date): { earliest: string; latest: string } {
  const deadlineDay = osloDate(effectiveDeadline);
  const today = osloDate(now);
  const afterDeadline = dayAfter(deadlineDay, 1);
  return {
    earliest: afterDeadline > today ? afterDeadline : today,
    latest: dayAfter(deadlineDay > today ? deadlineDay : today, EXTENSION_MAX_DAYS),
  };
}

/**
 * The Oslo days FHI may grant: any day after the season deadline's day (a shorter extension than
 * asked for is fine), up to the same latest day as a request.
 */
export function grantDateBounds(now: Date, seasonDeadline: Date): { earliest: string; latest: string } {
  return { earliest: dayAfter(osloDate(seasonDeadline), 1), latest: extensionDateBounds(now, seasonDeadline).latest };
}

/** The calendar day `days` after a 'YYYY-MM-DD' day. */
function dayAfter(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
