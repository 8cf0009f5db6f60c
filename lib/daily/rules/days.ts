/**
 * Day arithmetic for the daily regime: a day is an Oslo calendar date ('YYYY-MM-DD'), numbered as
 * whole days since 1970-01-01 so that ranges are plain integer loops (no time zone in between).
 * Only the grace instant (day + N at HH:MM in Oslo) turns a day back into an instant.
 */
import { tzOffset } from '@date-fns/tz';
import { isNorwegianWorkingDay } from '../../core/calendar';
import { remembered } from '../../core/remembered';
import { DAY_MS, MINUTE_MS, OSLO_TIME_ZONE } from '../../core/time';
import type { DailyRules } from './config';

/** A calendar day as a whole number of days since 1970-01-01. */
export type DayNumber = number;

/** The number the ASCII digits of `text` from `from` to `to` spell, or -1 if one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, by arithmetic alone (H. Hinnant's
 * days_from_civil); a day past the month's end runs on into the next month, as Date.parse does.
 */
function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * 'YYYY-MM-DD' read digit by digit (no string building, no parsing of a date-time: called for
 * every delivery's period on every derive); anything else as Date.parse reads it at midnight UTC.
 */
export function dayNumber(isoDate: string): DayNumber {
  if (isoDate.length === 10 && isoDate.charCodeAt(4) === 45 && isoDate.charCodeAt(7) === 45) {
    const year = digits(isoDate, 0, 4);
    const month = digits(isoDate, 5, 7);
    const day = digits(isoDate, 8, 10);
    if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      return daysFromCivil(year, month, day);
    }
  }
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

export function isoOfDay(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Monday to Friday and not a Norwegian public holiday (lib/core/calendar.ts), remembered per day. */
export const isWorkingDay: (day: DayNumber) => boolean = remembered(
  (day: DayNumber) => isNorwegianWorkingDay(isoOfDay(day)),
  20_000,
);

/** Whether the season's rules expect this day to be covered. */
export function isExpectedDay(day: DayNumber, rules: Pick<DailyRules, 'expectedDays'>): boolean {
  return rules.expectedDays === 'CALENDAR' || isWorkingDay(day);
}

/** The instant of `minutes` after midnight on the Oslo wall clock of `day` (right across DST changes). */
export function osloWallInstant(day: DayNumber, minutes: number): Date {
  const wall = day * DAY_MS + minutes * MINUTE_MS;
  // The offset at the wall time read as UTC, then again at the instant found: exact but for the hour that does not exist.
  const first = wall - tzOffset(OSLO_TIME_ZONE, new Date(wall)) * MINUTE_MS;
  return new Date(wall - tzOffset(OSLO_TIME_ZONE, new Date(first)) * MINUTE_MS);
}

/** Oslo's UTC offset (minutes) per UTC hour: it changes only on the hour, so an hour's answer holds for all of it. */
const HOUR = 60 * MINUTE_MS;
const offsetsByHour = remembered((hour: number) => tzOffset(OSLO_TIME_ZONE, new Date(hour * HOUR)), 100_000);

function osloOffsetMinutes(time: number): number {
  return offsetsByHour(Math.floor(time / HOUR));
}

/** The Oslo calendar day an instant falls on. */
export function osloDayOf(instant: Date): DayNumber {
  const time = instant.getTime();
  return Math.floor((time + osloOffsetMinutes(time) * MINUTE_MS) / DAY_MS);
}

type GraceRules = Pick<DailyRules, 'expectedDays' | 'graceDays' | 'graceTime'>;

/** Grace instants by 'day|expectedDays|graceDays|graceTime'. */
const graceInstants = remembered((key: string) => {
  const [day, expectedDays, graceDays, graceTime] = key.split('|') as [string, string, string, string];
  const rules = { expectedDays: expectedDays as GraceRules['expectedDays'] };
  let due = Number(day);
  for (let left = Number(graceDays); left > 0;) {
    due++;
    if (isExpectedDay(due, rules)) left--;
  }
  const [hours, minutes] = graceTime.split(':').map(Number) as [number, number];
  return osloWallInstant(due, hours * 60 + minutes);
}, 50_000);

/**
 * When a day's data is due: `graceDays` after the day at `graceTime` in Oslo, counted in the kind
 * of days the season expects (working days skip weekends and public holidays: Friday's data with one
 * working day's grace is due Monday; Maundy Thursday's the Tuesday after Easter).
 */
export function graceInstant(day: DayNumber, rules: GraceRules): Date {
  return graceInstants(`${day}|${rules.expectedDays}|${rules.graceDays}|${rules.graceTime}`);
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysAfter(from: DayNumber, to: DayNumber): number {
  let count = 0;
  for (let day = from + 1; day <= to; day++) if (isWorkingDay(day)) count++;
  return count;
}

/** A season's days as tables: whether each is expected and when it is due (ms), computed once per season and rules. */
export interface SeasonDays {
  start: DayNumber;
  end: DayNumber;
  expected: Uint8Array;
  dueMs: Float64Array;
}

/** Season day tables by 'periodStart|periodEnd|expectedDays|graceDays|graceTime'. */
const seasonDayTables = remembered((key: string): SeasonDays => {
  const [periodStart, periodEnd, expectedDays, graceDays, graceTime] = key.split('|') as [
    string,
    string,
    string,
    string,
    string,
  ];
  const rules: GraceRules = {
    expectedDays: expectedDays as GraceRules['expectedDays'],
    graceDays: Number(graceDays),
    graceTime,
  };
  const start = dayNumber(periodStart);
  const end = dayNumber(periodEnd);
  const expected = new Uint8Array(end - start + 1);
  const dueMs = new Float64Array(end - start + 1);
  for (let day = start; day <= end; day++) {
    expected[day - start] = isExpectedDay(day, rules) ? 1 : 0;
    dueMs[day - start] = graceInstant(day, rules).getTime();
  }
  return { start, end, expected, dueMs };
}, 32);

export function seasonDays(season: { periodStart: string; periodEnd: string }, rules: GraceRules): SeasonDays {
  return seasonDayTables(
    `${season.periodStart}|${season.periodEnd}|${rules.expectedDays}|${rules.graceDays}|${rules.graceTime}`,
  );
}
