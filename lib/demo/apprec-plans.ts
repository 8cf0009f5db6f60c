/**
 * How FHI's reception answers a message: quickly and positively as a rule, sometimes rejected with
 * errors from the 8221 list, sometimes late.
 */
import type { Environment } from '@/lib/db/generated/enums';
import type { ApprecPlan } from './dataset-builder';
import { HOUR_MS, MINUTE_MS } from '@/lib/core/time';
import type { Random } from './random';
import { apprecFreeText } from './texts';

type CodeWeights = readonly (readonly [string, number])[];

/** Why a fagmelding (KPR_IPL) is rejected in production. */
export const FAGMELDING_REJECTIONS: CodeWeights = [
  ['T02', 40],
  ['X99', 17],
  ['T10', 12],
  ['T99', 10],
  ['T01', 8],
  ['E10', 8],
  ['S02', 5],
];
/** Why an identmelding (KPR_IDE) is rejected: the identity-related codes. */
export const IDENTMELDING_REJECTIONS: CodeWeights = [
  ['E31', 35],
  ['E53', 25],
  ['E30', 20],
  ['E36', 20],
];
/** Why a test against KPR Validering is rejected. */
export const TEST_REJECTIONS: CodeWeights = [
  ['T02', 50],
  ['T10', 30],
  ['X99', 20],
];

/** A positive Apprec, minutes (now and then hours) after the message. */
export function okApprec(random: Random, environment: Environment): ApprecPlan {
  const delayMs =
    environment === 'VALIDATION' || random.chance(0.9)
      ? random.int(2 * MINUTE_MS, 45 * MINUTE_MS)
      : random.int(HOUR_MS, 8 * HOUR_MS);
  return { delayMs, status: 'OK', errors: [] };
}

/** A positive Apprec that comes only after the 96 hours the sender should wait. */
export function lateApprec(random: Random): ApprecPlan {
  return { delayMs: random.int(100 * HOUR_MS, 216 * HOUR_MS), status: 'OK', errors: [] };
}

/** Avvist, with one error (now and then two); X99 "Annen feil" always explains itself in OT. */
export function rejectedApprec(random: Random, codes: CodeWeights, year: number): ApprecPlan {
  const first = random.weighted(codes);
  const errors = [{ code: first, freeText: apprecFreeText(random, first, year, first === 'X99') }];
  if (random.chance(0.2)) {
    const second = random.pick(['T99', 'X99'].filter((code) => code !== first));
    errors.push({ code: second, freeText: apprecFreeText(random, second, year, true) });
  }
  return { delayMs: random.int(MINUTE_MS, 30 * MINUTE_MS), status: 'REJECTED', errors };
}
