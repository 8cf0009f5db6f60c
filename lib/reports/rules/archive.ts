/**
 * The archive of weekly reports as the reports page shows it: the rows of stored reports and of
 * their mail to subscribers, and FHI's "create a report now" form. Pure.
 */
import { z } from 'zod';
import { isIsoDate } from '../../core/calendar';
import { CREATE_REPORT_MESSAGES } from '../labels';
import type { KeyFigure } from './weekly-report';

export type ReportDeliveryStatus = 'QUEUED' | 'SENT' | 'FAILED' | 'SKIPPED';
export type ReportFormat = 'XLSX' | 'CSV' | 'PDF';

export interface WeeklyReportRow {
  id: string;
  seasonKey: string;
  seasonName: string;
  /** Monday, 'YYYY-MM-DD'. */
  weekStart: string;
  weekEnd: string;
  weekNumber: number;
  asOf: Date;
  createdAt: Date;
  /** When a re-run wrote different files (FHI only; null for contacts and when never). */
  replacedAt: Date | null;
  /** Municipalities in the viewer's report. */
  municipalities: number;
  keyFigures: Pick<KeyFigure, 'key' | 'label' | 'count' | 'share'>[];
  changeCount: number;
  /** Mail to subscribers per status (FHI only). */
  deliveries: Record<ReportDeliveryStatus, number> | null;
}

export interface ReportDeliveryRow {
  id: string;
  weekStart: string;
  seasonName: string;
  recipientName: string;
  email: string;
  status: ReportDeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface ReportFileDownload {
  fileName: string;
  contentType: string;
  body: Buffer;
}

export const createReportInputSchema = z.object({
  season: z.string().regex(/^\d{4}$/, CREATE_REPORT_MESSAGES.chooseSeason),
  /** Any day of the week; the report is of its Monday-to-Sunday week. */
  week: z.string().refine(isIsoDate, CREATE_REPORT_MESSAGES.chooseWeek),
});
export type CreateReportInput = z.infer<typeof createReportInputSchema>;
