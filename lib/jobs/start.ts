/**
 * Starts this server process's job worker (called once from instrumentation.ts) and registers the
 * jobs. Reminders need mail: without SMTP_URL (which the launcher provides for the demo) they are
 * not scheduled, and that is said in the log.
 */
import 'server-only';
import { env } from '@/lib/core/env';
import { logErrorLine } from '@/lib/core/log';
import { createMailer } from '@/lib/core/mail/mailer';
import { registerReminderJobs, REMINDER_RUN_QUEUE } from '@/lib/reminders';
import { registerWeeklyReportJobs } from '@/lib/reports';
import { connectJobSender, startJobWorker, type JobWorker } from './worker';

const globalForJobs = globalThis as unknown as {
  jobWorker?: Promise<JobWorker>;
  jobSender?: Promise<Pick<JobWorker, 'send'>>;
};

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
  await registerWeeklyReportJobs(worker, {
    schedule: env.WEEKLY_REPORT_SCHEDULE,
    mailer: env.SMTP_URL ? createMailer(env.SMTP_URL, env.MAIL_FROM) : null,
    sendAttempts: env.WEEKLY_REPORT_SEND_ATTEMPTS,
    baseUrl: env.AUTH_URL ?? `http://localhost:${env.PORT}`,
  });
  console.log(
    `Jobs: weekly report scheduled (${env.WEEKLY_REPORT_SCHEDULE}, Europe/Oslo)${env.SMTP_URL ? '' : ', mailed to nobody without SMTP_URL'}`,
  );
  return worker;
}

/** The process's worker, started on the first call (kept across hot reloads in development). */
export function startBackgroundJobs(): Promise<JobWorker> | null {
  if (env.JOBS === 'off') return null;
  globalForJobs.jobWorker ??= start();
  return globalForJobs.jobWorker;
}

/**
 * Asks for a reminder run now, e.g. right after FHI decided an extension, so that the contacts
 * hear of it at once (in the quiet hours: when they end). Queued through this process's worker, or,
 * in a process without one (JOBS=off), through a client that only queues, for the worker of another
 * process. Without SMTP_URL there are no reminders, so nothing is queued. Never throws: the decision
 * stands whether or not the run could be queued (the next scheduled run picks the news up).
 */
export async function queueReminderRun(): Promise<void> {
  if (!env.SMTP_URL || !env.DATABASE_URL) return;
  const databaseUrl = env.DATABASE_URL;
  try {
    const sender =
      startBackgroundJobs() ??
      (globalForJobs.jobSender ??= connectJobSender({ databaseUrl }).catch((error: unknown) => {
        globalForJobs.jobSender = undefined;
        throw error;
      }));
    await (await sender).send(REMINDER_RUN_QUEUE, {});
  } catch (error) {
    logErrorLine('Jobs: could not queue a reminder run:', error instanceof Error ? error.message : error);
  }
}
