import { describe, expect, it } from 'vitest';
import { deriveDeliveryState } from './derive';
import { at, delivery, extension, input, T02 } from '@/lib/db/testing/delivery-state-builders';
import { compareByUrgency, flagUrgency } from './urgency';
import type { DeliveryStateInput } from './types';

const ASOF = at('2026-01-16T10:00:00+01:00');

const municipalities: Record<string, DeliveryStateInput> = {
  delivered: input(delivery('r1', '2026-01-10T10:00:00+01:00', { status: 'OK', at: '2026-01-10T12:00:00+01:00' })),
  awaitingApprec: input(delivery('r1', '2026-01-15T10:00:00+01:00')),
  appreclessForDays: input(delivery('r1', '2026-01-09T10:00:00+01:00')),
  rejectedInTime: input(
    delivery('r1', '2026-01-12T10:00:00+01:00', { status: 'REJECTED', at: '2026-01-12T12:00:00+01:00', errors: [T02] }),
  ),
  notStarted: input(),
  pendingLong: input({
    ...delivery('r1', '2026-01-10T10:00:00+01:00', { status: 'OK', at: '2026-01-10T12:00:00+01:00' }),
    extensionRequests: [extension('e1', '2026-01-05T09:00:00+01:00', '2026-02-13')],
  }),
  pendingShort: input({
    ...delivery('r1', '2026-01-10T10:00:00+01:00', { status: 'OK', at: '2026-01-10T12:00:00+01:00' }),
    extensionRequests: [extension('e1', '2026-01-15T09:00:00+01:00', '2026-02-13')],
  }),
};

describe('compareByUrgency', () => {
  it('ranks the worklist', () => {
    const ranked = Object.entries(municipalities)
      .map(([name, events]) => ({ name, result: deriveDeliveryState(events, ASOF) }))
      .sort((a, b) => compareByUrgency(a.result, b.result))
      .map(({ name }) => name);
    expect(ranked).toEqual([
      // OVERDUE + MUST_RESUBMIT + SHOULD_APPLY_FOR_EXTENSION
      'rejectedInTime',
      // OVERDUE + SHOULD_APPLY_FOR_EXTENSION
      'notStarted',
      'appreclessForDays',
      'pendingLong',
      'pendingShort',
      'delivered',
      'awaitingApprec',
    ]);
  });

  it('breaks ties by the closest deadline', () => {
    const soon = deriveDeliveryState(input(), at('2026-01-14T10:00:00+01:00'));
    const later = deriveDeliveryState(input(), at('2026-01-09T10:00:00+01:00'));
    expect(soon.flags.map(flagUrgency)).toEqual(later.flags.map(flagUrgency));
    expect(compareByUrgency(soon, later)).toBeLessThan(0);
    expect(compareByUrgency(later, soon)).toBeGreaterThan(0);
  });
});
