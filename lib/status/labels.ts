/** Norwegian names of the engine's states, flags and checklist outcomes, for badges, filters and legends. */
import type { ChecklistStatus, DeliveryState, FlagCode } from './rules/types';

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
};

export const CHECKLIST_STATUS_LABELS: Record<ChecklistStatus, string> = {
  DONE: 'Oppfylt',
  NOT_DONE: 'Ikke oppfylt',
  WARNING: 'Sjekk',
  NOT_APPLICABLE: 'Ikke aktuelt',
};
