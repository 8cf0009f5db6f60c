/** Ordering for the worklist: the most urgent municipality first. */
import type { DeliveryFlag, DeliveryStateResult, FlagCode } from './types';

/** Weight of each flag; a pending extension that has waited too long counts as `EXTENSION_PENDING_ALERT`. */
export const FLAG_URGENCY: Record<FlagCode | 'EXTENSION_PENDING_ALERT', number> = {
  OVERDUE: 60,
  MUST_RESUBMIT: 50,
  TRANSPORT_ERROR: 45,
  APPREC_MISSING: 40,
  EXTENSION_PENDING_ALERT: 30,
  SHOULD_APPLY_FOR_EXTENSION: 20,
  RESENT_BEFORE_APPREC: 10,
  EXTENSION_PENDING: 5,
};

export function flagUrgency(flag: DeliveryFlag): number {
  return flag.code === 'EXTENSION_PENDING' && flag.needsFhiAttention
    ? FLAG_URGENCY.EXTENSION_PENDING_ALERT
    : FLAG_URGENCY[flag.code];
}

/** Most urgent flag first. */
export function compareFlagsByUrgency(a: DeliveryFlag, b: DeliveryFlag): number {
  return flagUrgency(b) - flagUrgency(a);
}

/** What urgency looks at: a result, or any row that carries its flags and figures. */
export type UrgencyInput = Pick<DeliveryStateResult, 'flags' | 'figures'>;

/**
 * For sorting results most urgent first: by the most urgent flag, then by the number of flags,
 * then by the closest (or most overdue) effective deadline. Results without flags come last.
 */
export function compareByUrgency(a: UrgencyInput, b: UrgencyInput): number {
  const top = (result: UrgencyInput) => Math.max(0, ...result.flags.map(flagUrgency));
  return top(b) - top(a) || b.flags.length - a.flags.length || a.figures.calendarDaysLeft - b.figures.calendarDaysLeft;
}

/** The flagged rows, most urgent first (the worklist). */
export function byUrgency<Row extends UrgencyInput>(rows: readonly Row[]): Row[] {
  return rows.filter((row) => row.flags.length > 0).sort((a, b) => compareByUrgency(a, b));
}
