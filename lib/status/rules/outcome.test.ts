import { describe, expect, it } from 'vitest';
import { endOfOsloDay } from '@/lib/core/calendar';
import { at, delivery, extension, input, SEASON_2025, T02 } from '@/lib/db/testing/delivery-state-builders';
import { deriveDeliveryState } from './derive';
import { seasonOutcome } from './outcome';
import type { DeliveryStateInput } from './types';

const granted = (requestedAt: string, date: string, decidedAt: string) =>
  extension('e1', requestedAt, date, {
    status: 'GRANTED',
    grantedDeadline: endOfOsloDay(date),
    decidedAt: at(decidedAt),
  });
const ok = (sent: string, answered: string) => delivery('r1', sent, { status: 'OK', at: answered });

/** [what, events, asOf, expected code, expected days late] */
const CASES: [string, DeliveryStateInput, string, string | null, number?][] = [
  ['before the deadline there is no outcome', input(), '2026-01-15T12:00:00+01:00', null],
  [
    'on the deadline day itself, still none',
    input(ok('2026-01-10T10:00:00+01:00', '2026-01-10T12:00:00+01:00')),
    '2026-01-15T23:59:00+01:00',
    null,
  ],
  [
    'sent before the deadline, accepted: on time',
    input(ok('2026-01-10T10:00:00+01:00', '2026-01-10T12:00:00+01:00')),
    '2026-12-03T12:00:00+01:00',
    'ON_TIME',
  ],
  [
    'sent on the deadline evening, Apprec the next day: on time',
    input(ok('2026-01-15T23:30:00+01:00', '2026-01-16T08:00:00+01:00')),
    '2026-02-01T12:00:00+01:00',
    'ON_TIME',
  ],
  [
    'sent one minute after midnight: late by one day',
    input(ok('2026-01-16T00:01:00+01:00', '2026-01-16T08:00:00+01:00')),
    '2026-02-01T12:00:00+01:00',
    'LATE',
    1,
  ],
  [
    'sent twelve days late',
    input(ok('2026-01-27T10:00:00+01:00', '2026-01-27T12:00:00+01:00')),
    '2026-12-03T12:00:00+01:00',
    'LATE',
    12,
  ],
  ['nothing sent: not delivered', input(), '2026-12-03T12:00:00+01:00', 'NOT_DELIVERED'],
  [
    'only rejected deliveries: not delivered',
    input(
      delivery('r1', '2026-01-10T10:00:00+01:00', {
        status: 'REJECTED',
        at: '2026-01-10T12:00:00+01:00',
        errors: [T02],
      }),
    ),
    '2026-12-03T12:00:00+01:00',
    'NOT_DELIVERED',
  ],
  [
    'sent after the season deadline, within a granted extension',
    input({
      ...ok('2026-02-03T10:00:00+01:00', '2026-02-03T12:00:00+01:00'),
      extensionRequests: [granted('2026-01-08T09:00:00+01:00', '2026-02-13', '2026-01-12T09:00:00+01:00')],
    }),
    '2026-12-03T12:00:00+01:00',
    'ON_TIME_EXTENDED',
  ],
  [
    'a granted extension, but sent before the season deadline anyway: on time',
    input({
      ...ok('2026-01-14T10:00:00+01:00', '2026-01-14T12:00:00+01:00'),
      extensionRequests: [granted('2026-01-08T09:00:00+01:00', '2026-02-13', '2026-01-12T09:00:00+01:00')],
    }),
    '2026-12-03T12:00:00+01:00',
    'ON_TIME',
  ],
  [
    'sent after the granted extension: late, counted from the extended deadline',
    input({
      ...ok('2026-02-16T10:00:00+01:00', '2026-02-16T12:00:00+01:00'),
      extensionRequests: [granted('2026-01-08T09:00:00+01:00', '2026-02-13', '2026-01-12T09:00:00+01:00')],
    }),
    '2026-12-03T12:00:00+01:00',
    'LATE',
    3,
  ],
  [
    'a granted extension still running: no outcome yet',
    input({ extensionRequests: [granted('2026-01-08T09:00:00+01:00', '2026-02-13', '2026-01-12T09:00:00+01:00')] }),
    '2026-02-01T12:00:00+01:00',
    null,
  ],
  [
    'replayed before the delivery was sent: not delivered then',
    input(ok('2026-01-27T10:00:00+01:00', '2026-01-27T12:00:00+01:00')),
    '2026-01-20T12:00:00+01:00',
    'NOT_DELIVERED',
  ],
];

describe('seasonOutcome', () => {
  it.each(CASES)('%s', (_what, events, asOf, code, daysLate) => {
    const when = at(asOf);
    const { figures } = deriveDeliveryState(events, when);
    const outcome = seasonOutcome(figures, SEASON_2025.deadline, when);
    expect(outcome?.code ?? null).toBe(code);
    if (code === 'LATE') expect(outcome?.daysLate).toBe(daysLate);
    else expect(outcome?.daysLate).toBeUndefined();
  });
});
