/**
 * The reminder log as the pages show it: a municipality's reminders (FHI, or that municipality's
 * contacts) and the reminders that could not be sent (FHI only). A bundled reminder appears in the
 * log of each of its municipalities with that municipality's items only; a contact never learns
 * what another municipality was reminded of. Addresses and SMTP errors are for FHI only.
 */
import 'server-only';
import { recordAudit } from '@/lib/access/data/audit';
import { auditActor, canSeeMunicipality, isFhi, type Viewer } from '@/lib/access/rules/actor';
import { db } from '@/lib/db';
import { denied } from '../access/data/denied';
import type { ReminderStatus, ReminderTrigger } from '@/lib/db/generated/enums';

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

/** What both lists show of a reminder (the items are selected per list). */
const REMINDER_FIELDS = {
  id: true,
  createdAt: true,
  email: true,
  subject: true,
  attempts: true,
  lastError: true,
  user: { select: { name: true } },
} as const;

/** The municipality's reminders, newest first; null when it does not exist or is outside the viewer's scope. */
export async function listMunicipalityReminders(
  viewer: Viewer,
  number: string,
  query: ReminderQuery = {},
): Promise<MunicipalityReminderRow[] | null> {
  if (!canSeeMunicipality(viewer, number)) return denied(viewer, 'municipality.reminders', number);
  const municipality = await db().municipality.findUnique({ where: { number }, select: { number: true } });
  if (!municipality) return null;
  const fhi = isFhi(viewer);
  const reminders = await db().reminder.findMany({
    where: {
      items: { some: { municipalityNumber: number } },
      ...(query.seasonKey && { season: { key: query.seasonKey } }),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: {
      ...REMINDER_FIELDS,
      status: true,
      sentAt: true,
      items: {
        where: { municipalityNumber: number },
        orderBy: { trigger: 'asc' },
        select: { municipalityNumber: true, trigger: true },
      },
    },
  });
  await recordAudit(db(), {
    action: 'reminder.list',
    outcome: 'SUCCESS',
    actor: auditActor(viewer),
    municipalityNumber: number,
    requestId: viewer.requestId,
  });
  return reminders.map(({ user, email, lastError, ...reminder }) => ({
    ...reminder,
    recipientName: user.name,
    email: fhi ? email : null,
    lastError: fhi ? lastError : null,
  }));
}

/** Reminders whose every attempt failed, newest first (FHI only; null for anyone else). */
export async function listFailedReminders(
  viewer: Viewer,
  query: ReminderQuery = {},
): Promise<FailedReminderRow[] | null> {
  if (!isFhi(viewer)) return denied(viewer, 'reminders.failed');
  const reminders = await db().reminder.findMany({
    where: { status: 'FAILED', ...(query.seasonKey && { season: { key: query.seasonKey } }) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: {
      ...REMINDER_FIELDS,
      items: {
        orderBy: [{ municipalityNumber: 'asc' }, { trigger: 'asc' }],
        select: { municipalityNumber: true, trigger: true },
      },
    },
  });
  await recordAudit(db(), {
    action: 'reminder.failed.list',
    outcome: 'SUCCESS',
    actor: auditActor(viewer),
    requestId: viewer.requestId,
    details: { count: reminders.length },
  });
  return reminders.map(({ user, ...reminder }) => ({ ...reminder, recipientName: user.name }));
}
