/**
 * Input and output of the delivery-state engine: plain values mirroring prisma/schema.prisma (no
 * Prisma types), so the engine runs anywhere, including the browser. Calendar dates are
 * 'YYYY-MM-DD' strings; instants are `Date`s.
 */
import type { ServiceCodeReference } from '../../ingest/rules/checks';
import type { ContentSummary } from '../../core/content-summary';
import type { Severity } from '../../core/severity';
import type { DeadlineRiskCurve } from './deadline-risk';

export type SeasonKind = 'ANNUAL' | 'DAILY';
export type MessageType = 'KPR_IPL' | 'KPR_IDE';
export type Environment = 'PRODUCTION' | 'VALIDATION';
export type ApprecStatus = 'OK' | 'REJECTED' | 'OK_WITH_ERRORS';
export type FindingStatus = 'OPEN' | 'RESOLVED';
export type ExtensionStatus = 'PENDING' | 'GRANTED' | 'DENIED' | 'WITHDRAWN';

export interface SeasonInput {
  key: string;
  kind: SeasonKind;
  /** First and last day of the data period. */
  periodStart: string;
  periodEnd: string;
  /** When production reception opens. */
  opensAt: Date;
  /** The season deadline: the end of the deadline day in Europe/Oslo. */
  deadline: Date;
  /** Elapsed hours (weekends included) without an Apprec before a production KPR_IPL counts as overdue. */
  apprecOverdueHours: number;
  /** Working days before the effective deadline from which an undelivered municipality should apply for an extension. */
  extensionAdviceWorkingDays: number;
  /** Working days a pending extension request may wait before FHI is alerted. */
  extensionPendingAlertWorkingDays: number;
}

export interface MessageInput {
  msgId: string;
  type: MessageType;
  environment: Environment;
  genDate: Date;
  receivedAt: Date;
  /** iiKomnr exactly as sent. */
  municipalityNumberAsSent: string | null;
  /** The valid municipality it resolved to (through the 2024 renumbering), or null when unknown. */
  municipalityNumber: string | null;
  /** iiLopenr: equal in the KPR_IPL and the KPR_IDE of one delivery. */
  runNumber: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  epjSystem: string | null;
  epjVersion: string | null;
  contentSummary: ContentSummary | null;
}

export interface ApprecErrorInput {
  codeSystem: string | null;
  code: string;
  displayName: string | null;
  freeText: string | null;
}

export interface ApprecInput {
  apprecId: string;
  /** Links the Apprec to its message (MessageInput.msgId); the message may not be known yet. */
  originalMsgId: string;
  status: ApprecStatus;
  receivedAt: Date;
  errors: readonly ApprecErrorInput[];
}

export interface FindingInput {
  id: string;
  /** The message the finding concerns; null for a finding about the municipality's season as a whole. */
  messageMsgId: string | null;
  code: string;
  severity: Severity;
  message: string;
  count: number;
  status: FindingStatus;
  detectedAt: Date;
  resolvedAt: Date | null;
}

export interface ExtensionRequestInput {
  id: string;
  requestedAt: Date;
  requestedDeadline: Date;
  status: ExtensionStatus;
  /** The deadline granted (may differ from the one requested). */
  grantedDeadline: Date | null;
  decidedAt: Date | null;
}

/** A note of kind RESUBMISSION_AGREED: FHI and the municipality agreed that it resends its whole year. */
export interface ResubmissionAgreementInput {
  createdAt: Date;
}

/**
 * A transport error from an `_error` queue about one of the municipality's messages (by its MsgId),
 * or about an Apprec to it (then `msgId` is the message the Apprec answers).
 */
export interface TransportErrorInput {
  id: string;
  /** originalMessageId as sent: the MsgId of the message, or the Apprec's Id. */
  originalMessageId: string;
  /** The municipality's message it concerns. */
  msgId: string;
  /** It concerns an Apprec to the municipality (about `msgId`), not the message itself. */
  concernsApprec: boolean;
  /** errorCondition as sent, e.g. transport:expired-certificate. */
  condition: string;
  receivedAt: Date;
}

/** The municipality's previous season, for plausibility: the service counts of its accepted delivery. */
export interface PreviousSeasonInput {
  servicesByCode: Readonly<Record<string, number>>;
}

/** Everything known about one municipality in one season; events after `asOf` may be included and are ignored. */
export interface DeliveryStateInput {
  season: SeasonInput;
  messages: readonly MessageInput[];
  apprecs: readonly ApprecInput[];
  findings: readonly FindingInput[];
  extensionRequests: readonly ExtensionRequestInput[];
  resubmissionAgreements: readonly ResubmissionAgreementInput[];
  previousSeason: PreviousSeasonInput | null;
  /** Transport errors about its messages (none when absent). */
  transportErrors?: readonly TransportErrorInput[];
  /** The IPLOS service codes with their validity and welfare-technology flag (the service_code table). */
  serviceCodes: readonly ServiceCodeReference[];
  /** Last season's curve, for the deadline-risk estimate (no estimate, and no SHOULD_APPLY_FOR_EXTENSION, without one). */
  deadlineRiskCurve?: DeadlineRiskCurve | null;
}

// ---------------------------------------------------------------------------------------------
// Output

