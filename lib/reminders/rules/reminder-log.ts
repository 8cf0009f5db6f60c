/** The reminder log as the pages show it: the shapes of a municipality's reminders and of the failed ones. Pure. */
import type { ReminderTrigger } from './reminders';

export type ReminderStatus = 'QUEUED' | 'SENT' | 'FAILED';

export interface ReminderItemSummary {
  municipalityNumber: string;
  trigger: ReminderTrigger;
}

export interface MunicipalityReminderRow {
  id: string;
  createdAt: Date;
  recipientName: string;
  /** FHI only; null for a contact. */
  email: string | null;
  subject: string;
  status: ReminderStatus;
  attempts: number;
  sentAt: Date | null;
  /** FHI only; null for a contact (and when nothing failed). */
  lastError: string | null;
  /** This municipality's issues in the reminder. */
  items: ReminderItemSummary[];
}

export interface FailedReminderRow {
  id: string;
  createdAt: Date;
  recipientName: string;
  email: string;
  subject: string;
  attempts: number;
  lastError: string | null;
  items: ReminderItemSummary[];
}

export interface ReminderQuery {
  /** Only this season's reminders; all seasons when absent. */
  seasonKey?: string;
}
