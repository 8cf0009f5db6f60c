/**
 * Ingestion's audit events outside a document's write (which records its own, in the same
 * statement): a refused or failed ingestion, and a findings import. The actor is who asked.
 */
import 'server-only';
import { type Actor, type AuditEntry, auditActor, recordAudit } from '@/lib/access';
import { db } from '@/lib/db';

export type IngestAuditEntry = Omit<AuditEntry, 'actor' | 'requestId'> & {
  action: Extract<AuditEntry['action'], 'ingest.message' | 'ingest.findings'>;
};

export async function recordIngestAudit(actor: Actor, entry: IngestAuditEntry): Promise<void> {
  await recordAudit(db(actor), { ...entry, actor: auditActor(actor), requestId: actor.requestId });
}

/** A request refused before ingestion began (content type, a header, the size): audited with its error code. */
export async function recordIngestRefusal(
  actor: Actor,
  action: IngestAuditEntry['action'],
  code: string,
): Promise<void> {
  await recordIngestAudit(actor, { action, outcome: 'FAILURE', details: { code } });
}
