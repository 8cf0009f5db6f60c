/**
 * Everything ingestion has stored, read whole and as stored (column names, every column): for
 * bench:ingest, which reconciles it with what the API acknowledged and inserts the same rows
 * again as its raw baseline. Not for screens: no scope, no paging — so only a system actor reads it.
 */
import 'server-only';
import type { SystemActor } from '@/lib/access';
import { sql } from '@/lib/db';

export type StoredRow = Record<string, unknown>;

export interface StoredDocuments {
  messages: StoredRow[];
  findings: StoredRow[];
  apprecs: StoredRow[];
  apprecErrors: StoredRow[];
  /** Audit events of ingesting a document (accepted, duplicate or refused). */
  ingestAuditEvents: number;
}

export async function readStoredDocuments(actor: SystemActor): Promise<StoredDocuments> {
  const all = (table: string) => sql(actor).query<StoredRow>(`SELECT * FROM "${table}"`);
  const [messages, findings, apprecs, apprecErrors, [audit]] = await Promise.all([
    all('message'),
    all('finding'),
    all('apprec'),
    all('apprec_error'),
    sql(actor).query<{ count: number }>(
      `SELECT count(*)::int AS count FROM audit_event WHERE action = 'ingest.message'`,
    ),
  ]);
  return { messages, findings, apprecs, apprecErrors, ingestAuditEvents: audit!.count };
}
