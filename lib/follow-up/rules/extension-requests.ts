/**
 * Extension requests as the municipality fills them in and FHI decides them: the fixed reason
 * categories (their words: lib/follow-up/labels.ts), the forms' input, which new deadlines are
 * sensible, and the shapes the screens show. Pure.
 */
import { z } from 'zod';
import { isIsoDate, osloDate } from '../../core/calendar';
import { formatIsoDate } from '../../core/format';
import type { DeliveryState, ExtensionStatus } from '../../status/rules/types';
import { EXTENSION_MESSAGES } from '../labels';

export const EXTENSION_REASONS = [
  'SYSTEM_CHANGE',
  'TECHNICAL_PROBLEMS',
  'STAFF_SHORTAGE',
  'DATA_QUALITY',
  'OTHER',
] as const;
export type ExtensionReason = (typeof EXTENSION_REASONS)[number];

/** No new deadline later than this many days after today (or after the current deadline, if that is later). */
export const EXTENSION_MAX_DAYS = 180;

/**
 * The Oslo days a new deadline may fall on ('YYYY-MM-DD', both inclusive): after the current
 * effective deadline's day and not before today, at most EXTENSION_MAX_DAYS after the later of the
 * two. A municipality asks within these; FHI may grant any day after the season deadline's day up
 * to the same latest day (a shorter extension than asked for, or a later one).
 */
export function extensionDateBounds(now: Date, effectiveDeadline: Date): { earliest: string; latest: string } {
  const deadlineDay = osloDate(effectiveDeadline);
  const today = osloDate(now);
  const afterDeadline = dayAfter(deadlineDay, 1);
  return {
    earliest: afterDeadline > today ? afterDeadline : today,
    latest: dayAfter(deadlineDay > today ? deadlineDay : today, EXTENSION_MAX_DAYS),
  };
}

/**
 * The Oslo days FHI may grant: any day after the season deadline's day (a shorter extension than
 * asked for is fine), up to the same latest day as a request.
 */
export function grantDateBounds(now: Date, seasonDeadline: Date): { earliest: string; latest: string } {
  return { earliest: dayAfter(osloDate(seasonDeadline), 1), latest: extensionDateBounds(now, seasonDeadline).latest };
}

/** The calendar day `days` after a 'YYYY-MM-DD' day. */
function dayAfter(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Why `date` ('YYYY-MM-DD') may not be chosen within `bounds`, or null when it may. */
export function outsideBounds(date: string, bounds: { earliest: string; latest: string }): string | null {
  if (date < bounds.earliest) return EXTENSION_MESSAGES.dateTooEarly(formatIsoDate(bounds.earliest));
  if (date > bounds.latest) return EXTENSION_MESSAGES.dateTooLate(formatIsoDate(bounds.latest));
  return null;
}

/** Why a municipality may not apply for an extension now (its words: EXTENSION_CLOSED_MESSAGES). */
export type ExtensionClosedReason = 'DELIVERED' | 'AFTER_GRACE' | 'REPLAY';

/**
 * Whether the extension form makes sense for a municipality: it has not delivered (state DELIVERED:
 * nothing left to extend for), the effective deadline has not passed or passed at most `graceDays`
 * calendar days ago (a late application), and the page shows now, not a replay. Null when it may
 * apply; else why not. The page hides the form and the write refuses the request by the same rule.
 */
export function extensionClosedReason(situation: {
  state: DeliveryState;
  effectiveDeadline: Date;
  now: Date;
  graceDays: number;
  replay?: boolean;
}): ExtensionClosedReason | null {
  if (situation.replay) return 'REPLAY';
  if (situation.state === 'DELIVERED') return 'DELIVERED';
  if (osloDate(situation.now) > lastApplicationDay(situation.effectiveDeadline, situation.graceDays))
    return 'AFTER_GRACE';
  return null;
}

/** The last Oslo day ('YYYY-MM-DD') a late application is taken: the effective deadline's day plus the grace. */
export function lastApplicationDay(effectiveDeadline: Date, graceDays: number): string {
  return dayAfter(osloDate(effectiveDeadline), graceDays);
}

const TEXT_MAX = 2000;
const isoDateInput = z.string().refine(isIsoDate, EXTENSION_MESSAGES.chooseDate);

export const extensionRequestInputSchema = z.object({
  requestedDate: isoDateInput,
  reasonCategory: z.enum(EXTENSION_REASONS, EXTENSION_MESSAGES.chooseReason),
  justification: z
    .string()
    .trim()
    .max(TEXT_MAX, EXTENSION_MESSAGES.justificationTooLong(TEXT_MAX))
    .min(10, EXTENSION_MESSAGES.justificationTooShort),
  plannedFix: z
    .string()
    .trim()
    .max(TEXT_MAX, EXTENSION_MESSAGES.plannedFixTooLong(TEXT_MAX))
    .min(5, EXTENSION_MESSAGES.plannedFixTooShort),
});
export type ExtensionRequestInput = z.infer<typeof extensionRequestInputSchema>;

const decisionNote = z.string().trim().max(TEXT_MAX, EXTENSION_MESSAGES.decisionNoteTooLong(TEXT_MAX));

export const extensionDecisionInputSchema = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('GRANT'),
    grantedDate: isoDateInput,
    note: decisionNote,
    /** FHI confirmed a granted date that has already passed (a late decision recorded as it was). */
    confirmPastDate: z.boolean().default(false),
  }),
  z.object({ decision: z.literal('DENY'), note: decisionNote.min(5, EXTENSION_MESSAGES.denialNoteMissing) }),
]);
/** As a caller gives it (confirmPastDate may be left out). */
export type ExtensionDecisionInput = z.input<typeof extensionDecisionInputSchema>;

