/**
 * Transport errors from NHN's `_error` queues: recorded once each (redelivery stores nothing twice),
 * linked to the stored message they concern by its MsgId (or to the Apprec, and through it to the
 * message it answers) and so to a municipality; one that links to nothing is kept and listed for FHI,
 * never dropped. The link is made when read, like an Apprec's: an error may come before its message.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { denied, municipalityScope, scopeParameter, type Actor } from '@/lib/access';
import { classifyNationalId } from '@/lib/core/identifiers';
import { sql } from '@/lib/db/sql';
import { transportErrorLabel } from '../labels';
import type { AmqpMessageParts } from '../rules/amqp-message';
import { transportErrorReport, type TransportErrorReport } from '../rules/transport-error';

export type { TransportErrorReport };

/** What a transport error concerns: a stored message, or an Apprec and the message it answers. */
export interface TransportErrorConcerns {
  kind: 'MESSAGE' | 'APPREC';
  /** The stored KPR message (MsgId): the error's, or the one the Apprec answers. */
  msgId: string;
  type: 'KPR_IPL' | 'KPR_IDE';
  municipalityNumber: string | null;
  seasonKey: string;
}

export interface RecordedTransportError {
  id: string;
  /** False when this error was recorded before (a redelivery). */
  created: boolean;
  /** In Norwegian, e.g. "Transportfeil: sertifikatet er utløpt". */
  label: string;
  /** Null when it concerns no stored message (kept, and listed for FHI). */
  concerns: TransportErrorConcerns | null;
}

export interface TransportErrorRow {
  id: string;
  receivedAt: Date;
  errorCondition: string;
  label: string;
  originalMessageId: string | null;
  queue: string | null;
  concerns: (TransportErrorConcerns & { municipalityName: string | null }) | null;
}

const MAX_TEXT = 2000;

/**
 * Text from another party may hold anything: an 11-digit run that could be an identity number (it
 * passes the fødselsnummer/D-number checks) is never stored. Other digit runs stay, so that a MsgId
 * (often a UUID, whose last group may be all digits) still links to its message.
 */
function cleanText(value: string | null | undefined, max = MAX_TEXT): string | null {
  if (value == null) return null;
  const cleaned = value
    .replace(/\d{11,}/g, (digits) =>
      digits.length === 11 && classifyNationalId(digits) !== 'INVALID' ? '•••••••••••' : digits,
    )
    .trim()
    .slice(0, max);
  return cleaned === '' ? null : cleaned;
}

function herId(value: number | string | null | undefined): number | null {
  const number = typeof value === 'string' ? Number(value.trim()) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number > 0 && number < 2 ** 31 ? number : null;
}

