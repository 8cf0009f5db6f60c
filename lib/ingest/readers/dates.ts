/**
 * Dates as they appear in KITH messages (xs:dateTime) and in IPLOS (yyyymmdd).
 *
 * An xs:dateTime WITHOUT an offset ("2026-01-10T10:15:00") is read as Europe/Oslo wall-clock time:
 * the senders are Norwegian systems and FHI, and that is what such a value means there. Across the
 * DST changes that date-fns/tz applies: a wall-clock time that does not exist (2025-03-30T02:30)
 * moves forward into summer time (03:30+02:00); one that occurs twice (2025-10-26T02:30) is taken
 * as the later, standard-time occurrence (+01:00). A value WITH an offset or Z is taken as given.
 */
import { tz } from '@date-fns/tz';
import { format, isValid, parse, parseISO } from 'date-fns';
import { OSLO_TIME_ZONE } from '../../core/time';

/** xs:dateTime: seconds and fractions optional, offset optional (Z or ±hh:mm up to ±14:00). */
const XS_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)?$/;

/** The instant an xs:dateTime denotes, or null when the text is not a valid one. */
export function parseMessageDateTime(value: string): Date | null {
  if (!XS_DATE_TIME.test(value)) return null;
  const parsed = parseISO(value, { in: tz(OSLO_TIME_ZONE) });
  return isValid(parsed) ? new Date(parsed.getTime()) : null;
}

/** An IPLOS date (yyyymmdd) as an ISO calendar date (yyyy-MM-dd), or null when it is not a real date. */
export function parseCompactDate(value: string): string | null {
  if (!/^\d{8}$/.test(value)) return null;
  const parsed = parse(value, 'yyyyMMdd', new Date(2000, 0, 1));
  return isValid(parsed) ? format(parsed, 'yyyy-MM-dd') : null;
}
