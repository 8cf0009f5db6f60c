/**
 * Norwegian names of the engine's states, flags and checklist outcomes, for badges, filters and
 * legends, and the words of the overview (its key figures and table) and the timeline.
 */
import type { StatusKeyFigures } from './rules/summaries';
import type { StatusColumnId } from './rules/table-params';
import type { ChecklistStatus, DeliveryState, FlagCode, MessageInput } from './rules/types';

export const DELIVERY_STATE_LABELS: Record<DeliveryState, string> = {
  NOT_STARTED: 'Ikke startet',
  TESTING: 'Tester',
  SENT: 'Sendt, venter på Apprec',
  APPREC_OVERDUE: 'Apprec uteblitt',
  REJECTED: 'Avvist',
  INCOMPLETE: 'Ufullstendig',
  ACCEPTED_WITH_ERRORS: 'Godkjent med feil',
  DELIVERED: 'Levert',
};

export const FLAG_LABELS: Record<FlagCode, string> = {
  MUST_RESUBMIT: 'Må sende på nytt',
  SHOULD_APPLY_FOR_EXTENSION: 'Bør søke om utsettelse',
  APPREC_MISSING: 'Apprec mangler',
  RESENT_BEFORE_APPREC: 'Sendt på nytt før Apprec',
  OVERDUE: 'Fristen er passert',
  EXTENSION_PENDING: 'Utsettelse til behandling',
  TRANSPORT_ERROR: 'Transportfeil',
};

export const CHECKLIST_STATUS_LABELS: Record<ChecklistStatus, string> = {
  DONE: 'Oppfylt',
  NOT_DONE: 'Ikke oppfylt',
  WARNING: 'Sjekk',
  NOT_APPLICABLE: 'Ikke aktuelt',
};

/** The overview table's column headers (screen and export alike). */
export const STATUS_COLUMN_LABELS: Record<StatusColumnId, string> = {
  number: 'Nr.',
  name: 'Kommune',
  county: 'Fylke',
  state: 'Status',
  flags: 'Flagg',
  latestSent: 'Siste sending',
  deadline: 'Frist',
  workingDaysLeft: 'Arbeidsdager igjen',
  onTime: 'Levert i tide',
};

/** The overview's key figures, in its order: municipalities in a state, with a flag, or waiting (the weekly report's too). */
export const STATUS_KEY_FIGURE_LABELS: Record<Exclude<keyof StatusKeyFigures, 'total'>, string> = {
  delivered: DELIVERY_STATE_LABELS.DELIVERED,
  deliveredOnTime: STATUS_COLUMN_LABELS.onTime,
  mustResubmit: FLAG_LABELS.MUST_RESUBMIT,
  shouldApplyForExtension: FLAG_LABELS.SHOULD_APPLY_FOR_EXTENSION,
  awaitingApprec: 'Venter på Apprec',
  notStarted: DELIVERY_STATE_LABELS.NOT_STARTED,
};

/** Whether a delivery came in time, as a table cell says it ('–': nothing delivered yet). */
export const ON_TIME_LABELS = { true: 'Ja', false: 'Nei', null: '–' } as const;

/** What a table cell says of a municipality that has sent nothing, and of a deadline moved by an extension. */
export const STATUS_CELL_LABELS = { notSent: 'Ikke sendt', extended: 'utsatt' } as const;

/** Where a message went, as the timeline says it ("KPR_IPL sendt til produksjon"). */
export const ENVIRONMENT_LABELS: Record<MessageInput['environment'], string> = {
  PRODUCTION: 'produksjon',
  VALIDATION: 'test (KPR Validering)',
};