export interface ExtensionRequestRow {
  id: string;
  municipalityNumber: string;
  municipalityName: string;
  seasonKey: string;
  requestedDeadline: Date;
  reasonCategory: ExtensionReason | null;
  justification: string;
  plannedFix: string | null;
  requestedAt: Date;
  requestedByName: string | null;
  status: ExtensionStatus;
  grantedDeadline: Date | null;
  decisionNote: string | null;
  /** When it was decided or withdrawn. */
  decidedAt: Date | null;
  /** Who decided (FHI) or withdrew it (the municipality). */
  decidedByName: string | null;
}

export interface PendingExtensionRequestRow extends ExtensionRequestRow {
  /** The date the municipality asked for has passed, undecided: the request no longer waits for anything live. */
  requestedDeadlinePassed: boolean;
  /** Working days it has waited. */
  workingDaysPending: number;
  /** Waited longer than the season's alert threshold (as the status engine's EXTENSION_PENDING flag says). */
  needsFhiAttention: boolean;
}

export interface MunicipalityExtensionsSummary {
  season: { key: string; name: string };
  /** Newest first. */
  requests: ExtensionRequestRow[];
  effectiveDeadline: Date;
  /** A contact of this municipality with no request pending may apply, and applying makes sense (extensionClosedReason). */
  canApply: boolean;
  /** Why applying does not make sense now (for the contact's eyes), or null. */
  closedReason: ExtensionClosedReason | null;
  /** The last Oslo day a (late) application is taken. */
  lastApplicationDay: string;
  /** A contact of this municipality may withdraw its pending request. */
  canWithdraw: boolean;
  /** FHI may decide a pending request. */
  canDecide: boolean;
  /** The days a requested date may fall on ('YYYY-MM-DD', inclusive). */
  dateBounds: { earliest: string; latest: string };
}

export interface ExtensionListSummary {
  season: { key: string; name: string; deadline: Date; extensionPendingAlertWorkingDays: number };
  /** Oldest first. */
  pending: PendingExtensionRequestRow[];
  /** Decided or withdrawn, most recently first. */
  closed: ExtensionRequestRow[];
}

/** An extension FHI granted or denied, as the reminders tell the municipality of it. */
export interface DecidedExtensionRow {
  id: string;
  municipalityNumber: string;
  status: Extract<ExtensionStatus, 'GRANTED' | 'DENIED'>;
  decidedAt: Date;
  requestedDeadline: Date;
  grantedDeadline: Date | null;
}

export type ExtensionWriteResult =
  | { ok: true; id: string; municipalityNumber: string }
  | { ok: false; field: 'requestedDate' | 'grantedDate' | 'confirmPastDate' | 'note' | 'form'; message: string };
