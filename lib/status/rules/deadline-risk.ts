/**
 * Last season's curve, and the deadline-risk estimate the flag «Bør søke om utsettelse» rests on:
 * of the municipalities that last season were in the same position (not started, testing,
 * rejected, sent without Apprec, incomplete) the same number of working days before the deadline,
 * how many still had an accepted delivery sent by the deadline, and how many working days those
 * took. Pure: the data module (lib/status/data/deadline-risk.ts) reads last season's events and
 * passes them in; the curve is built once per season and handed to every derivation.
 */
import { endOfOsloDay, isNorwegianWorkingDay, osloDate, workingDaysBetween } from '../../core/calendar';
import { DAY_MS } from '../../core/time';
import type { DeliveryState, DeliveryStateResult, SeasonInput } from './types';

/** Where a municipality without an accepted delivery stands. */
export type RiskPosition = 'NOT_STARTED' | 'TESTING' | 'REJECTED' | 'AWAITING_APPREC' | 'INCOMPLETE';

/** The position of a state without an accepted delivery (null: the state holds an accepted delivery). */
export function riskPosition(state: DeliveryState): RiskPosition | null {
  switch (state) {
    case 'NOT_STARTED':
    case 'TESTING':
    case 'REJECTED':
    case 'INCOMPLETE':
      return state;
    case 'SENT':
    case 'APPREC_OVERDUE':
      return 'AWAITING_APPREC';
    default:
      return null;
  }
}

/** Last season's municipalities in one position with so many working days left, and how they fared. */
export interface CurvePoint {
  position: RiskPosition;
  workingDaysLeft: number;
  municipalities: number;
  /** Of them: first accepted delivery sent by the season's deadline. */
  deliveredByDeadline: number;
  /** Working days from then to their accepted delivery, on average, of those that got one (null: none did). */
  meanWorkingDaysToAccepted: number | null;
}

export interface DeadlineRiskCurve {
  /** The season the curve is of (last season). */
  seasonKey: string;
  seasonName: string;
  /** Last season's municipalities, and how many of them had an accepted delivery sent by its deadline. */
  municipalities: number;
  deliveredByDeadline: number;
  points: readonly CurvePoint[];
}

/** How far back before the deadline the curve reaches, in working days. */
export const CURVE_WORKING_DAYS = 20;

/**
 * The end of each working day of `season` that has `w` working days left to its deadline, for
 * w = 0 (the deadline day, if a working day) up to CURVE_WORKING_DAYS.
 */
export function curveCheckpoints(season: Pick<SeasonInput, 'deadline'>): { workingDaysLeft: number; at: Date }[] {
  const checkpoints: { workingDaysLeft: number; at: Date }[] = [];
  let day = osloDate(season.deadline);
  for (let guard = 0; guard < 3 * CURVE_WORKING_DAYS + 10 && checkpoints.length <= CURVE_WORKING_DAYS; guard++) {
    if (isNorwegianWorkingDay(day)) {
      const at = endOfOsloDay(day);
      checkpoints.push({ workingDaysLeft: workingDaysBetween(at, season.deadline), at });
    }
    day = osloDate(new Date(endOfOsloDay(day).getTime() - DAY_MS));
  }
  return checkpoints;
}

/** One municipality of last season: derive it at any instant, and its first accepted delivery as it ended. */
export interface CurveMunicipality {
  derive(asOf: Date): Pick<DeliveryStateResult, 'state' | 'figures'>;
  /** When its first accepted delivery was sent and accepted, as the season ended (null: never). */
  firstAccepted: { sentAt: Date; acceptedAt: Date } | null;
}

/** Builds last season's curve from its municipalities (derived at each checkpoint). */
export function buildDeadlineRiskCurve(
  season: Pick<SeasonInput, 'key' | 'deadline'> & { name: string },
  municipalities: readonly CurveMunicipality[],
): DeadlineRiskCurve {
  const points = new Map<string, CurvePoint & { days: number[] }>();
  for (const { workingDaysLeft, at } of curveCheckpoints(season)) {
    for (const municipality of municipalities) {
      const { state, figures } = municipality.derive(at);
      const position = figures.firstAcceptedAt ? null : riskPosition(state);
      if (!position) continue;
      const key = `${position}|${workingDaysLeft}`;
      let point = points.get(key);
      if (!point) {
        point = {
          position,
          workingDaysLeft,
          municipalities: 0,
          deliveredByDeadline: 0,
          meanWorkingDaysToAccepted: null,
          days: [],
        };
        points.set(key, point);
      }
      point.municipalities++;
      const accepted = municipality.firstAccepted;
      if (accepted && accepted.sentAt <= season.deadline) point.deliveredByDeadline++;
      if (accepted) point.days.push(workingDaysBetween(at, accepted.acceptedAt));
    }
  }
  return {
    seasonKey: season.key,
    seasonName: season.name,
    municipalities: municipalities.length,
    deliveredByDeadline: municipalities.filter(
      (municipality) => municipality.firstAccepted && municipality.firstAccepted.sentAt <= season.deadline,
    ).length,
    points: [...points.values()].map(({ days, ...point }) => ({
      ...point,
      meanWorkingDaysToAccepted: days.length > 0 ? days.reduce((sum, value) => sum + value, 0) / days.length : null,
    })),
  };
}

/** What the estimate says for one municipality: last season's point, and the share that missed the deadline. */
export interface DeadlineRiskEstimate {
  point: CurvePoint;
  missedShare: number;
}

/**
 * When the estimate raises the flag: enough municipalities to go by, and at least this share of
 * them missed. A last season in which fewer than `minSeasonDeliveredShare` delivered by the
 * deadline is not gone by at all (its events are not all here: every position would look lost).
 */
export interface DeadlineRiskRules {
  minMunicipalities: number;
  missedShare: number;
  minSeasonDeliveredShare: number;
}

export const DEFAULT_DEADLINE_RISK_RULES: DeadlineRiskRules = {
  minMunicipalities: 3,
  missedShare: 0.5,
  minSeasonDeliveredShare: 0.5,
};

/** Last season's point for this position and working days left; null without one (or too few to go by). */
export function estimateDeadlineRisk(
  curve: DeadlineRiskCurve | null | undefined,
  position: RiskPosition,
  workingDaysLeft: number,
  rules: DeadlineRiskRules,
): DeadlineRiskEstimate | null {
  if (!curve || curve.deliveredByDeadline < rules.minSeasonDeliveredShare * curve.municipalities) return null;
  const point = curve.points.find(
    (candidate) => candidate.position === position && candidate.workingDaysLeft === workingDaysLeft,
  );
  if (!point || point.municipalities < rules.minMunicipalities) return null;
  return { point, missedShare: 1 - point.deliveredByDeadline / point.municipalities };
}