function instant(value: string | Date | null | undefined): Date | null {
  if (value == null || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The error message's own id, else its properties: the same error redelivered gives the same key. */
function dedupeKey(report: TransportErrorReport): string {
  const own = cleanText(report.messageId, 500);
  if (own) return `message-id:${own}`;
  const hash = createHash('sha256')
    .update(
      JSON.stringify([
        report.originalMessageId ?? null,
        report.errorCondition ?? null,
        report.errorDescription ?? null,
        instant(report.receiverTimeStamp)?.toISOString() ?? String(report.receiverTimeStamp ?? ''),
        report.queue ?? null,
      ]),
    )
    .digest('hex');
  return `properties:${hash}`;
}

const CONCERNS_SQL = `
  SELECT 'MESSAGE' AS kind, m.msg_id AS "msgId", m.type::text AS type, m.municipality_number AS "municipalityNumber", s.key AS "seasonKey"
  FROM message m JOIN season s ON s.id = m.season_id WHERE m.msg_id = $1
  UNION ALL
  SELECT 'APPREC', m.msg_id, m.type::text, m.municipality_number, s.key
  FROM apprec a JOIN message m ON m.msg_id = a.original_msg_id JOIN season s ON s.id = m.season_id WHERE a.apprec_id = $1
  LIMIT 1`;

async function concernsOf(actor: Actor, originalMessageId: string | null): Promise<TransportErrorConcerns | null> {
  if (!originalMessageId) return null;
  const [row] = await sql(actor).query<TransportErrorConcerns>(CONCERNS_SQL, [originalMessageId]);
  return row ?? null;
}

/**
 * Records a transport error from an `_error` queue, once (idempotent on the error message's id, else
 * on its properties), and says what it concerns. The consumer's system actor (or FHI) records; a
 * municipal contact may not.
 */
export async function recordTransportError(
  actor: Actor,
  report: TransportErrorReport,
): Promise<RecordedTransportError | null> {
  if (!municipalityScope(actor).all) return denied(actor, 'transport.error.record');
  const originalMessageId = cleanText(report.originalMessageId, 500);
  const errorCondition = cleanText(report.errorCondition, 200) ?? '';
  const key = dedupeKey(report);
  const inserted = await sql(actor).query<{ id: string }>(
    `INSERT INTO transport_error (id, dedupe_key, original_message_id, error_condition, error_description,
       receiver_timestamp, received_at, queue, from_her_id, to_her_id)
     VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id`,
    [
      uuidv7(),
      key,
      originalMessageId,
      errorCondition,
      cleanText(report.errorDescription),
      instant(report.receiverTimeStamp),
      report.receivedAt,
      cleanText(report.queue, 300),
      herId(report.fromHerId),
      herId(report.toHerId),
    ],
  );
  const [row] = inserted.length
    ? inserted
    : await sql(actor).query<{ id: string }>(`SELECT id FROM transport_error WHERE dedupe_key = $1`, [key]);
  return {
    id: row!.id,
    created: inserted.length > 0,
    label: transportErrorLabel(errorCondition),
    concerns: await concernsOf(actor, originalMessageId),
  };
}

/** The consumer's recorder for an `_error` queue: the message's application properties, recorded as above. */
export async function recordTransportErrorMessage(
  actor: Actor,
  queue: string,
  message: AmqpMessageParts,
): Promise<RecordedTransportError | null> {
  return recordTransportError(actor, transportErrorReport(queue, message, new Date()));
}

/**
 * Transport errors in the actor's scope, newest first: those about a municipality's messages for
 * its contacts; for FHI and system actors also those that concern no stored message
 * (`unlinkedOnly`: only those, as the worklist lists them).
 */
export async function listTransportErrors(
  actor: Actor,
  options: { unlinkedOnly?: boolean; limit?: number } = {},
): Promise<TransportErrorRow[]> {
  const numbers = scopeParameter(actor);
  if (options.unlinkedOnly && numbers) return [];
  const conditions = [
    options.unlinkedOnly ? 'm.msg_id IS NULL' : '',
    numbers ? 'm.municipality_number = ANY($2::text[])' : '',
  ].filter(Boolean);
  const rows = await sql(actor).query<
    Omit<TransportErrorRow, 'label' | 'concerns'> & {
      kind: 'MESSAGE' | 'APPREC';
      msgId: string | null;
      type: 'KPR_IPL' | 'KPR_IDE' | null;
      municipalityNumber: string | null;
      municipalityName: string | null;
      seasonKey: string | null;
    }
  >(
    `SELECT t.id, t.received_at AS "receivedAt", t.error_condition AS "errorCondition",
       t.original_message_id AS "originalMessageId", t.queue,
       CASE WHEN a.id IS NULL THEN 'MESSAGE' ELSE 'APPREC' END AS kind,
       m.msg_id AS "msgId", m.type::text AS type, m.municipality_number AS "municipalityNumber",
       mu.short_name AS "municipalityName", s.key AS "seasonKey"
     FROM transport_error t
     LEFT JOIN apprec a ON a.apprec_id = t.original_message_id
     LEFT JOIN message m ON m.msg_id = COALESCE(a.original_msg_id, t.original_message_id)
     LEFT JOIN season s ON s.id = m.season_id
     LEFT JOIN municipality mu ON mu.number = m.municipality_number
     ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY t.received_at DESC, t.id DESC
     LIMIT $1`,
    numbers ? [options.limit ?? 200, numbers] : [options.limit ?? 200],
  );
  return rows.map(({ kind, msgId, type, municipalityNumber, municipalityName, seasonKey, ...row }) => ({
    ...row,
    label: transportErrorLabel(row.errorCondition),
    concerns:
      msgId && type && seasonKey ? { kind, msgId, type, municipalityNumber, municipalityName, seasonKey } : null,
  }));
}
