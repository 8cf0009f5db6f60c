import { describe, expect, it } from 'vitest';
import {
  calendarDaysLeft,
  endOfOsloDay,
  isNorwegianWorkingDay,
  osloDate,
  workingDaysBetween,
  workingDaysLeft,
} from './calendar';

const at = (iso: string) => new Date(iso);
const DEADLINE_2025 = at('2026-01-15T23:59:59.999+01:00');

describe('endOfOsloDay', () => {
  it.each([
    ['2026-01-15', '2026-01-15T22:59:59.999Z', 'winter, +01:00'],
    ['2025-07-01', '2025-07-01T21:59:59.999Z', 'summer, +02:00'],
    ['2026-03-28', '2026-03-28T22:59:59.999Z', 'Saturday before spring-forward'],
    ['2026-03-29', '2026-03-29T21:59:59.999Z', 'spring-forward Sunday (23-hour day) ends in summer time'],
    ['2026-10-24', '2026-10-24T21:59:59.999Z', 'Saturday before fall-back'],
    ['2026-10-25', '2026-10-25T22:59:59.999Z', 'fall-back Sunday (25-hour day) ends in winter time'],
    ['2025-12-31', '2025-12-31T22:59:59.999Z', "New Year's Eve"],
    ['2028-02-29', '2028-02-29T22:59:59.999Z', 'leap day'],
  ])('%s → %s (%s)', (isoDate, expected) => {
    expect(endOfOsloDay(isoDate).toISOString()).toBe(expected);
  });

  it('returns a plain Date', () => {
    expect(endOfOsloDay('2026-01-15').constructor).toBe(Date);
  });

  it.each(['2026-02-30', '2026-1-15', '15.01.2026', '2026-01-15T00:00', ''])('rejects %j', (value) => {
    expect(() => endOfOsloDay(value)).toThrow(RangeError);
  });
});

describe('osloDate', () => {
  it.each([
    ['2026-01-15T22:59:59.999Z', '2026-01-15', 'last millisecond of the deadline day'],
    ['2026-01-15T23:00:00.000Z', '2026-01-16', 'midnight in Oslo, still the 15th in UTC'],
    ['2025-12-31T23:00:00.000Z', '2026-01-01', 'New Year starts an hour before UTC'],
    ['2025-12-31T22:59:59.999Z', '2025-12-31', "New Year's Eve"],
    ['2026-03-28T23:30:00.000Z', '2026-03-29', 'spring-forward night, still +01:00'],
    ['2026-03-29T21:59:59.999Z', '2026-03-29', 'end of the spring-forward Sunday, +02:00'],
    ['2026-03-29T22:00:00.000Z', '2026-03-30', 'Monday after spring-forward'],
    ['2026-10-24T22:00:00.000Z', '2026-10-25', 'fall-back night, +02:00'],
    ['2026-10-25T22:59:59.999Z', '2026-10-25', 'end of the fall-back Sunday, +01:00'],
    ['2026-10-25T23:00:00.000Z', '2026-10-26', 'Monday after fall-back'],
  ])('%s → %s (%s)', (instant, expected) => {
    expect(osloDate(at(instant))).toBe(expected);
  });

  it('round-trips with endOfOsloDay', () => {
    for (const day of ['2026-01-15', '2026-03-29', '2026-10-25', '2026-07-01']) {
      expect(osloDate(endOfOsloDay(day))).toBe(day);
    }
  });
});

describe('isNorwegianWorkingDay', () => {
  it.each([
    ['2026-01-01', false, 'New Year (Thursday)'],
    ['2026-01-02', true, 'Friday after New Year'],
    ['2026-01-15', true, 'deadline day (Thursday)'],
    ['2026-01-17', false, 'Saturday'],
    ['2026-01-18', false, 'Sunday'],
    ['2026-03-27', true, 'Friday before spring-forward'],
    ['2026-04-01', true, 'Wednesday before Easter'],
    ['2026-04-02', false, 'Maundy Thursday'],
    ['2026-04-03', false, 'Good Friday'],
    ['2026-04-06', false, 'Easter Monday'],
    ['2026-04-07', true, 'Tuesday after Easter'],
    ['2026-05-01', false, 'Labour Day'],
    ['2026-05-14', false, 'Ascension Day'],
    ['2026-05-25', false, 'Whit Monday'],
    ['2028-05-17', false, 'Constitution Day on a Wednesday'],
    ['2028-05-18', true, 'the day after Constitution Day'],
    ['2025-12-24', true, 'Christmas Eve is not a public holiday'],
    ['2025-12-25', false, 'Christmas Day'],
    ['2025-12-26', false, 'Boxing Day'],
    ['2025-12-31', true, "New Year's Eve is not a public holiday"],
    ['2026-02-06', true, 'Sami National Day is an observance, not a holiday'],
  ])('%s → %s (%s)', (isoDate, expected) => {
    expect(isNorwegianWorkingDay(isoDate)).toBe(expected);
  });

  it('rejects a malformed date', () => {
    expect(() => isNorwegianWorkingDay('2026-13-01')).toThrow(RangeError);
  });
});

