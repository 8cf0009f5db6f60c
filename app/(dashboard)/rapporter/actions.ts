'use server';

/** The weekly report archive (FHI): make the report of a week now, subscribe to its mail or stop. */
import { getISOWeek, parseISO } from 'date-fns';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { isFhi } from '@/lib/access';
import { action, formAction, signedIn } from '@/lib/access/request';
import { formatIsoDate } from '@/lib/core/format';
import { logErrorLine } from '@/lib/core/log';
import type { FormState } from '@/lib/core/form-state';
import { startBackgroundJobs } from '@/lib/jobs';
import { createWeeklyReport, setReportSubscription, WEEKLY_REPORT_QUEUE, type WeeklyReportJob } from '@/lib/reports';
import { REPORT_CREATED_MESSAGES } from '@/lib/reports/labels';
import { createReportInputSchema } from '@/lib/reports/rules/archive';

export type CreateReportField = 'season' | 'week';
export type CreateReportState = FormState<CreateReportField>;

const NOT_FOUND: CreateReportState = { errors: { form: 'Fant ikke siden.' } };

/**
 * The mail of a report made on demand is decided by the weekly report job, like a scheduled one
 * (once per report and subscriber). Without a job worker in this process it waits for the next run.
 */
async function queueMail(job: WeeklyReportJob): Promise<void> {
  try {
    const worker = await startBackgroundJobs();
    await worker?.send(WEEKLY_REPORT_QUEUE, job);
  } catch (error) {
    logErrorLine('Jobs: could not queue the weekly report mail:', error);
  }
}

/** FHI: builds and stores the report of the week a chosen day falls in (a week that has ended). */
export const createReportAction = formAction({
  caller: signedIn(isFhi),
  notFound: NOT_FOUND,
  fields: ['season', 'week'],
  schema: createReportInputSchema,
  async run(viewer, input) {
    const result = await createWeeklyReport(viewer, input);
    // What cannot be made is said at the week.
    return result && !result.ok ? { ok: false as const, field: 'week', message: result.message } : result;
  },
  async done({ report: { seasonKey, weekStart, outcome } }) {
    await queueMail({ seasonKey, weekStart });
    revalidatePath('/rapporter');
    const week = REPORT_CREATED_MESSAGES.week(getISOWeek(parseISO(weekStart)), formatIsoDate(weekStart));
    return { done: REPORT_CREATED_MESSAGES[outcome](week) };
  },
});

/**
 * FHI: subscribe to the weekly report by e-mail, or stop. The page it comes back to says which
 * (`?abonnement=ja|nei`, said only while the subscription is so).
 */
export const setSubscriptionAction = action({
  caller: signedIn(isFhi),
  read: (formData: FormData) => formData.get('subscribe') === 'ja',
  schema: z.boolean(),
  async run(viewer, subscribe) {
    if ((await setReportSubscription(viewer, subscribe)) === null) return;
    revalidatePath('/rapporter');
    redirect(`/rapporter?abonnement=${subscribe ? 'ja' : 'nei'}#subscription-heading`);
  },
});
