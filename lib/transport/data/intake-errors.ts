/**
 * The intake errors: messages the AMQP consumer refused and rejected to the broker's dead-letter
 * handling, recorded (before the reject) so that FHI can see them. Never a body, never an identity
 * number: the application properties are cleaned by rules/amqp-message.ts before they get here.
 */
import 'server-only';
import { type Actor, isAdmin, isSystemActor, type SystemActor } from '@/lib/access';
import { db } from '@/lib/db';
import type { TransportMetadata } from '../rules/amqp-message';

export interface IntakeErrorInput {
  queue: string;
  messageId: string | null;
  applicationProperties: TransportMetadata;
  code: string;
  reason: string;
  spoofingSuspected: boolean;
}

export interface IntakeErrorRow extends IntakeErrorInput {
  id: string;
  occurredAt: Date;
}

/** Records one refused message (by the consumer's system actor). */
export async function recordIntakeError(actor: SystemActor, input: IntakeErrorInput): Promise<void> {
  await db(actor).intakeError.create({ data: input });
}

/** The latest refused messages, newest first; null unless the actor is an FHI admin or a system part. */
export async function listIntakeErrors(actor: Actor, limit = 100): Promise<IntakeErrorRow[] | null> {
  if (!isSystemActor(actor) && !isAdmin(actor)) return null;
  const rows = await db(actor).intakeError.findMany({ orderBy: { occurredAt: 'desc' }, take: limit });
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurredAt,
    queue: row.queue,
    messageId: row.messageId,
    applicationProperties: (row.applicationProperties ?? {}) as TransportMetadata,
    code: row.code,
    reason: row.reason,
    spoofingSuspected: row.spoofingSuspected,
  }));
}

/** Documents stored from AMQP per queue (from the stored rows: every process's consumer counts). */
export async function countStoredByQueue(actor: Actor): Promise<Record<string, number> | null> {
  if (!isSystemActor(actor) && !isAdmin(actor)) return null;
  const rows = await db(actor).$queryRaw<{ queue: string; count: bigint }[]>`
    SELECT queue, count(*) AS count FROM (
      SELECT transport_metadata->>'queue' AS queue FROM message WHERE transport = 'AMQP' AND transport_metadata IS NOT NULL
      UNION ALL
      SELECT transport_metadata->>'queue' AS queue FROM apprec WHERE transport = 'AMQP' AND transport_metadata IS NOT NULL
    ) stored GROUP BY queue`;
  return Object.fromEntries(rows.map((row) => [row.queue, Number(row.count)]));
}
