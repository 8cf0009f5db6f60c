/**
 * The reminders capability's door for server code: the reminder log as the pages show it, and the
 * jobs that decide and send the reminders (registered by lib/jobs). Who gets what when is in
 * rules/; what a trigger is called, in labels.ts.
 */
import 'server-only';

export { listFailedReminders, listMunicipalityReminders } from './data';
export { registerReminderJobs, REMINDER_RUN_QUEUE } from './jobs';
