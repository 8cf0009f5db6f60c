import { describe, expect, it } from 'vitest';
import { endOfOsloDay } from '../../core/calendar';
import {
  buildDeadlineRiskCurve,
  curveCheckpoints,
  DEFAULT_DEADLINE_RISK_RULES,
  estimateDeadlineRisk,
  type CurveMunicipality,
} from './deadline-risk';
import type { DeliveryState } from './types';

const SEASON = { key: '2024', name: 'KPR 2024', deadline: endOfOsloDay('2025-01-15') };
const at = (iso: string) => new Date(iso);

/** A municipality that is in `before` until `changeAt`, then accepted (or `after` and never accepted). */
function municipality(
  before: DeliveryState,
  changeAt: string,
  accepted: { sentAt: string; acceptedAt: string } | null,
): CurveMunicipality {
  return {
    derive: (asOf) =>
      asOf < at(changeAt)
        ? { state: before, figures: { firstAcceptedAt: null } as never }
        : accepted
          ? { state: 'DELIVERED', figures: { firstAcceptedAt: at(accepted.acceptedAt) } as never }
          : { state: before, figures: { firstAcceptedAt: null } as never },
    firstAccepted: accepted && { sentAt: at(accepted.sentAt), acceptedAt: at(accepted.acceptedAt) },
  };
}

describe('curveCheckpoints', () => {
  it('ends each working day before the deadline, counting working days left, skipping weekends', () => {
    const checkpoints = curveCheckpoints(SEASON).slice(0, 4);
    expect(checkpoints).toEqual([
      { workingDaysLeft: 0, at: endOfOsloDay('2025-01-15') },
      { workingDaysLeft: 1, at: endOfOsloDay('2025-01-14') },
      { workingDaysLeft: 2, at: endOfOsloDay('2025-01-13') },
      { workingDaysLeft: 3, at: endOfOsloDay('2025-01-10') },
    ]);
    expect(curveCheckpoints(SEASON).at(-1)?.workingDaysLeft).toBe(20);
  });
});

describe('buildDeadlineRiskCurve and estimateDeadlineRisk', () => {
  const municipalities = [
    // Tested until the 13th, delivered on the 13th: in time.
    municipality('TESTING', '2025-01-13T12:00:00+01:00', {
      sentAt: '2025-01-13T12:00:00+01:00',
      acceptedAt: '2025-01-13T14:00:00+01:00',
    }),
    // Tested until after the deadline, delivered late.
    municipality('TESTING', '2025-01-20T12:00:00+01:00', {
      sentAt: '2025-01-20T12:00:00+01:00',
      acceptedAt: '2025-01-20T14:00:00+01:00',
    }),
    // Never delivered.
    municipality('TESTING', '2025-03-01T12:00:00+01:00', null),
    // Delivered early: never in a position before the deadline's last three weeks.
    municipality('NOT_STARTED', '2024-12-01T12:00:00+01:00', {
      sentAt: '2024-12-01T12:00:00+01:00',
      acceptedAt: '2024-12-01T14:00:00+01:00',
    }),
  ];
  const curve = buildDeadlineRiskCurve(SEASON, municipalities);

  it('counts, per position and working days left, who delivered by the deadline and how long they took', () => {
    expect(curve).toMatchObject({ seasonKey: '2024', municipalities: 4, deliveredByDeadline: 2 });
    expect(curve.points.find((p) => p.position === 'TESTING' && p.workingDaysLeft === 3)).toEqual({
      position: 'TESTING',
      workingDaysLeft: 3,
      municipalities: 3,
      deliveredByDeadline: 1,
      // From the end of 10 January: 1 working day to the 13th, 6 to the 20th.
      meanWorkingDaysToAccepted: 3.5,
    });
    expect(curve.points.find((p) => p.position === 'TESTING' && p.workingDaysLeft === 1)).toMatchObject({
      municipalities: 2,
      deliveredByDeadline: 0,
    });
    expect(curve.points.some((p) => p.position === 'NOT_STARTED')).toBe(false);
  });

  it('estimates the share that missed; too few to go by, or a season with few deliveries, gives no estimate', () => {
    const rules = { ...DEFAULT_DEADLINE_RISK_RULES, minMunicipalities: 2 };
    expect(estimateDeadlineRisk(curve, 'TESTING', 3, rules)?.missedShare).toBeCloseTo(2 / 3);
    expect(estimateDeadlineRisk(curve, 'TESTING', 1, rules)?.missedShare).toBe(1);
    expect(estimateDeadlineRisk(curve, 'TESTING', 1, { ...rules, minMunicipalities: 3 })).toBeNull();
    expect(estimateDeadlineRisk(curve, 'REJECTED', 1, rules)).toBeNull();
    expect(estimateDeadlineRisk(null, 'TESTING', 1, rules)).toBeNull();
    const sparse = { ...curve, deliveredByDeadline: 1 };
    expect(estimateDeadlineRisk(sparse, 'TESTING', 3, rules)).toBeNull();
  });
});
