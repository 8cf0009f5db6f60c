/**
 * Calendar days for the demo stories. A `Day` is a calendar date counted in days since 1970-01-01,
 * cheap to step through a year with; the Oslo and working-day rules come from lib/core/calendar.
 */
import { TZDate, tzOffset } from '@date-fns/tz';
import { endOfOsloDay, isNorwegianWorkingDay, osloDate } from '@/lib/core/calendar';
import { DAY_MS, HOUR_MS, MINUTE_MS, OSLO_TIME_ZONE } from '@/lib/core/time';

/** A calendar date as days since 1970-01-01. */
export type Day = number;

export function day(year: number, month: number, dayOfMonth: number): Day {
  return Date.UTC(year, month - 1, dayOfMonth) / DAY_MS;
}

/** The calendar date of a `@db.Date` value (stored as UTC midnight). */
export function dayOfDate(date: Date): Day {
  return Math.floor(date.getTime() / DAY_MS);
}

/** A `@db.Date` value for the day. */
export function dateOfDay(value: Day): Date {
  return new Date(value * DAY_MS);
}

/** 'YYYY-MM-DD' */
export function isoOfDay(value: Day): string {
  return dateOfDay(value).toISOString().slice(0, 10);
}

export function yearOfDay(value: Day): number {
  return dateOfDay(value).getUTCFullYear();
}

export function firstOfMonth(value: Day): Day {
  const date = dateOfDay(value);
  return day(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/** Monday to Friday and not a Norwegian public holiday. */
export function isWorkingDay(value: Day): boolean {
  return isNorwegianWorkingDay(isoOfDay(value));
}

/** The day itself if it is a working day, else the next one. */
export function workingDayOnOrAfter(value: Day): Day {
  let result = value;
  while (!isWorkingDay(result)) result++;
  return result;
}

/** The day `count` working days after the day. */
export function addWorkingDays(value: Day, count: number): Day {
  let result = value;
  for (let left = count; left > 0;) {
    result++;
    if (isWorkingDay(result)) left--;
  }
  return result;
}

/**
 * The Oslo UTC offset (minutes) that holds all through the day, or null on the two days a year the
 * clocks change. Kept per day: the stories ask for hundreds of thousands of instants.
 */
const steadyOffsets = new Map<Day, number | null>();

function steadyOffset(value: Day): number | null {
  let offset = steadyOffsets.get(value);
  if (offset === undefined) {
    const atStart = tzOffset(OSLO_TIME_ZONE, new Date((value * 24 - 2) * HOUR_MS));
    const atEnd = tzOffset(OSLO_TIME_ZONE, new Date((value * 24 + 24) * HOUR_MS));
    offset = atStart === atEnd ? atStart : null;
    steadyOffsets.set(value, offset);
  }
  return offset;
}

/** The instant of an Oslo wall-clock time on the day, `minutes` after midnight. */
export function osloInstant(value: Day, minutes: number): Date {
  const offset = steadyOffset(value);
  if (offset !== null) return new Date(value * DAY_MS + Math.round((minutes - offset) * MINUTE_MS));
  const date = dateOfDay(value);
  const whole = Math.floor(minutes);
  const instant = new TZDate(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    Math.floor(whole / 60),
    whole % 60,
    Math.floor((minutes - whole) * 60),
    OSLO_TIME_ZONE,
  );
  return new Date(instant.getTime());
}

/** The last millisecond of the day in Oslo: how deadlines are stored. */
export function endOfDay(value: Day): Date {
  return endOfOsloDay(isoOfDay(value));
}

/** Oslo days per UTC hour: offsets change on whole UTC hours, so the hour decides the day. */
const osloDaysByHour = new Map<number, Day>();

/** The Oslo calendar day an instant falls on. */
export function osloDayOf(instant: Date): Day {
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  let result = osloDaysByHour.get(hour);
  if (result === undefined) {
    result = dayOfDate(new Date(`${osloDate(new Date(hour * HOUR_MS))}T00:00:00Z`));
    osloDaysByHour.set(hour, result);
  }
  return result;
}

export function addMilliseconds(instant: Date, milliseconds: number): Date {
  return new Date(instant.getTime() + milliseconds);
}
