/**
 * The write of one ingested document as ONE SQL statement: the parent row (message or AppRec)
 * inserted unless its id is already taken, and — only when it was — its children (findings or
 * AppRec errors) and the audit event. One statement is atomic on its own, so no interactive
 * transaction (and its extra round trips) is needed; the unique index makes concurrent duplicates
 * wait for the first writer and then insert nothing. A resend is then read back, and audited when
 * it is an exact duplicate, in one more statement.
 *
 * The write is the hot statement of ingestion: it is a prepared statement (lib/db/sql.ts, one per
 * shape: message or AppRec, with or without children), not Prisma's raw query path. The actor is
 * who sent the document: the audit event records it.
 *
 * This is ingestion's write boundary for documents: every string of every row is masked for
 * national identity numbers here (lib/core/identity-masking.ts), whatever the reader did, so no
 * column can take one by accident; only the SHA-256 digests are kept as computed.
 */
import 'server-only';
import { type Actor, type AuditEntry, auditActor, auditEventColumns } from '@/lib/access';
import { maskIdentityNumbers, maskIdentityNumbersDeep } from '@/lib/core/identity-masking';
import { sql } from '@/lib/db';
import type { ApprecIngestSummary, IngestFindingSummary } from '../ingest-document';
import type { UnattributedReason } from '../rules/attribution';

export type Row = Record<string, string | number | boolean | object | null>;

/** What a document's audit event says besides who sent it (the actor) and that it was ingested. */
export type IngestAudit = Pick<AuditEntry, 'municipalityNumber' | 'details'>;

interface DocumentWrite {
  parent: { table: 'message' | 'apprec'; uniqueColumn: 'msg_id' | 'apprec_id'; row: Row };
  children: { table: 'finding' | 'apprec_error'; rows: Row[] };
  audit: IngestAudit;
}

/** INSERT of the rows a JSON array parameter holds, by column name (names come from this module's callers, never from input). */
function insert(table: string, columns: string[], parameter: string, condition = ''): string {
  const list = columns.map((column) => `"${column}"`).join(', ');
  return `INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", ${parameter}::json) ${condition}`;
}

/** The audit_event row of a successful ingestion by `actor`. */
function auditRow(actor: Actor, audit: IngestAudit): Row {
  return auditEventColumns(
    { action: 'ingest.message', outcome: 'SUCCESS', actor: auditActor(actor), requestId: actor.requestId, ...audit },
    new Date(),
  );
}

/** Digests this product computes: hex, not text, so never masked. */
const DIGEST_COLUMNS: ReadonlySet<string> = new Set(['payload_sha256']);

/** The rows with every identity number masked (see the file comment). */
function masked(rows: Row[]): Row[] {
  return maskIdentityNumbersDeep(rows, { keep: DIGEST_COLUMNS }).value;
}

/** Inserts the document; true when this call stored it, false when the parent's unique id was already taken. */
export async function writeDocument(actor: Actor, write: DocumentWrite): Promise<boolean> {
  const parent = { ...write.parent, row: masked([write.parent.row])[0]! };
  const children = { ...write.children, rows: masked(write.children.rows) };
  const audit = auditRow(actor, write.audit);
  const stored = 'WHERE EXISTS (SELECT 1 FROM parent)';
  const text = `WITH parent AS (${insert(parent.table, Object.keys(parent.row), '$1')} ON CONFLICT ("${parent.uniqueColumn}") DO NOTHING RETURNING id),
    children AS (${children.rows.length > 0 ? insert(children.table, Object.keys(children.rows[0]!), '$2', stored) : 'SELECT $2::json'}),
    audit AS (${insert('audit_event', Object.keys(audit), '$3', stored)})
    SELECT id::text FROM parent`;
  const rows = await sql(actor).query<{ id: string }>(text, [
    JSON.stringify([parent.row]),
    JSON.stringify(children.rows),
    JSON.stringify([audit]),
  ]);
  return rows.length > 0;
}

