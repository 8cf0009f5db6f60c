/**
 * A season's outcome for one municipality once its effective deadline has passed: what the screens
 * show instead of time left ("Levert innen fristen", "Levert for sent", "Levert innen innvilget
 * utsatt frist", "Ikke levert"). Before the effective deadline there is no outcome yet. Pure.
 */
import { calendarDaysLeft } from '../../core/calendar';
import type { DeliveryFigures } from './types';

export type SeasonOutcomeCode = 'ON_TIME' | 'ON_TIME_EXTENDED' | 'LATE' | 'NOT_DELIVERED';

export interface SeasonOutcome {
  code: SeasonOutcomeCode;
  /** LATE only: Oslo calendar days from the effective deadline's day to the day the delivery was sent. */
  daysLate?: number;
  /** When the delivery that counts was sent (null when NOT_DELIVERED). */
  sentAt: Date | null;
  effectiveDeadline: Date;
}

type OutcomeFigures = Pick<DeliveryFigures, 'effectiveDeadline' | 'extensionGranted' | 'firstAcceptedSentAt'>;

/** Whether the municipality's effective deadline has passed at `asOf` (the season is over for it). */
export function isSeasonClosed(figures: Pick<DeliveryFigures, 'effectiveDeadline'>, asOf: Date): boolean {
  return asOf.getTime() > figures.effectiveDeadline.getTime();
}

/**
 * The outcome at `asOf`, or null while the effective deadline has not passed. The first accepted
 * delivery counts (as «Levert innen fristen» does): sent by the season deadline is on time; after it but by
 * a granted extension's date is on time within the extension; after the effective deadline is late,
 * by the Oslo calendar days between the deadline's day and the day it was sent.
 */
export function seasonOutcome(figures: OutcomeFigures, seasonDeadline: Date, asOf: Date): SeasonOutcome | null {
  const { effectiveDeadline, firstAcceptedSentAt: sentAt } = figures;
  if (!isSeasonClosed(figures, asOf)) return null;
  if (!sentAt || sentAt > asOf) return { code: 'NOT_DELIVERED', sentAt: null, effectiveDeadline };
  if (sentAt <= seasonDeadline) return { code: 'ON_TIME', sentAt, effectiveDeadline };
  if (sentAt <= effectiveDeadline && figures.extensionGranted)
    return { code: 'ON_TIME_EXTENDED', sentAt, effectiveDeadline };
  if (sentAt <= effectiveDeadline) return { code: 'ON_TIME', sentAt, effectiveDeadline };
  return {
    code: 'LATE',
    daysLate: Math.max(1, -calendarDaysLeft(sentAt, effectiveDeadline)),
    sentAt,
    effectiveDeadline,
  };
}
