/**
 * The weekly reports as people see them, and the audit of every download and export.
 *
 * FHI staff see the archive of stored reports (of every municipality), download the stored files,
 * create a week's report on demand and subscribe to it by e-mail. A municipal contact sees the same
 * weeks, but each report cut down to their own municipalities: figures, changes and files are
 * rendered from the stored snapshot filtered to their scope (deterministic: the same bytes every
 * time), so they never receive more than they may see. Anything else is not found.
 */
import 'server-only';
import { getISOWeek, parseISO } from 'date-fns';
import { z } from 'zod';
import { auditActor, denied, isFhi, municipalityScope, recordAudit, type AuditAction, type Viewer } from '@/lib/access';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/db/generated/client';
import { endOfOsloDay } from '@/lib/core/calendar';
import { CREATE_REPORT_MESSAGES } from '@/lib/reports/labels';
import type {
  CreateReportInput,
  ReportDeliveryRow,
  ReportDeliveryStatus,
  ReportFileDownload,
  ReportFormat,
  WeeklyReportRow,
} from '@/lib/reports/rules/archive';
import {
  changeCount,
  reportWeek,
  scopeWeeklyReport,
  weekStartOf,
  type WeeklyReportContent,
} from '@/lib/reports/rules/weekly-report';
import { renderWeeklyReportFile } from '../files';
import { generateWeeklyReport, type GeneratedReport } from '../generate';
import { readStoredWeeklyReport, STORED_CONTENT, storedReportContent } from './store';

const REPORT_FORMATS: Record<string, ReportFormat> = { xlsx: 'XLSX', csv: 'CSV', pdf: 'PDF' };

const uuidSchema = z.uuid();

async function audit(
  viewer: Viewer,
  action: AuditAction,
  details?: Prisma.InputJsonValue,
  municipalityNumber: string | null = null,
): Promise<void> {
  await recordAudit(db(viewer), {
    action,
    outcome: 'SUCCESS',
    actor: auditActor(viewer),
    municipalityNumber,
    requestId: viewer.requestId,
    details,
  });
}

/** The report as the viewer may see it: all of it for FHI, their own municipalities for a contact. */
function contentFor(viewer: Viewer, content: WeeklyReportContent): WeeklyReportContent {
  const scope = municipalityScope(viewer);
  return scope.all ? content : scopeWeeklyReport(content, new Set(scope.numbers));
}

const NO_DELIVERIES: Record<ReportDeliveryStatus, number> = { QUEUED: 0, SENT: 0, FAILED: 0, SKIPPED: 0 };

/** The stored weekly reports, newest week first, each as the viewer may see it. */
export async function listWeeklyReports(viewer: Viewer): Promise<WeeklyReportRow[]> {
  const fhi = isFhi(viewer);
  const reports = await db(viewer).weeklyReport.findMany({
    orderBy: [{ weekStart: 'desc' }, { id: 'desc' }],
    select: {
      id: true,
      asOf: true,
      createdAt: true,
      replacedAt: true,
      season: { select: { key: true, name: true } },
      ...STORED_CONTENT,
    },
  });
  const deliveries = fhi
    ? await db(viewer).reportDelivery.groupBy({ by: ['reportId', 'status'], _count: { _all: true } })
    : [];
  await audit(viewer, 'report.list', { count: reports.length });
  return reports.map((report) => {
    const content = contentFor(viewer, storedReportContent(report));
    const counts = fhi ? { ...NO_DELIVERIES } : null;
    for (const group of deliveries)
      if (counts && group.reportId === report.id) counts[group.status] = group._count._all;
    return {
      id: report.id,
      seasonKey: report.season.key,
      seasonName: report.season.name,
      weekStart: content.week.weekStart,
      weekEnd: content.week.weekEnd,
      weekNumber: getISOWeek(parseISO(content.week.weekStart)),
      asOf: report.asOf,
      createdAt: report.createdAt,
      replacedAt: fhi ? report.replacedAt : null,
      municipalities: content.snapshot.municipalities.length,
      keyFigures: content.keyFigures.map(({ key, label, count, share }) => ({ key, label, count, share })),
      changeCount: changeCount(content.changes),
      deliveries: counts,
    };
  });
}

/**
 * One file of a stored report: FHI get the stored bytes; a contact gets the report of their own
 * municipalities rendered from the stored snapshot. Null when the report does not exist (or the
 * id or format is not one); every download is audited.
 */
