'use server';

import { getISOWeek, parseISO } from 'date-fns';
import { revalidatePath } from 'next/cache';
import { getViewer } from '@/lib/access/viewer';
import { isFhi } from '@/lib/access/rules/actor';
import { createReportInputSchema, createWeeklyReport, setReportSubscription } from '@/lib/reports/data';
import { startBackgroundJobs } from '@/lib/jobs/start';
import { WEEKLY_REPORT_QUEUE, type WeeklyReportJob } from '@/lib/reports/jobs';
import { formatIsoDate } from '@/lib/core/format';

export interface CreateReportState {
  errors?: { season?: string; week?: string; form?: string };
  /** What happened, for the live region. */
  done?: string;
}

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
    console.error('Jobs: could not queue the weekly report mail:', error);
  }
}

/** FHI: builds and stores the report of the week a chosen day falls in (a week that has ended). */
export async function createReportAction(_state: CreateReportState, formData: FormData): Promise<CreateReportState> {
  const viewer = await getViewer();
  if (!viewer || !isFhi(viewer)) return NOT_FOUND;
  const parsed = createReportInputSchema.safeParse({ season: formData.get('season'), week: formData.get('week') });
  if (!parsed.success) {
    const errors: NonNullable<CreateReportState['errors']> = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] === 'season' ? 'season' : 'week'] ??= issue.message;
    return { errors };
  }
  const result = await createWeeklyReport(viewer, parsed.data);
  if (!result) return NOT_FOUND;
  if (!result.ok) return { errors: { week: result.message } };
  const { seasonKey, weekStart, outcome } = result.report;
  await queueMail({ seasonKey, weekStart });
  revalidatePath('/rapporter');
  const week = `uke ${getISOWeek(parseISO(weekStart))} (fra ${formatIsoDate(weekStart)})`;
  const done = {
    CREATED: `Rapporten for ${week} er laget.`,
    UNCHANGED: `Rapporten for ${week} fantes allerede og ble laget på nytt med nøyaktig de samme filene. Ingenting er endret.`,
    REPLACED: `Rapporten for ${week} er laget på nytt med data som har kommet til siden, og filene er erstattet. Arkivet viser når.`,
  }[outcome];
  return { done };
}

/** FHI: subscribe to the weekly report by e-mail, or stop. */
export async function setSubscriptionAction(formData: FormData): Promise<void> {
  const viewer = await getViewer();
  if (!viewer || !isFhi(viewer)) return;
  await setReportSubscription(viewer, formData.get('subscribe') === 'ja');
  revalidatePath('/rapporter');
}
