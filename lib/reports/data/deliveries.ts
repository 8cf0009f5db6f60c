/**
 * The weekly report's mail, as its jobs (lib/reports/jobs.ts) read and write it under their system
 * actor: the active FHI subscribers, one delivery per report and person (unique, so a re-run mails
 * nobody twice), and every attempt to send one.
 */
import 'server-only';
import type { Actor } from '@/lib/access';
import { maskIdentityNumbers } from '@/lib/core/identity-masking';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/db/generated/client';

const FHI_ROLES = ['FHI_STAFF', 'FHI_ADMIN'] as const;

/** A delivery once per report and person; null when one exists already. */
async function recordDelivery(
  actor: Actor,
  delivery: {
    reportId: string;
    userId: string;
    email: string;
    status: 'QUEUED' | 'SKIPPED';
  },
): Promise<string | null> {
  try {
    const { id } = await db(actor).reportDelivery.create({ data: delivery, select: { id: true } });
    return id;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
    throw error;
  }
}

/**
 * Decides a report's mail: one delivery per active FHI subscriber (in the order they subscribed),
 * QUEUED when the report has changes and SKIPPED when not, none for a person who has one for this
 * report already. Answers what this run decided and every delivery still waiting to be sent (also
 * one whose job was lost).
 */
export async function decideReportDeliveries(
  actor: Actor,
  report: { id: string; hasChanges: boolean },
): Promise<{ queued: number; skipped: number; waiting: string[] }> {
  const subscriptions = await db(actor).reportSubscription.findMany({
    where: { user: { active: true, role: { in: [...FHI_ROLES] } } },
    orderBy: { createdAt: 'asc' },
    select: { user: { select: { id: true, email: true } } },
  });
  let queued = 0;
  let skipped = 0;
  for (const { user } of subscriptions) {
    const status = report.hasChanges ? 'QUEUED' : 'SKIPPED';
    const id = await recordDelivery(actor, { reportId: report.id, userId: user.id, email: user.email, status });
    if (id && report.hasChanges) queued++;
    if (id && !report.hasChanges) skipped++;
  }
  const waiting = await db(actor).reportDelivery.findMany({ where: { status: 'QUEUED' }, select: { id: true } });
  return { queued, skipped, waiting: waiting.map((delivery) => delivery.id) };
}

/** A delivery as its mail is sent: the person as they are now, and the report with its XLSX; null when it does not exist. */
export async function findDeliveryToSend(actor: Actor, id: string) {
  const delivery = await db(actor).reportDelivery.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      email: true,
      user: { select: { name: true, active: true, role: true, reportSubscription: { select: { id: true } } } },
      report: {
        select: {
          weekStart: true,
          changeCount: true,
          season: { select: { name: true } },
          files: { where: { format: 'XLSX' }, select: { fileName: true, contentType: true, content: true } },
        },
      },
    },
  });
  if (!delivery) return null;
  const { user, ...rest } = delivery;
  const stillWanted =
    user.active && (FHI_ROLES as readonly string[]).includes(user.role) && user.reportSubscription !== null;
  return { ...rest, recipientName: user.name, stillWanted };
}

/**
 * Records what became of a delivery: sent (with the mail's Message-ID), failed (queued again for a
 * retry unless it was the last attempt), or skipped because the person no longer wants it.
 */
export async function recordDeliveryAttempt(
  actor: Actor,
  id: string,
  attempt:
    | { outcome: 'SENT'; messageId: string; at: Date }
    | { outcome: 'FAILED'; lastAttempt: boolean; error: string }
    | { outcome: 'SKIPPED'; reason: string },
): Promise<void> {
  const data =
    attempt.outcome === 'SENT'
      ? { status: 'SENT' as const, sentAt: attempt.at, messageId: attempt.messageId, attempts: { increment: 1 } }
      : attempt.outcome === 'FAILED'
        ? {
            status: attempt.lastAttempt ? ('FAILED' as const) : ('QUEUED' as const),
            attempts: { increment: 1 },
            // A mail server's error text is free text: masked for identity numbers before it is stored.
            lastError: maskIdentityNumbers(attempt.error),
          }
        : { status: 'SKIPPED' as const, lastError: maskIdentityNumbers(attempt.reason) };
  await db(actor).reportDelivery.update({ where: { id }, data });
}
