/**
 * The reminder jobs. `reminders-run` (on REMINDER_SCHEDULE) derives every municipality's status of
 * the current annual season at `now` and, while a daily season runs, its daily state, lets
 * lib/reminders/rules (reminders.ts, daily-reminders.ts) decide who gets what, logs each
 * mail with its items (the items' unique dedupe keys make a second decision of the same reminder
 * impossible, even by two runs at once) and queues `reminders-send` for it. `reminders-send` sends
 * one logged mail, with retries and exponential backoff; every attempt is counted with its error,
 * and the last failure marks the reminder FAILED for FHI to see.
 */
import 'server-only';
import { v5 as uuidV5 } from 'uuid';
import { systemActor } from '@/lib/access/rules/actor';
import { listDecidedExtensions } from '@/lib/follow-up';
import type { Job, JobWorker } from '@/lib/jobs';
import { findSeason, getStatusOverview } from '@/lib/status';
import { getDailyOverview, listSeasons } from '@/lib/daily';
import { activeDailySeason } from '@/lib/daily/rules/seasons';
import { decideDailyReminders } from '@/lib/reminders/rules/daily-reminders';
import type { Actor } from '@/lib/access';
import {
  decideReminders,
  quietHoursEnd,
  type DecidedExtension,
  type ReminderConfig,
  type ReminderContact,
  type ReminderMessage,
} from '@/lib/reminders/rules/reminders';
import type { Mailer } from '@/lib/core/mail/mailer';
import { DAY_MS } from '@/lib/core/time';
import { logLine } from '@/lib/core/log';
import {
  findReminderToSend,
  listLoggedDedupeKeys,
  listReminderContacts,
  listWaitingReminders,
  logReminders,
  recordReminderAttempt,
} from './data';

export const REMINDER_RUN_QUEUE = 'reminders-run';
export const REMINDER_SEND_QUEUE = 'reminders-send';

export interface ReminderSendJob {
  reminderId: string;
}

export interface ReminderRunResult {
  /** Reminders logged by this run. */
  logged: number;
  /** In quiet hours: when they end; nothing was decided. */
  deferredUntil: Date | null;
}

/** A season's decided mails, to be logged under that season. */
interface SeasonMessages {
  seasonId: string;
  messages: ReminderMessage[];
}

/** The current annual season's reminders at `now`; null without a season. */
async function decideAnnual(
  actor: Actor,
  now: Date,
  config: ReminderConfig,
  contacts: ReminderContact[],
): Promise<SeasonMessages | null> {
  const overview = await getStatusOverview(actor, { asOf: now });
  if (!overview) return null;
  const season = await findSeason(actor, overview.season.key);
  if (!season) throw new Error(`season ${overview.season.key} not found`);

  const [loggedDedupeKeys, extensions] = await Promise.all([
    listLoggedDedupeKeys(actor, season.id),
    listDecidedExtensions(actor, season.id, new Date(now.getTime() - config.extensionDecisionMaxAgeDays * DAY_MS), now),
  ]);

  const decidedByNumber = new Map<string, DecidedExtension[]>();
  for (const { municipalityNumber, ...extension } of extensions) {
    decidedByNumber.set(municipalityNumber, [...(decidedByNumber.get(municipalityNumber) ?? []), extension]);
  }
  const decision = decideReminders({
    now,
    season: overview.season,
    municipalities: overview.rows.map((row) => ({ ...row, decidedExtensions: decidedByNumber.get(row.number) ?? [] })),
    contacts,
    loggedDedupeKeys,
    config,
  });
  return { seasonId: season.id, messages: decision.messages };
}

/** The running daily season's reminders at `now` (episodes of silence, rejections, volume drops); null when none runs. */
async function decideDaily(
  actor: Actor,
  now: Date,
  config: ReminderConfig,
  contacts: ReminderContact[],
): Promise<SeasonMessages | null> {
  const season = activeDailySeason(await listSeasons(actor), now);
  if (!season) return null;
  const overview = await getDailyOverview(actor, { seasonKey: season.key, asOf: now });
  if (!overview) return null;
  const loggedDedupeKeys = await listLoggedDedupeKeys(actor, season.id);
  const decision = decideDailyReminders({
    now,
    season: overview.season,
    municipalities: overview.rows,
    contacts,
    loggedDedupeKeys,
    config,
  });
  return { seasonId: season.id, messages: decision.messages };
}

