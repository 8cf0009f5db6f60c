// The grace instant across the calendar's edges: DST, Easter, 17 May, Christmas, a leap day.
import { describe, expect, it } from 'vitest';
import type { DailyRules } from './config';
import { dayNumber, graceInstant, isoOfDay, osloDayOf, osloWallInstant, workingDaysAfter } from './days';

const working: Pick<DailyRules, 'expectedDays' | 'graceDays' | 'graceTime'> = {
  expectedDays: 'WORKING',
  graceDays: 1,
  graceTime: '12:00',
};
const calendar = { ...working, expectedDays: 'CALENDAR' as const };

describe('graceInstant', () => {
  it.each([
    ['a Tuesday: the next working day at noon (winter time)', working, '2026-01-06', '2026-01-07T11:00:00.000Z'],
    ['Friday before DST begins: Monday at noon, summer time', working, '2026-03-27', '2026-03-30T10:00:00.000Z'],
    ['Friday before DST ends: Monday at noon, winter time', working, '2026-10-23', '2026-10-26T11:00:00.000Z'],
    ['Wednesday before Easter: Tuesday after Easter Monday', working, '2026-04-01', '2026-04-07T10:00:00.000Z'],
    ['Maundy Thursday (a holiday) itself', working, '2026-04-02', '2026-04-07T10:00:00.000Z'],
    ['Friday before 17 May on a Monday (2027, also Whit Monday)', working, '2027-05-14', '2027-05-18T10:00:00.000Z'],
    ['Ascension Day eve (2026-05-13): Friday', working, '2026-05-13', '2026-05-15T10:00:00.000Z'],
    ['23 December: Christmas Eve is a working day', working, '2026-12-23', '2026-12-24T11:00:00.000Z'],
    ['Christmas Eve: the Monday after Boxing Day', working, '2026-12-24', '2026-12-28T11:00:00.000Z'],
    ['New Year’s Eve: 2 January the next year', working, '2026-12-31', '2027-01-04T11:00:00.000Z'],
    ['the day before a leap day', working, '2028-02-28', '2028-02-29T11:00:00.000Z'],
    ['a leap day', working, '2028-02-29', '2028-03-01T11:00:00.000Z'],
    [
      'calendar days: Saturday before DST begins, due on the DST day',
      calendar,
      '2026-03-28',
      '2026-03-29T10:00:00.000Z',
    ],
    ['calendar days: Saturday before DST ends', calendar, '2026-10-24', '2026-10-25T11:00:00.000Z'],
    [
      'no grace: the day itself at the time',
      { ...working, graceDays: 0, graceTime: '23:59' },
      '2026-06-01',
      '2026-06-01T21:59:00.000Z',
    ],
    ['two working days over Easter', { ...working, graceDays: 2 }, '2026-04-01', '2026-04-08T10:00:00.000Z'],
  ])('%s', (_name, rules, day, expected) => {
    expect(graceInstant(dayNumber(day), rules).toISOString()).toBe(expected);
  });
});

describe('days', () => {
  it.each([
    ['2026-03-29T00:59:59.999Z', '2026-03-29'],
    ['2026-03-29T22:00:00.000Z', '2026-03-30'],
    ['2026-10-25T22:59:59.999Z', '2026-10-25'],
    ['2026-10-25T23:00:00.000Z', '2026-10-26'],
    ['2028-02-28T23:00:00.000Z', '2028-02-29'],
  ])('%s falls on %s in Oslo', (instant, day) => {
    expect(isoOfDay(osloDayOf(new Date(instant)))).toBe(day);
  });

  it('turns Oslo wall time into instants on both sides of DST', () => {
    expect(osloWallInstant(dayNumber('2026-03-29'), 4 * 60).toISOString()).toBe('2026-03-29T02:00:00.000Z');
    expect(osloWallInstant(dayNumber('2026-10-25'), 4 * 60).toISOString()).toBe('2026-10-25T03:00:00.000Z');
  });

  it.each([
    ['Easter week: Wednesday to Tuesday', '2026-04-01', '2026-04-07', 1],
    ['Christmas: 23 to 28 December', '2026-12-23', '2026-12-28', 2],
    ['17 May 2027 on a Monday', '2027-05-14', '2027-05-18', 1],
    ['the same day', '2026-06-01', '2026-06-01', 0],
  ])('working days after: %s', (_name, from, to, expected) => {
    expect(workingDaysAfter(dayNumber(from), dayNumber(to))).toBe(expected);
  });
});

describe('dayNumber', () => {
  it.each([
    ['the epoch', '1970-01-01', 0],
    ['the day before it', '1969-12-31', -1],
    ['a leap day', '2028-02-29', 21_243],
    ['the day after a century leap day', '2000-03-01', 11_017],
    ['New Year’s Eve 2026', '2026-12-31', 20_818],
  ])('%s: %s is day %i, as Date.parse reads it', (_name, iso, expected) => {
    expect(dayNumber(iso)).toBe(expected);
    expect(dayNumber(iso)).toBe(Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000));
  });

  it('runs a day past the month’s end on into the next month, as Date.parse does', () => {
    expect(dayNumber('2026-02-31')).toBe(dayNumber('2026-03-03'));
    expect(isoOfDay(dayNumber('2024-02-30'))).toBe('2024-03-01');
  });

  it('every day of four centuries round-trips through isoOfDay', () => {
    for (let day = dayNumber('1900-01-01'); day <= dayNumber('2300-12-31'); day++) {
      if (dayNumber(isoOfDay(day)) !== day) throw new Error(`day ${day} (${isoOfDay(day)}) does not round-trip`);
    }
  });

  it('reads what is not YYYY-MM-DD as Date.parse does (not a number when it cannot)', () => {
    expect(dayNumber('2026-1-5')).toBeNaN();
    expect(dayNumber('not a day')).toBeNaN();
  });
});
