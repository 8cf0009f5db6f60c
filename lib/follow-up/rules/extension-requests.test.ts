import { describe, expect, it } from 'vitest';
import { endOfOsloDay } from '../../core/calendar';
import type { DeliveryState } from '../../status/rules/types';
import { extensionClosedReason, extensionDateBounds, grantDateBounds } from './extension-requests';

describe('extensionDateBounds', () => {
  const deadline = endOfOsloDay('2026-01-15');

  it('before the deadline: from the day after it, up to 180 days after it', () => {
    expect(extensionDateBounds(new Date('2026-01-09T10:00:00+01:00'), deadline)).toEqual({
      earliest: '2026-01-16',
      latest: '2026-07-14',
    });
  });

  it('after the deadline: from today (Oslo), up to 180 days after today', () => {
    expect(extensionDateBounds(new Date('2026-03-01T23:30:00+01:00'), deadline)).toEqual({
      earliest: '2026-03-01',
      latest: '2026-08-28',
    });
  });

  it('on the deadline day: from tomorrow', () => {
    expect(extensionDateBounds(new Date('2026-01-15T12:00:00+01:00'), deadline).earliest).toBe('2026-01-16');
  });

  it('FHI may grant from the day after the season deadline', () => {
    expect(grantDateBounds(new Date('2026-03-01T12:00:00+01:00'), deadline)).toEqual({
      earliest: '2026-01-16',
      latest: '2026-08-28',
    });
  });
});

describe('extensionClosedReason', () => {
  const deadline = endOfOsloDay('2026-01-15');
  const extended = endOfOsloDay('2026-02-13');
  /** [what, state, effective deadline, now (Oslo), grace days, replay, expected] */
  const CASES: [string, DeliveryState, Date, string, number, boolean, string | null][] = [
    ['not started, before the deadline', 'NOT_STARTED', deadline, '2026-01-09T10:00:00+01:00', 30, false, null],
    ['rejected, on the deadline day', 'REJECTED', deadline, '2026-01-15T23:00:00+01:00', 30, false, null],
    ['delivered, before the deadline', 'DELIVERED', deadline, '2026-01-09T10:00:00+01:00', 30, false, 'DELIVERED'],
    ['delivered, eleven months after', 'DELIVERED', deadline, '2026-12-03T10:00:00+01:00', 30, false, 'DELIVERED'],
    [
      'accepted with errors, before the deadline: may need time to resend',
      'ACCEPTED_WITH_ERRORS',
      deadline,
      '2026-01-12T10:00:00+01:00',
      30,
      false,
      null,
    ],
    ['not started, the last day of the grace', 'NOT_STARTED', deadline, '2026-02-14T23:30:00+01:00', 30, false, null],
    [
      'not started, the day after the grace',
      'NOT_STARTED',
      deadline,
      '2026-02-15T00:30:00+01:00',
      30,
      false,
      'AFTER_GRACE',
    ],
    [
      'not started, eleven months after',
      'NOT_STARTED',
      deadline,
      '2026-12-03T10:00:00+01:00',
      30,
      false,
      'AFTER_GRACE',
    ],
    [
      'no grace: the day after the deadline is too late',
      'INCOMPLETE',
      deadline,
      '2026-01-16T08:00:00+01:00',
      0,
      false,
      'AFTER_GRACE',
    ],
    ['a granted extension moves the grace with it', 'TESTING', extended, '2026-03-01T10:00:00+01:00', 30, false, null],
    ['replay: never', 'NOT_STARTED', deadline, '2026-01-09T10:00:00+01:00', 30, true, 'REPLAY'],
  ];
  it.each(CASES)('%s', (_what, state, effectiveDeadline, now, graceDays, replay, expected) => {
    expect(extensionClosedReason({ state, effectiveDeadline, now: new Date(now), graceDays, replay })).toBe(expected);
  });
});
