/**
 * The weekly report jobs. `weekly-report` (on WEEKLY_REPORT_SCHEDULE, and queued when FHI create a
 * report on demand) builds and stores the report of the week that has just ended (or the week it
 * is given) and decides its mail: one delivery per active FHI subscriber and report (unique, so a
 * re-run mails nobody twice), SKIPPED when nothing changed since the previous snapshot, else
 * QUEUED with a `weekly-report-send` job. `weekly-report-send` mails one delivery (a link to the
 * archive and the XLSX attached) with retries and exponential backoff; every attempt is counted
 * with its error, and the last failure marks it FAILED for FHI to see on the reports page.
 */
import 'server-only';
import { getISOWeek, parseISO } from 'date-fns';
import { systemActor } from '@/lib/access';
import { escapeHtml } from '@/lib/core/html';
import type { Job, JobWorker } from '@/lib/jobs';
import { DELIVERY_NO_LONGER_WANTED } from '@/lib/reports/labels';
import { previousWeekStart, weekStartOf } from '@/lib/reports/rules/weekly-report';
import { formatIsoDate } from '@/lib/core/format';
import { logLine } from '@/lib/core/log';
import type { Mailer } from '@/lib/core/mail/mailer';
import { decideReportDeliveries, findDeliveryToSend, recordDeliveryAttempt } from './data/deliveries';
import { generateWeeklyReport, type GeneratedReport } from './generate';

export const WEEKLY_REPORT_QUEUE = 'weekly-report';
export const WEEKLY_REPORT_SEND_QUEUE = 'weekly-report-send';

/** Which report to make; by default the latest annual season's week that ended last. */
export interface WeeklyReportJob {
  seasonKey?: string;
  weekStart?: string;
}

export interface WeeklyReportSendJob {
  deliveryId: string;
}

export interface WeeklyReportRunResult {
  report: GeneratedReport | null;
  /** Deliveries this run decided, per outcome. */
  queued: number;
  skipped: number;
}

/**
 * Makes and stores the report of `job.weekStart` (the week before `now`'s by default) and, with
 * `mail`, decides its mail to every active FHI subscriber and queues the sends.
 */
export async function runWeeklyReport(
  worker: Pick<JobWorker, 'send'>,
  job: WeeklyReportJob,
  options: { now: Date; mail: boolean },
): Promise<WeeklyReportRunResult> {
  const actor = systemActor('weekly-report');
  const weekStart = job.weekStart ?? previousWeekStart(weekStartOf(options.now));
  const report = await generateWeeklyReport(actor, { seasonKey: job.seasonKey, weekStart }, options.now);
  if (!report || !options.mail) return { report, queued: 0, skipped: 0 };
  const { queued, skipped, waiting } = await decideReportDeliveries(actor, report);
  // Every delivery still waiting (also one whose job was lost); the job id is the delivery's, so none is queued twice.
  for (const id of waiting)
    await worker.send<WeeklyReportSendJob>(WEEKLY_REPORT_SEND_QUEUE, { deliveryId: id }, { id });
  return { report, queued, skipped };
}

function describeError(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}