/**
 * The stored document a resend collided with — `stored` is a SELECT of one row by its unique id
 * (`$1`) with a `"payloadSha256"` column — and, in the same statement, its audit event recorded
 * only when the stored SHA-256 equals `sha256` (an exact duplicate; a conflicting resend is
 * audited as a failure by the caller). The row exists: the insert only skips a committed row.
 */
async function readResent<T extends { payloadSha256: string }>(
  actor: Actor,
  stored: string,
  uniqueValue: string,
  sha256: string,
  audit: IngestAudit,
): Promise<T> {
  const auditColumns = auditRow(actor, audit);
  const text = `WITH stored AS (${stored}),
    audit AS (${insert('audit_event', Object.keys(auditColumns), '$3', 'WHERE EXISTS (SELECT 1 FROM stored WHERE "payloadSha256" = $2)')})
    SELECT * FROM stored`;
  const [row] = await sql(actor).query<T>(text, [
    maskIdentityNumbers(uniqueValue),
    sha256,
    JSON.stringify([auditColumns]),
  ]);
  if (!row) throw new Error('The stored document a resend collided with was not found.');
  return row;
}

export interface ResentMessageRow {
  id: string;
  type: 'KPR_IPL' | 'KPR_IDE';
  environment: 'PRODUCTION' | 'VALIDATION';
  season: string;
  municipalityNumber: string | null;
  municipalityNumberAsSent: string | null;
  attribution: 'PAYLOAD' | 'SENDER' | 'RUN' | 'ASSIGNED' | 'UNATTRIBUTED';
  /** Why it could not be attributed when it arrived; kept after it was. */
  unattributedReason: UnattributedReason | null;
  genDate: Date;
  receivedAt: Date;
  contentSummary: unknown;
  payloadSha256: string;
  findings: IngestFindingSummary[];
}

/** The stored message with this MsgId and its check findings; its audit event written when `sha256` matches. */
export function readResentMessage(
  actor: Actor,
  msgId: string,
  sha256: string,
  audit: IngestAudit,
): Promise<ResentMessageRow> {
  return readResent<ResentMessageRow>(
    actor,
    `SELECT m.id, m.type, m.environment, s.key AS season, m.municipality_number AS "municipalityNumber",
        m.municipality_number_as_sent AS "municipalityNumberAsSent", m.attribution,
        CASE WHEN m.attribution = 'UNATTRIBUTED' THEN m.unattributed_reason END AS "unattributedReason", m.gen_date AS "genDate", m.received_at AS "receivedAt",
        m.content_summary AS "contentSummary", m.payload_sha256 AS "payloadSha256",
        (SELECT coalesce(json_agg(json_build_object('code', f.code, 'severity', f.severity, 'count', f.count, 'message', f.message)), '[]')
          FROM finding f WHERE f.message_id = m.id AND f.source = 'INGEST_CHECK') AS findings
      FROM message m JOIN season s ON s.id = m.season_id WHERE m.msg_id = $1`,
    msgId,
    sha256,
    audit,
  );
}

export interface ResentApprecRow {
  id: string;
  apprecId: string;
  originalMsgId: string;
  status: ApprecIngestSummary['status'];
  version: ApprecIngestSummary['version'];
  genDate: Date;
  receivedAt: Date;
  payloadSha256: string;
  errors: ApprecIngestSummary['errors'];
}

/** The stored AppRec with this Id and its errors in order; its audit event written when `sha256` matches. */
export function readResentApprec(
  actor: Actor,
  apprecId: string,
  sha256: string,
  audit: IngestAudit,
): Promise<ResentApprecRow> {
  return readResent<ResentApprecRow>(
    actor,
    `SELECT a.id, a.apprec_id AS "apprecId", a.original_msg_id AS "originalMsgId", a.status, a.version, a.gen_date AS "genDate",
        a.received_at AS "receivedAt", a.payload_sha256 AS "payloadSha256",
        (SELECT coalesce(json_agg(json_build_object('code', e.code, 'codeSystem', e.code_system, 'displayName', e.display_name) ORDER BY e.position), '[]')
          FROM apprec_error e WHERE e.apprec_id = a.id) AS errors
      FROM apprec a WHERE a.apprec_id = $1`,
    apprecId,
    sha256,
    audit,
  );
}