describe('workingDaysLeft', () => {
  it.each([
    ['2026-01-14T12:00:00+01:00', DEADLINE_2025, 1, 'Wednesday before the Thursday deadline'],
    ['2026-01-15T00:00:00+01:00', DEADLINE_2025, 0, 'first instant of the deadline day'],
    ['2026-01-15T23:59:59.999+01:00', DEADLINE_2025, 0, 'last instant of the deadline day'],
    ['2026-01-16T00:01:00+01:00', DEADLINE_2025, 0, 'after the deadline'],
    ['2026-02-20T12:00:00+01:00', DEADLINE_2025, 0, 'long after the deadline'],
    ['2026-01-09T12:00:00+01:00', DEADLINE_2025, 4, 'Friday: Mon–Thu left'],
    ['2026-01-10T12:00:00+01:00', DEADLINE_2025, 4, 'Saturday: Mon–Thu left'],
    ['2026-01-08T12:00:00+01:00', DEADLINE_2025, 5, 'a week before'],
    ['2025-12-31T12:00:00+01:00', DEADLINE_2025, 10, 'New Year (1 Jan) is skipped'],
    ['2025-12-23T12:00:00+01:00', DEADLINE_2025, 14, 'Christmas Day, Boxing Day and New Year are skipped'],
    ['2025-12-31T22:59:59.999Z', DEADLINE_2025, 10, "last instant of New Year's Eve in Oslo"],
    ['2025-12-31T23:00:00.000Z', DEADLINE_2025, 10, 'New Year in Oslo although still 2025 in UTC'],
    ['2026-01-14T23:30:00Z', DEADLINE_2025, 0, 'already the deadline day in Oslo, not in UTC'],
    ['2026-04-01T12:00:00+02:00', at('2026-04-07T23:59:59.999+02:00'), 1, 'Easter: Thu, Fri and Mon are holidays'],
    ['2026-03-31T12:00:00+02:00', at('2026-04-07T23:59:59.999+02:00'), 2, 'Easter from Tuesday'],
    ['2026-03-27T12:00:00+01:00', at('2026-03-30T23:59:59.999+02:00'), 1, 'across spring-forward'],
    ['2026-10-23T12:00:00+02:00', at('2026-10-26T23:59:59.999+01:00'), 1, 'across fall-back'],
    ['2026-03-28T23:30:00Z', at('2026-03-30T21:59:59.999Z'), 1, 'spring-forward night: Sunday already, Monday left'],
    ['2028-05-15T12:00:00+02:00', at('2028-05-19T23:59:59.999+02:00'), 3, '17 May (Wednesday) is skipped'],
    ['2026-05-11T12:00:00+02:00', at('2026-05-15T23:59:59.999+02:00'), 3, 'Ascension Day is skipped'],
    ['2025-12-19T12:00:00+01:00', at('2026-01-02T23:59:59.999+01:00'), 7, 'Christmas fortnight; 24 and 31 Dec count'],
    ['2025-10-01T12:00:00+02:00', DEADLINE_2025, 73, 'a whole autumn: 76 weekdays less 25, 26 Dec and 1 Jan'],
  ])('%s → %s: %i (%s)', (asOf, deadline, expected) => {
    expect(workingDaysLeft(at(asOf), deadline)).toBe(expected);
  });

  it('gives the same answer when asked again (cached)', () => {
    const asOf = at('2025-12-23T12:00:00+01:00');
    expect(workingDaysLeft(asOf, DEADLINE_2025)).toBe(workingDaysLeft(asOf, DEADLINE_2025));
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-01-05T09:00:00+01:00', '2026-01-08T08:00:00+01:00', 3, 'Monday request, Thursday: Tue, Wed, Thu'],
    ['2026-01-05T09:00:00+01:00', '2026-01-05T23:00:00+01:00', 0, 'the same day'],
    ['2026-01-09T16:00:00+01:00', '2026-01-12T08:00:00+01:00', 1, 'Friday to Monday'],
    ['2026-01-08T08:00:00+01:00', '2026-01-05T09:00:00+01:00', 0, 'end before start'],
  ])('%s → %s: %i (%s)', (start, end, expected) => {
    expect(workingDaysBetween(at(start), at(end))).toBe(expected);
  });
});

describe('calendarDaysLeft', () => {
  it.each([
    ['2026-01-15T23:59:59.999+01:00', DEADLINE_2025, 0, 'the deadline day'],
    ['2026-01-15T00:00:00+01:00', DEADLINE_2025, 0, 'first instant of the deadline day'],
    ['2026-01-14T23:59:00+01:00', DEADLINE_2025, 1, 'the day before'],
    ['2026-01-16T00:01:00+01:00', DEADLINE_2025, -1, 'one minute late'],
    ['2026-01-14T23:30:00Z', DEADLINE_2025, 0, 'the deadline day in Oslo, the day before in UTC'],
    ['2025-12-01T12:00:00+01:00', DEADLINE_2025, 45, 'weekends and holidays count'],
    ['2026-02-15T12:00:00+01:00', DEADLINE_2025, -31, 'a month late'],
    ['2026-03-28T12:00:00+01:00', at('2026-03-30T23:59:59.999+02:00'), 2, 'across spring-forward'],
    ['2026-10-24T12:00:00+02:00', at('2026-10-26T23:59:59.999+01:00'), 2, 'across fall-back'],
  ])('%s → %s: %i (%s)', (asOf, deadline, expected) => {
    expect(calendarDaysLeft(at(asOf), deadline)).toBe(expected);
  });
});
