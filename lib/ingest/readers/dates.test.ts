import { describe, expect, it } from 'vitest';
import { parseCompactDate, parseMessageDateTime } from './dates';

describe('parseMessageDateTime', () => {
  it.each([
    ['winter, no offset: Oslo +01:00', '2026-01-15T23:59:59', '2026-01-15T22:59:59.000Z'],
    ['summer, no offset: Oslo +02:00', '2025-07-01T12:00:00', '2025-07-01T10:00:00.000Z'],
    ['no seconds', '2025-07-01T12:00', '2025-07-01T10:00:00.000Z'],
    ['fraction, no offset', '2026-01-10T10:15:00.5', '2026-01-10T09:15:00.500Z'],
    ['Z with seven fraction digits', '2016-09-26T11:45:47.9582975Z', '2016-09-26T11:45:47.958Z'],
    ['explicit +01:00', '2026-01-10T10:15:00+01:00', '2026-01-10T09:15:00.000Z'],
    ['explicit -05:00', '2026-01-10T10:15:00-05:00', '2026-01-10T15:15:00.000Z'],
    ['explicit +14:00', '2026-01-10T10:15:00+14:00', '2026-01-09T20:15:00.000Z'],
    ['last instant before summer time', '2025-03-30T01:59:59', '2025-03-30T00:59:59.000Z'],
    ['wall-clock time skipped by summer time moves forward', '2025-03-30T02:30:00', '2025-03-30T01:30:00.000Z'],
    ['first instant of summer time', '2025-03-30T03:00:00', '2025-03-30T01:00:00.000Z'],
    ['wall-clock time repeated by winter time is the later one', '2025-10-26T02:30:00', '2025-10-26T01:30:00.000Z'],
    ['the same time with an offset is taken as given', '2025-10-26T02:30:00+02:00', '2025-10-26T00:30:00.000Z'],
    ['the deadline', '2026-01-15T23:59:59.999', '2026-01-15T22:59:59.999Z'],
  ])('%s: %s', (_, value, expected) => {
    expect(parseMessageDateTime(value)?.toISOString()).toBe(expected);
  });

  it.each([
    ['date only', '2026-01-10'],
    ['space instead of T', '2026-01-10 10:15:00'],
    ['Norwegian format', '10.01.2026 10:15'],
    ['February 30', '2025-02-30T10:00:00'],
    ['month 13', '2025-13-01T10:00:00'],
    ['minute 60', '2025-01-01T10:60:00'],
    ['offset beyond ±14:00', '2025-01-01T10:00:00+25:00'],
    ['offset without colon', '2025-01-01T10:00:00+0100'],
    ['lower-case z', '2025-01-01T10:00:00z'],
    ['surrounding text', ' 2025-01-01T10:00:00'],
    ['empty', ''],
  ])('refuses %s', (_, value) => {
    expect(parseMessageDateTime(value)).toBeNull();
  });

  it('returns a plain Date', () => {
    expect(parseMessageDateTime('2026-01-10T10:15:00')?.constructor).toBe(Date);
  });
});

describe('parseCompactDate', () => {
  it.each([
    ['20250101', '2025-01-01'],
    ['20251231', '2025-12-31'],
    ['20240229', '2024-02-29'],
    ['20250229', null],
    ['20251301', null],
    ['2025011', null],
    ['2025-01-01', null],
    ['202501011', null],
    ['', null],
  ])('%j → %j', (value, expected) => {
    expect(parseCompactDate(value)).toBe(expected);
  });
});
