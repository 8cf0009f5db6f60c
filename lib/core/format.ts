/**
 * The one module that formats dates, numbers and durations for people: Norwegian bokmål (nb-NO),
 * Europe/Oslo. Instants are stored in UTC and shown on the Oslo wall clock. Formatters are built
 * once (building an Intl formatter costs far more than using one), and their answers are kept
 * (lib/core/remembered.ts): a page formats the same dates and counts on every request, and using an
 * Intl formatter costs microseconds where a lookup costs nanoseconds.
 *
 * Note that nb-NO groups thousands with a no-break space (U+00A0), puts one before '%', and writes
 * negative numbers with a true minus sign (U+2212).
 */
import { formatDuration as formatDurationParts, type Duration } from 'date-fns';
import { nb } from 'date-fns/locale/nb';
import { z } from 'zod';
import { remembered } from './remembered';
import { DAY_MS, HOUR_MS, MINUTE_MS, OSLO_TIME_ZONE } from './time';

const LOCALE = 'nb-NO';
const isoDateSchema = z.iso.date();

const dateFormat = new Intl.DateTimeFormat(LOCALE, {
  timeZone: OSLO_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat(LOCALE, {
  timeZone: OSLO_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** Calendar dates carry no time zone: format their UTC midnight in UTC so the day never shifts. */
const calendarDateFormat = new Intl.DateTimeFormat(LOCALE, {
  timeZone: 'UTC',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const numberFormat = new Intl.NumberFormat(LOCALE);
const listFormat = new Intl.ListFormat(LOCALE, { type: 'conjunction' });

const dateTimes = remembered((time: number) => `${dateFormat.format(time)} kl. ${timeFormat.format(time)}`);
const dates = remembered((time: number) => dateFormat.format(time));
const isoDates = remembered((isoDate: string) => {
  if (!isoDateSchema.safeParse(isoDate).success)
    throw new RangeError(`expected a calendar date YYYY-MM-DD, got "${isoDate}"`);
  return calendarDateFormat.format(new Date(`${isoDate}T00:00:00Z`));
});
const numbers = remembered((value: number) => numberFormat.format(value));
const percentsByDigits = new Map<number, (ratio: number) => string>();
/** Lists are kept by their items joined with a character no item has; fewer of them, as one can be long. */
const LIST_KEY_SEPARATOR = '\u0000';
const lists = remembered((key: string) => listFormat.format(key === '' ? [] : key.split(LIST_KEY_SEPARATOR)), 1_000);

/** '15.01.2026 kl. 23:59' (Oslo time). */
export function formatDateTime(instant: Date): string {
  return dateTimes(instant.getTime());
}

/** '15.01.2026': the Oslo calendar day of an instant. */
export function formatDate(instant: Date): string {
  return dates(instant.getTime());
}

/** A calendar date 'YYYY-MM-DD' as '15.01.2026'. */
export function formatIsoDate(isoDate: string): string {
  return isoDates(isoDate);
}

/** '1 234 567,5' (no-break space between groups). Negative zero is shown as '0'. */
export function formatNumber(value: number): string {
  return numbers(value + 0);
}

/**
 * A ratio as a percentage with exactly `digits` decimals: formatPercent(0.1234, 1) → '12,3 %'.
 * Negative zero is shown as '0 %'.
 */
export function formatPercent(ratio: number, digits = 0): string {
  let percents = percentsByDigits.get(digits);
  if (!percents) {
    const format = new Intl.NumberFormat(LOCALE, {
      style: 'percent',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    percents = remembered((value: number) => format.format(value));
    percentsByDigits.set(digits, percents);
  }
  return percents(ratio + 0);
}

/** ['6', '26', '27'] → '6, 26 og 27'. */
export function formatList(items: readonly string[]): string {
  return lists(items.join(LIST_KEY_SEPARATOR));
}

/**
 * An elapsed time in milliseconds as its two most significant units, rounded down:
 * '3 dager 4 timer', '5 timer 12 minutter', 'ett minutt', '0 minutter'. A day is 24 hours (elapsed
 * time, not calendar days). The sign is ignored: say "late by" or "left" around it.
 */
export function formatDuration(milliseconds: number): string {
  const total = Math.abs(milliseconds);
  const days = Math.floor(total / DAY_MS);
  const hours = Math.floor((total % DAY_MS) / HOUR_MS);
  const minutes = Math.floor((total % HOUR_MS) / MINUTE_MS);
  const parts: Duration = days > 0 ? { days, hours } : hours > 0 ? { hours, minutes } : { minutes };
  // `zero` only matters for the last case: under a minute reads '0 minutter' rather than ''.
  return formatDurationParts(parts, { locale: nb, zero: days === 0 && hours === 0 });
}