/** Mails one delivery with the report's XLSX; throws on failure so that pg-boss retries it. */
export async function sendReportDelivery(
  mailer: Mailer,
  baseUrl: string,
  job: Job<WeeklyReportSendJob>,
): Promise<void> {
  const actor = systemActor('weekly-report');
  const delivery = await findDeliveryToSend(actor, job.data.deliveryId);
  if (!delivery || delivery.status !== 'QUEUED') return;
  const { report } = delivery;
  // Deactivated, no longer FHI, or unsubscribed since the run: no mail, and that is recorded.
  if (!delivery.stillWanted) {
    await recordDeliveryAttempt(actor, delivery.id, { outcome: 'SKIPPED', reason: DELIVERY_NO_LONGER_WANTED });
    return;
  }
  const weekStart = report.weekStart.toISOString().slice(0, 10);
  const week = `uke ${getISOWeek(parseISO(weekStart))} (fra ${formatIsoDate(weekStart)})`;
  const archive = `${baseUrl}/rapporter`;
  const changes = report.changeCount === 1 ? '1 endring' : `${report.changeCount} endringer`;
  const xlsx = report.files[0];
  try {
    const { messageId } = await mailer.send({
      to: { name: delivery.recipientName, address: delivery.email },
      subject: `Ukerapport ${report.season.name}, ${week}`,
      text: [
        `Hei ${delivery.recipientName},`,
        '',
        `Ukerapporten for ${report.season.name}, ${week}, er klar: ${changes} siden forrige rapport.`,
        xlsx ? 'Rapporten er vedlagt som Excel-fil.' : '',
        `Alle rapporter (også som CSV og PDF): ${archive}`,
        '',
        'Du får denne e-posten fordi du abonnerer på ukerapporten. Du kan avslutte abonnementet på rapportsiden.',
      ].join('\n'),
      html: [
        `<p>Hei ${escapeHtml(delivery.recipientName)},</p>`,
        `<p>Ukerapporten for ${escapeHtml(report.season.name)}, ${escapeHtml(week)}, er klar: ${escapeHtml(changes)} siden forrige rapport.</p>`,
        xlsx ? '<p>Rapporten er vedlagt som Excel-fil.</p>' : '',
        `<p><a href="${escapeHtml(archive)}">Se alle rapporter (også som CSV og PDF)</a></p>`,
        '<p>Du får denne e-posten fordi du abonnerer på ukerapporten. Du kan avslutte abonnementet på rapportsiden.</p>',
      ].join('\n'),
      attachments: xlsx && [
        { filename: xlsx.fileName, content: Buffer.from(xlsx.content), contentType: xlsx.contentType },
      ],
    });
    await recordDeliveryAttempt(actor, delivery.id, { outcome: 'SENT', messageId, at: new Date() });
  } catch (error) {
    const lastAttempt = job.retryCount >= job.retryLimit;
    await recordDeliveryAttempt(actor, delivery.id, { outcome: 'FAILED', lastAttempt, error: describeError(error) });
    throw error;
  }
}

export interface WeeklyReportJobSettings {
  /** When the report is made (cron, Europe/Oslo); null: only when queued (tests). */
  schedule: string | null;
  /** Without a mailer, reports are made and stored but mailed to nobody. */
  mailer: Mailer | null;
  /** Attempts per mail before it is recorded as failed. */
  sendAttempts: number;
  /** Seconds before the first retry of a mail, doubled each time (default 60). */
  retryDelaySeconds?: number;
  /** The app's public URL, for the link to the archive. */
  baseUrl: string;
  log?: (line: string) => void;
}

export async function registerWeeklyReportJobs(worker: JobWorker, settings: WeeklyReportJobSettings): Promise<void> {
  const log = settings.log ?? logLine;
  const { mailer } = settings;
  if (mailer) {
    await worker.registerJob<WeeklyReportSendJob>(
      WEEKLY_REPORT_SEND_QUEUE,
      null,
      (job) => sendReportDelivery(mailer, settings.baseUrl, job),
      {
        retryLimit: settings.sendAttempts - 1,
        retryDelaySeconds: settings.retryDelaySeconds ?? 60,
        retryBackoff: true,
      },
    );
  }
  await worker.registerJob<WeeklyReportJob>(WEEKLY_REPORT_QUEUE, settings.schedule, async (job) => {
    const result = await runWeeklyReport(worker, job.data, { now: new Date(), mail: mailer !== null });
    if (!result.report) return log('Weekly report: no season to report on');
    const { seasonKey, weekStart, outcome, figures } = result.report;
    const peak = figures.peakMemory === null ? '' : `, peak ${Math.round(figures.peakMemory / 2 ** 20)} MB`;
    log(
      `Weekly report ${seasonKey} ${weekStart}: ${outcome.toLowerCase()}; ${result.queued} mail(s) queued, ${result.skipped} skipped (no changes); ` +
        `built in ${figures.buildMs} ms, XLSX ${figures.xlsxMs} ms, CSV ${figures.csvMs} ms, PDF ${figures.pdfMs} ms${peak}`,
    );
  });
}
