/**
 * The reminders' reads and writes. The log as the pages show it: a municipality's reminders (FHI,
 * or that municipality's contacts) and the reminders that could not be sent (FHI only). A bundled
 * reminder appears in the log of each of its municipalities with that municipality's items only; a
 * contact never learns what another municipality was reminded of. Addresses and SMTP errors are for
 * FHI only. And what the reminder jobs read and write as their system actor: the contacts, the
 * dedupe keys already logged, each mail logged and every attempt to send it.
 */
import 'server-only';
import {
  auditActor,
  canSeeMunicipality,
  denied,
  isFhi,
  recordAudit,
  scopeWhere,
  type Actor,
  type Viewer,
} from '@/lib/access';
import { maskIdentityNumbers } from '@/lib/core/identity-masking';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/db/generated/client';
import type { ReminderContact, ReminderMessage } from '@/lib/reminders/rules/reminders';
import type { FailedReminderRow, MunicipalityReminderRow, ReminderQuery } from '@/lib/reminders/rules/reminder-log';

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
  const municipality = await db(viewer).municipality.findUnique({ where: { number }, select: { number: true } });
  if (!municipality) return null;
  const fhi = isFhi(viewer);
  const reminders = await db(viewer).reminder.findMany({
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
  await recordAudit(db(viewer), {
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
  const reminders = await db(viewer).reminder.findMany({
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
  await recordAudit(db(viewer), {
    action: 'reminder.failed.list',
    outcome: 'SUCCESS',
    actor: auditActor(viewer),
    requestId: viewer.requestId,
    details: { count: reminders.length },
  });
  return reminders.map(({ user, ...reminder }) => ({ ...reminder, recipientName: user.name }));
}

// ---------------------------------------------------------------------------------------------
// The jobs (lib/reminders/jobs.ts), as their system actor

/** The active municipal contacts of municipalities in the actor's scope, each with those municipalities. */
export async function listReminderContacts(actor: Actor): Promise<ReminderContact[]> {
  const scope = scopeWhere(actor);
  const contacts = await db(actor).user.findMany({
    where: { role: 'MUNICIPAL_CONTACT', active: true, memberships: { some: { municipalityNumber: scope } } },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      memberships: { where: { municipalityNumber: scope }, select: { municipalityNumber: true } },
    },
  });
  return contacts.map(({ id, memberships, ...contact }) => ({
    ...contact,
    userId: id,
    municipalityNumbers: memberships.map((membership) => membership.municipalityNumber),
  }));
}

/** The dedupe keys of every reminder item logged in the season (queued, sent or failed), in the actor's scope. */
export async function listLoggedDedupeKeys(actor: Actor, seasonId: string): Promise<Set<string>> {
  const items = await db(actor).reminderItem.findMany({
    where: { reminder: { seasonId }, municipalityNumber: scopeWhere(actor) },
    select: { dedupeKey: true },
  });
  return new Set(items.map((item) => item.dedupeKey));
}

/**
 * Logs one decided mail with its items; null when another run logged one of its items first (the
 * items' dedupe keys are unique): that run sends them, and this one leaves the person be.
 */
async function logReminder(actor: Actor, seasonId: string, message: ReminderMessage): Promise<string | null> {
  try {
    const reminder = await db(actor).reminder.create({
      data: {
        userId: message.userId,
        seasonId,
        email: message.email,
        subject: message.subject,
        textBody: message.text,
        htmlBody: message.html,
        items: {
          create: message.items.map((item) => ({
            municipalityNumber: item.municipalityNumber,
            trigger: item.trigger,
            event: item.event,
            dedupeKey: item.dedupeKey,
          })),
        },
      },
      select: { id: true },
    });
    return reminder.id;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
    throw error;
  }
}

/** Logs the season's decided mails, each with its items, and answers how many this run logged. */
export async function logReminders(
  actor: Actor,
  seasonId: string,
  messages: readonly ReminderMessage[],
): Promise<{ logged: number }> {
  let logged = 0;
  for (const message of messages) {
    if (await logReminder(actor, seasonId, message)) logged++;
  }
  return { logged };
}

/** Every reminder still waiting to be sent, of any season (including any whose job was lost). */
export async function listWaitingReminders(actor: Actor): Promise<string[]> {
  const waiting = await db(actor).reminder.findMany({ where: { status: 'QUEUED' }, select: { id: true } });
  return waiting.map((reminder) => reminder.id);
}

/** A logged reminder as its mail is sent; null when it does not exist. */
export async function findReminderToSend(actor: Actor, id: string) {
  return db(actor).reminder.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      attempts: true,
      email: true,
      subject: true,
      textBody: true,
      htmlBody: true,
      user: { select: { name: true } },
    },
  });
}

/** Records an attempt to send a reminder: sent (with the mail's Message-ID), or failed with its error. */
export async function recordReminderAttempt(
  actor: Actor,
  id: string,
  attempt: { sent: true; messageId: string; at: Date } | { sent: false; lastAttempt: boolean; error: string },
): Promise<void> {
  await db(actor).reminder.update({
    where: { id },
    data: attempt.sent
      ? { status: 'SENT', sentAt: attempt.at, messageId: attempt.messageId, attempts: { increment: 1 } }
      : {
          status: attempt.lastAttempt ? 'FAILED' : 'QUEUED',
          attempts: { increment: 1 },
          // A mail server's error text is free text: masked for identity numbers before it is stored.
          lastError: maskIdentityNumbers(attempt.error),
        },
  });
}
