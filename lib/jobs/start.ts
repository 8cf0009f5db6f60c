/**
 * Starts this server process's job worker (called once from instrumentation.ts) and registers the
 * jobs. Reminders need mail: without SMTP_URL (which the launcher provides for the demo) they are
 * not scheduled, and that is said in the log.
 */
import 'server-only';
import { env } from '@/lib/env';
import { createMailer } from '@/lib/mail/mailer';
import { registerReminderJobs } from './reminders';
import { startJobWorker, type JobWorker } from './worker';

const globalForJobs = globalThis as unknown as { jobWorker?: Promise<JobWorker> };

async function start(): Promise<JobWorker> {
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set');
  const worker = await startJobWorker({ databaseUrl: env.DATABASE_URL });
  if (env.SMTP_URL) {
    await registerReminderJobs(worker, createMailer(env.SMTP_URL, env.MAIL_FROM), {
      schedule: env.REMINDER_SCHEDULE,
      sendAttempts: env.REMINDER_SEND_ATTEMPTS,
      config: {
        pointsBeforeDeadline: env.REMINDER_POINTS,
        dayKind: env.REMINDER_DAYS === 'working' ? 'WORKING' : 'CALENDAR',
        quietHours: env.REMINDER_QUIET_HOURS,
        extensionDecisionMaxAgeDays: 7,
        baseUrl: env.AUTH_URL ?? `http://localhost:${env.PORT}`,
      },
    });
    console.log(`Jobs: reminders scheduled (${env.REMINDER_SCHEDULE}, Europe/Oslo)`);
  } else {
    console.log('Jobs: SMTP_URL is not set, so no reminders are sent');
  }
  return worker;
}

/** The process's worker, started on the first call (kept across hot reloads in development). */
export function startBackgroundJobs(): Promise<JobWorker> | null {
  if (env.JOBS === 'off') return null;
  globalForJobs.jobWorker ??= start();
  return globalForJobs.jobWorker;
}
