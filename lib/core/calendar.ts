/**
 * Deadline and working-day maths in Europe/Oslo. Instants are `Date`s (UTC underneath); calendar
 * dates are 'YYYY-MM-DD' strings meaning a day on the Oslo wall calendar.
 *
 * Pure and browser-safe. Calendar-date arithmetic runs on date-fns with dates at local midnight
 * (date-fns' own convention for calendar dates, correct in any host time zone); Oslo only enters
 * when an instant is turned into a calendar date or back. `TZDate` is used only where speed does
 * not matter: date-fns on `TZDate` costs 10–100× more per call, and the delivery-state engine asks
 * these questions for every municipality on every page.
 */
import Holidays from 'date-holidays';
import { addDays, differenceInBusinessDays, differenceInCalendarDays, isWeekend } from 'date-fns';
import { TZDate, tzOffset } from '@date-fns/tz';
import { remembered } from './remembered';
import { OSLO_TIME_ZONE } from './time';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Norwegian public holidays ("helligdager"); the library's other types (bank, observance) are working days. */
const norwegianHolidays = new Holidays('NO');
const publicHolidaysByYear = new Map<number, ReadonlySet<string>>();

function publicHolidays(year: number): ReadonlySet<string> {
  let dates = publicHolidaysByYear.get(year);
  if (!dates) {
    // `date` is "YYYY-MM-DD hh:mm:ss" on the Norwegian wall clock.
    dates = new Set(
      norwegianHolidays
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    publicHolidaysByYear.set(year, dates);
  }
  return dates;
}

/**
 * A 'YYYY-MM-DD' calendar date as local midnight (date-fns' representation of a calendar date), or
 * null when it is not a real date ('2026-02-30'). Equivalent to date-fns' `parseISO` for this one
 * form, which the engine calls for every municipality: `parseISO` handles all of ISO 8601 and costs
 * several times more.
 */
function localMidnight(isoDate: string): Date | null {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const date = new Date(year, month, day);
  return date.getFullYear() === year && date.getMonth() === month && date.getDate() === day ? date : null;
}

/** Whether the value is a real calendar date written 'YYYY-MM-DD' (so '2026-02-30' is not). */
export function isIsoDate(value: string): boolean {
  return localMidnight(value) !== null;
}

/** A calendar date as local midnight, for date-fns calendar arithmetic; throws on anything but a real 'YYYY-MM-DD'. */
function calendarDay(isoDate: string): Date {
  const day = localMidnight(isoDate);
  if (!day) throw new RangeError(`expected a calendar date YYYY-MM-DD, got "${isoDate}"`);
  return day;
}

/** The last millisecond of the given Oslo calendar day, e.g. '2026-01-15' → 2026-01-15T22:59:59.999Z (+02:00 in summer). */
export function endOfOsloDay(isoDate: string): Date {
  const day = calendarDay(isoDate);
  const end = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), 23, 59, 59, 999, OSLO_TIME_ZONE);
  return new Date(end.getTime());
}

/**
 * The engine asks the same questions for every municipality (the Oslo date of `asOf` and of the
 * deadline, the days between them), so their answers are kept (lib/core/remembered.ts).
 */
const osloDates = remembered((time: number) => {
  const offsetMinutes = tzOffset(OSLO_TIME_ZONE, new Date(time));
  return new Date(time + offsetMinutes * 60_000).toISOString().slice(0, 10);
});

/** The Oslo calendar date ('YYYY-MM-DD') the instant falls on. */
export function osloDate(instant: Date): string {
  return osloDates(instant.getTime());
}

/** Monday to Friday and not a Norwegian public holiday (Christmas Eve and New Year's Eve are working days). */
export function isNorwegianWorkingDay(isoDate: string): boolean {
  return !isWeekend(calendarDay(isoDate)) && !publicHolidays(Number(isoDate.slice(0, 4))).has(isoDate);
}

/** Working days in (from, to] of a key 'from/to' where `to` is after `from`. */
const workingDayCounts = remembered((key: string) => {
  const [from, to] = key.split('/') as [string, string];
  // differenceInBusinessDays counts Monday–Friday in [earlier, later); shifting both ends by a day gives (from, to].
  const weekdays = differenceInBusinessDays(addDays(calendarDay(to), 1), addDays(calendarDay(from), 1));
  let holidaysOnWeekdays = 0;
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const holiday of publicHolidays(year)) {
      if (holiday > from && holiday <= to && !isWeekend(calendarDay(holiday))) holidaysOnWeekdays++;
    }
  }
  return weekdays - holidaysOnWeekdays;
});

/** Working days in (from, to]: after `from`, up to and including `to`; 0 when `to` is not after `from`. */
function countWorkingDays(from: string, to: string): number {
  return to <= from ? 0 : workingDayCounts(`${from}/${to}`);
}

/**
 * Norwegian working days after the Oslo date of `start`, up to and including the Oslo date of `end`
 * (0 when `end` falls on the same Oslo day as `start` or earlier). Times of day do not matter.
 * Example: a request made on Monday has been waiting 3 working days on Thursday.
 */
export function workingDaysBetween(start: Date, end: Date): number {
  return countWorkingDays(osloDate(start), osloDate(end));
}

/**
 * Working days left before a deadline: the Norwegian working days from the day after `asOf`'s Oslo
 * date up to and including the deadline's Oslo date. "Today" is never counted, so it is 0 on the
 * deadline day itself and on every day after it; on the working day before the deadline it is 1.
 */
export function workingDaysLeft(asOf: Date, deadline: Date): number {
  return workingDaysBetween(asOf, deadline);
}

/**
 * Oslo calendar days from `asOf`'s Oslo date to the deadline's Oslo date: 0 on the deadline day,
 * 1 the day before, negative when overdue (−1 the day after). Weekends and holidays count.
 */
export function calendarDaysLeft(asOf: Date, deadline: Date): number {
  return differenceInCalendarDays(calendarDay(osloDate(deadline)), calendarDay(osloDate(asOf)));
}
