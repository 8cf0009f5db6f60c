/** Every Norwegian word of the reminders that is a label: what each trigger is called, in the mails and on the pages. */
import type { ReminderTrigger } from './rules/reminders';

export const REMINDER_TRIGGER_LABELS: Record<ReminderTrigger, string> = {
  DEADLINE_POINT: 'Frist',
  APPREC_REJECTED: 'Avvist i Apprec',
  APPREC_MISSING: 'Apprec mangler',
  EXTENSION_DECIDED: 'Søknad om utsettelse avgjort',
};
