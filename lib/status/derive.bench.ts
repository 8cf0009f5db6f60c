/**
 * How long deriving every municipality takes: 357 municipalities × about 20 events, at a few
 * instants of the season. Run with `npx vitest bench --run lib/status/derive.bench.ts`.
 * The target is well under 20 ms for all 357 at one instant. It sits beside rules/, not in it: its
 * builders (lib/db/testing) read the fixtures from disk, and rules/ stays free of I/O.
 */
import { bench, describe } from 'vitest';
import { deriveDeliveryState } from './rules/derive';
import {
  apprec,
  at,
  delivery,
  extension,
  finding,
  input,
  T02,
  testIpl,
} from '@/lib/db/testing/delivery-state-builders';
import type { DeliveryStateInput } from './rules/types';

const HOUR = 3_600_000;
const start = at('2026-01-02T08:00:00+01:00').getTime();
const iso = (time: number) => new Date(time).toISOString();

/** Municipality `n`: two tests, a rejected and an accepted delivery, findings, an extension, a note. */
function municipality(n: number): DeliveryStateInput {
  const first = start + (n % 240) * HOUR;
  const second = first + 30 * HOUR;
  const rejected = delivery(`m${n}-a`, iso(first), { status: 'REJECTED', at: iso(first + 2 * HOUR), errors: [T02] });
  const resent = delivery(
    `m${n}-b`,
    iso(second),
    n % 5 === 0 ? undefined : { status: 'OK', at: iso(second + 3 * HOUR) },
  );
  return input({
    messages: [
      testIpl(`m${n}-t1`, '2025-10-10T10:00:00+02:00'),
      testIpl(`m${n}-t2`, '2025-11-10T10:00:00+01:00'),
      ...rejected.messages,
      ...resent.messages,
    ],
    apprecs: [
      apprec(`m${n}-t1`, 'REJECTED', '2025-10-10T11:00:00+02:00', [T02]),
      apprec(`m${n}-t2`, 'OK', '2025-11-10T11:00:00+01:00'),
      ...rejected.apprecs,
      ...resent.apprecs,
    ],
    findings: [
      finding(`m${n}-a-ipl`, iso(first + HOUR)),
      finding(`m${n}-b-ipl`, iso(second + HOUR), {
        severity: 'WARNING',
        status: 'RESOLVED',
        resolvedAt: new Date(second + 50 * HOUR),
      }),
      finding(null, iso(second + 5 * HOUR), { severity: 'INFO' }),
    ],
    extensionRequests: n % 3 === 0 ? [extension(`m${n}-e`, iso(first + 4 * HOUR), '2026-02-13')] : [],
    resubmissionAgreements: [{ createdAt: new Date(first + 5 * HOUR) }],
  });
}

const municipalities = Array.from({ length: 357 }, (_, n) => municipality(n));

describe('deriveDeliveryState for all 357 municipalities', () => {
  for (const asOf of ['2025-12-01T12:00:00+01:00', '2026-01-12T12:00:00+01:00', '2026-01-20T12:00:00+01:00']) {
    const instant = at(asOf);
    bench(`asOf ${asOf}`, () => {
      for (const events of municipalities) deriveDeliveryState(events, instant);
    });
  }
});
