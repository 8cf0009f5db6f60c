/**
 * Every Norwegian word of the reminders that is a label: what each trigger is called (in the mails
 * and on the pages) and how far a reminder got.
 */
import { DAILY_FLAG_LABELS } from '../daily/labels';
import type { ReminderStatus } from './rules/reminder-log';
import type { ReminderTrigger } from './rules/reminders';

export const REMINDER_TRIGGER_LABELS: Record<ReminderTrigger, string> = {
  DEADLINE_POINT: 'Frist',
  APPREC_REJECTED: 'Avvist i Apprec',
  APPREC_MISSING: 'Apprec mangler',
  EXTENSION_DECIDED: 'Søknad om utsettelse avgjort',
  DAILY_SILENT: `Daglig rapportering: ${DAILY_FLAG_LABELS.SILENT}`,
  DAILY_REJECTING: `Daglig rapportering: ${DAILY_FLAG_LABELS.REJECTING}`,
  DAILY_VOLUME_DROP: `Daglig rapportering: ${DAILY_FLAG_LABELS.VOLUME_DROP}`,
};

/** How far a reminder got (a municipality's page). */
export const REMINDER_STATUS_LABELS: Record<ReminderStatus, string> = {
  QUEUED: 'Venter på sending',
  SENT: 'Sendt',
  FAILED: 'Ikke sendt',
};

/** What the daily page says above its reminder log: when a contact hears from the daily season. */
export const DAILY_REMINDERS_INTRO =
  'Kontaktpersonene får én e-post når kommunen blir stille, får flere avviste leveringer på rad eller får volumfall, ' +
  'og ikke en ny før det har rettet seg og skjer igjen.';

/** What a replayed page says in place of its reminder log (the log is as it stands now). */
export const REMINDERS_IN_REPLAY = 'Du ser et tilbakeblikk. Påminnelsene ser du på siden slik den er nå.';