/** Decides the reminders due at `now` (annual, then daily), logs them and queues their sending. */
export async function runReminders(
  worker: Pick<JobWorker, 'send'>,
  now: Date,
  config: ReminderConfig,
): Promise<ReminderRunResult> {
  const deferredUntil = quietHoursEnd(now, config.quietHours);
  if (deferredUntil) return { logged: 0, deferredUntil };
  const actor = systemActor('reminders');
  // The contacts once for both seasons.
  const contacts = await listReminderContacts(actor);
  const decided = [await decideAnnual(actor, now, config, contacts), await decideDaily(actor, now, config, contacts)];

  let logged = 0;
  for (const season of decided) {
    if (season) logged += (await logReminders(actor, season.seasonId, season.messages)).logged;
  }
  // Every reminder still waiting, including any whose job was lost (a crash between logging and
  // queuing): the job id is the reminder's id, so a reminder already queued is not queued again.
  for (const id of await listWaitingReminders(actor))
    await worker.send<ReminderSendJob>(REMINDER_SEND_QUEUE, { reminderId: id }, { id });
  return { logged, deferredUntil: null };
}

function describeError(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}

const DEFERRED_JOB_NAMESPACE = '6f1d5c52-8d1e-4f55-9a4e-2c7a3c0b9e11';
/** The id of the job that sends a reminder after the quiet hours ending at `until`: the same for every attempt put off to then. */
const deferredJobId = (reminderId: string, until: Date) =>
  uuidV5(`${reminderId}@${until.toISOString()}`, DEFERRED_JOB_NAMESPACE);

/**
 * Sends one logged reminder; throws on failure so that pg-boss retries it. Never in the quiet
 * hours, a retry included: then the attempt is put off (not counted) until they end.
 */
export async function sendReminder(
  worker: Pick<JobWorker, 'send'>,
  mailer: Mailer,
  job: Job<ReminderSendJob>,
  quietHours: ReminderConfig['quietHours'],
  now = new Date(),
): Promise<void> {
  const actor = systemActor('reminders');
  const reminder = await findReminderToSend(actor, job.data.reminderId);
  if (!reminder || reminder.status !== 'QUEUED') return;
  const quietUntil = quietHoursEnd(now, quietHours);
  if (quietUntil) {
    await worker.send<ReminderSendJob>(
      REMINDER_SEND_QUEUE,
      { reminderId: reminder.id },
      { id: deferredJobId(reminder.id, quietUntil), startAfter: quietUntil },
    );
    return;
  }
  try {
    const { messageId } = await mailer.send({
      to: { name: reminder.user.name, address: reminder.email },
      subject: reminder.subject,
      text: reminder.textBody,
      html: reminder.htmlBody,
    });
    await recordReminderAttempt(actor, reminder.id, { sent: true, messageId, at: new Date() });
  } catch (error) {
    // Attempts are counted on the reminder: a job put off past the quiet hours starts its own retries afresh.
    const lastAttempt = job.retryCount >= job.retryLimit || reminder.attempts + 1 > job.retryLimit;
    await recordReminderAttempt(actor, reminder.id, { sent: false, lastAttempt, error: describeError(error) });
    throw error;
  }
}

export interface ReminderJobSettings {
  config: ReminderConfig;
  /** When the run starts (cron, Europe/Oslo); null: only when queued (tests). */
  schedule: string | null;
  /** Attempts per mail before it is recorded as failed. */
  sendAttempts: number;
  /** Seconds before the first retry of a mail, doubled each time (default 60). */
  retryDelaySeconds?: number;
  log?: (line: string) => void;
  /** The jobs' clock (tests set it; default: the real time). */
  clock?: () => Date;
}

export async function registerReminderJobs(
  worker: JobWorker,
  mailer: Mailer,
  settings: ReminderJobSettings,
): Promise<void> {
  const log = settings.log ?? logLine;
  const clock = settings.clock ?? (() => new Date());
  await worker.registerJob<ReminderSendJob>(
    REMINDER_SEND_QUEUE,
    null,
    (job) => sendReminder(worker, mailer, job, settings.config.quietHours, clock()),
    {
      retryLimit: settings.sendAttempts - 1,
      retryDelaySeconds: settings.retryDelaySeconds ?? 60,
      retryBackoff: true,
    },
  );
  await worker.registerJob(
    REMINDER_RUN_QUEUE,
    settings.schedule,
    async () => {
      const result = await runReminders(worker, clock(), settings.config);
      if (result.logged > 0) log(`Reminders: ${result.logged} mail(s) queued`);
    },
    { policy: 'stately' },
  );
  // On a schedule, also run at once: a restart catches up without waiting for the next slot.
  if (settings.schedule) await worker.send(REMINDER_RUN_QUEUE, {});
}