export type DeliveryState =
  | 'NOT_STARTED'
  | 'TESTING'
  | 'SENT'
  | 'APPREC_OVERDUE'
  | 'REJECTED'
  | 'INCOMPLETE'
  | 'ACCEPTED_WITH_ERRORS'
  | 'DELIVERED';

export type FlagCode =
  | 'MUST_RESUBMIT'
  | 'SHOULD_APPLY_FOR_EXTENSION'
  | 'APPREC_MISSING'
  | 'RESENT_BEFORE_APPREC'
  | 'OVERDUE'
  | 'EXTENSION_PENDING'
  | 'TRANSPORT_ERROR';

/** Why a MUST_RESUBMIT flag was raised; one flag lists every cause that applies. */
export type ResubmitCause =
  /** The latest KPR_IPL got Apprec status Avvist. */
  | 'REJECTED'
  /** The latest KPR_IPL got Apprec status "OK, feil i delmelding". */
  | 'APPREC_ERRORS'
  /** Error-level findings are open on the latest delivery (or on the season as a whole). */
  | 'OPEN_ERRORS'
  /** The KPR_IPL does not cover exactly the season's period. */
  | 'PARTIAL_PERIOD'
  /** The KPR_IPL carries an old (pre-2024) or unknown municipality number. */
  | 'MUNICIPALITY_NUMBER'
  /** The KPR_IPL or the KPR_IDE of the latest delivery is missing or rejected. */
  | 'INCOMPLETE_DELIVERY';

export interface EvidenceTime {
  /** What happened then, in Norwegian ("Sendt", "Frist"). */
  label: string;
  at: Date;
}

export interface FlagEvidence {
  msgIds?: string[];
  apprecIds?: string[];
  /** Apprec Error/@V codes as given, e.g. 'T02'. */
  apprecErrorCodes?: string[];
  findingCodes?: string[];
  extensionRequestIds?: string[];
  transportErrorIds?: string[];
  times?: EvidenceTime[];
}

export interface DeliveryFlag {
  code: FlagCode;
  /** Why, in Norwegian, with the facts. */
  reason: string;
  evidence: FlagEvidence;
  /** What to do next, in plain Norwegian. */
  nextStep: string;
  /** MUST_RESUBMIT only. */
  causes?: ResubmitCause[];
  /** MUST_RESUBMIT only: when FHI and the municipality agreed on the resend, which clears it to resend. */
  resubmissionAgreedAt?: Date;
  /** EXTENSION_PENDING only: pending longer than the season's alert threshold. */
  needsFhiAttention?: boolean;
}

export interface ApprecSummary {
  apprecId: string;
  status: ApprecStatus;
  receivedAt: Date;
  errorCodes: string[];
}

export interface MessageSummary {
  msgId: string;
  type: MessageType;
  receivedAt: Date;
  runNumber: string | null;
  /** The message's Apprec received by `asOf`, if any. */
  apprec: ApprecSummary | null;
}

export interface DeliveryFigures {
  /** The latest extension granted by `asOf` (never earlier than the season deadline), else the season deadline. */
  effectiveDeadline: Date;
  /** Whether `effectiveDeadline` comes from a granted extension. */
  extensionGranted: boolean;
  /** Oslo calendar days to the effective deadline; negative when it has passed. */
  calendarDaysLeft: number;
  /** Norwegian working days after today up to and including the effective deadline's day. */
  workingDaysLeft: number;
  /** Whether the first accepted delivery was sent by the effective deadline; null while there is none. */
  deliveredOnTime: boolean | null;
  /** When the first production delivery became accepted (the later of its positive KPR_IPL Apprec and its KPR_IDE). */
  firstAcceptedAt: Date | null;
  /** When that delivery was sent (when the last of its two messages arrived). */
  firstAcceptedSentAt: Date | null;
  /** Milliseconds from the season's opening (`opensAt`) to `firstAcceptedAt`; 0 if accepted before opening. */
  timeToFirstAcceptedDeliveryMs: number | null;
  /** Production deliveries (paired KPR_IPL/KPR_IDE runs) received by `asOf`. */
  productionDeliveries: number;
  latestProductionMessage: MessageSummary | null;
  /** The latest KPR_IPL sent to KPR Validering, with its test Apprec. */
  latestTestIpl: MessageSummary | null;
}

export type ChecklistKey =
  | 'TEST_SENT'
  | 'TEST_ACCEPTED'
  | 'PRODUCTION_IPL_ACCEPTED'
  | 'IDE_SENT'
  | 'NO_OPEN_ERRORS'
  | 'MUNICIPALITY_NUMBER_VALID'
  | 'WHOLE_PERIOD'
  | 'ORGANISATION_NUMBERS_VALID'
  | 'NO_EXPIRED_SERVICE_CODES'
  | 'WELFARE_TECHNOLOGY'
  | 'VOLUMES_PLAUSIBLE';

export type ChecklistStatus = 'DONE' | 'NOT_DONE' | 'NOT_APPLICABLE' | 'WARNING';

export interface ChecklistItem {
  key: ChecklistKey;
  label: string;
  status: ChecklistStatus;
  detail?: string;
}

export interface DeliveryStateResult {
  state: DeliveryState;
  flags: DeliveryFlag[];
  figures: DeliveryFigures;
  checklist: ChecklistItem[];
}