export async function getWeeklyReportFile(
  viewer: Viewer,
  id: string,
  format: string,
): Promise<ReportFileDownload | null> {
  const reportFormat = REPORT_FORMATS[format];
  if (!uuidSchema.safeParse(id).success || !reportFormat) return null;
  const fhi = isFhi(viewer);
  let file: ReportFileDownload;
  if (fhi) {
    const stored = await db(viewer).reportFile.findUnique({
      where: { reportId_format: { reportId: id, format: reportFormat } },
      select: { fileName: true, contentType: true, content: true },
    });
    if (!stored) return null;
    file = { fileName: stored.fileName, contentType: stored.contentType, body: Buffer.from(stored.content) };
  } else {
    const stored = await readStoredWeeklyReport(viewer, id);
    if (!stored) return null;
    const rendered = await renderWeeklyReportFile(
      { ...contentFor(viewer, stored), scope: 'OWN_MUNICIPALITIES' },
      reportFormat,
    );
    file = { fileName: rendered.fileName, contentType: rendered.contentType, body: rendered.content };
  }
  await audit(viewer, 'report.download', {
    reportId: id,
    format: reportFormat,
    scope: fhi ? 'ALL' : 'OWN_MUNICIPALITIES',
    fileName: file.fileName,
  });
  return file;
}

export type CreateReportResult = { ok: true; report: GeneratedReport } | { ok: false; message: string };

/** FHI only (null for anyone else): builds and stores the report of a week that has ended. */
export async function createWeeklyReport(
  viewer: Viewer,
  input: CreateReportInput,
  now: Date = new Date(),
): Promise<CreateReportResult | null> {
  if (!isFhi(viewer)) return denied(viewer, 'report.create');
  const weekStart = weekStartOf(endOfOsloDay(input.week));
  if (reportWeek(weekStart).end.getTime() > now.getTime())
    return { ok: false, message: CREATE_REPORT_MESSAGES.weekNotOver };
  const report = await generateWeeklyReport(viewer, { seasonKey: input.season, weekStart }, now);
  if (!report) return { ok: false, message: CREATE_REPORT_MESSAGES.seasonNotFound };
  await audit(viewer, 'report.create', {
    reportId: report.id,
    seasonKey: report.seasonKey,
    weekStart,
    outcome: report.outcome,
  });
  return { ok: true, report };
}

/** Whether the viewer subscribes to the weekly report (FHI only; null for anyone else). */
export async function getReportSubscription(viewer: Viewer): Promise<{ subscribed: boolean; email: string } | null> {
  if (!isFhi(viewer) || !viewer.userId) return null;
  const user = await db(viewer).user.findUnique({
    where: { id: viewer.userId },
    select: { email: true, reportSubscription: { select: { id: true } } },
  });
  return user && { subscribed: user.reportSubscription !== null, email: user.email };
}

/** Subscribes or unsubscribes the viewer (FHI staff and admins only; null for anyone else). */
export async function setReportSubscription(viewer: Viewer, subscribed: boolean): Promise<boolean | null> {
  if (!isFhi(viewer) || !viewer.userId) return denied(viewer, 'report.subscription');
  const userId = viewer.userId;
  if (subscribed) {
    await db(viewer).reportSubscription.upsert({ where: { userId }, create: { userId }, update: {} });
  } else {
    await db(viewer).reportSubscription.deleteMany({ where: { userId } });
  }
  await audit(viewer, subscribed ? 'report.subscribe' : 'report.unsubscribe');
  return subscribed;
}

/** The latest mail of the weekly report to subscribers, with skips and failures (FHI only; null for anyone else). */
export async function listReportDeliveries(viewer: Viewer, take = 50): Promise<ReportDeliveryRow[] | null> {
  if (!isFhi(viewer)) return denied(viewer, 'report.deliveries');
  const deliveries = await db(viewer).reportDelivery.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: {
      id: true,
      email: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
      user: { select: { name: true } },
      report: { select: { weekStart: true, season: { select: { name: true } } } },
    },
  });
  return deliveries.map(({ user, report, ...delivery }) => ({
    ...delivery,
    recipientName: user.name,
    weekStart: report.weekStart.toISOString().slice(0, 10),
    seasonName: report.season.name,
  }));
}

/** Records an export of what the viewer sees (the page's own read is audited by the status DAL). */
export async function auditExport(
  viewer: Viewer,
  action: 'export.municipality' | 'export.overview',
  details: Prisma.InputJsonValue,
  municipalityNumber: string | null = null,
): Promise<void> {
  await audit(viewer, action, details, municipalityNumber);
}

/** The seasons a report can be made for, newest first (FHI only; null for anyone else). */
export async function listReportSeasons(viewer: Viewer): Promise<{ key: string; name: string }[] | null> {
  if (!isFhi(viewer)) return null;
  return db(viewer).season.findMany({
    where: { kind: 'ANNUAL' },
    orderBy: { periodEnd: 'desc' },
    select: { key: true, name: true },
  });
}
