/**
 * The write of one ingested document as ONE SQL statement: the parent row (message or AppRec)
 * inserted unless its id is already taken, and — only when it was — its children (findings or
 * AppRec errors) and the audit event. One statement is atomic on its own, so no interactive
 * transaction (and its extra round trips) is needed; the unique index makes concurrent duplicates
 * wait for the first writer and then insert nothing. A resend is then read back, and audited when
 * it is an exact duplicate, in one more statement.
 *
 * The write is the hot statement of ingestion: it is a prepared statement (lib/db/sql.ts, one per
 * shape: message or AppRec, with or without children), not Prisma's raw query path.
 */
import 'server-only';
import { sqlOf, type PrismaClient } from '@/lib/db/client';

export type Row = Record<string, string | number | boolean | object | null>;

interface DocumentWrite {
  parent: { table: 'message' | 'apprec'; uniqueColumn: 'msg_id' | 'apprec_id'; row: Row };
  children: { table: 'finding' | 'apprec_error'; rows: Row[] };
  audit: Row;
}

/** INSERT of the rows a JSON array parameter holds, by column name (names come from this module's callers, never from input). */
function insert(table: string, columns: string[], parameter: string, condition = ''): string {
  const list = columns.map((column) => `"${column}"`).join(', ');
  return `INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", ${parameter}::json) ${condition}`;
}

/** Inserts the document; true when this call stored it, false when the parent's unique id was already taken. */
export async function writeDocument(prisma: PrismaClient, write: DocumentWrite): Promise<boolean> {
  const { parent, children, audit } = write;
  const stored = 'WHERE EXISTS (SELECT 1 FROM parent)';
  const sql = `WITH parent AS (${insert(parent.table, Object.keys(parent.row), '$1')} ON CONFLICT ("${parent.uniqueColumn}") DO NOTHING RETURNING id),
    children AS (${children.rows.length > 0 ? insert(children.table, Object.keys(children.rows[0]!), '$2', stored) : 'SELECT $2::json'}),
    audit AS (${insert('audit_event', Object.keys(audit), '$3', stored)})
    SELECT id::text FROM parent`;
  const rows = await sqlOf(prisma).query<{ id: string }>(sql, [
    JSON.stringify([parent.row]),
    JSON.stringify(children.rows),
    JSON.stringify([audit]),
  ]);
  return rows.length > 0;
}

/**
 * The stored document a resend collided with — `stored` is a SELECT of one row by its unique id
 * (`$1`) with a `"payloadSha256"` column — and, in the same statement, `audit` recorded only when
 * the stored SHA-256 equals `sha256` (an exact duplicate; a conflicting resend is audited as a
 * failure by the caller). The row exists: the insert only skips a committed row.
 */
export async function readResent<T extends { payloadSha256: string }>(
  prisma: Pick<PrismaClient, '$queryRawUnsafe'>,
  stored: string,
  uniqueValue: string,
  sha256: string,
  audit: Row,
): Promise<T> {
  const sql = `WITH stored AS (${stored}),
    audit AS (${insert('audit_event', Object.keys(audit), '$3', 'WHERE EXISTS (SELECT 1 FROM stored WHERE "payloadSha256" = $2)')})
    SELECT * FROM stored`;
  const [row] = await prisma.$queryRawUnsafe<T[]>(sql, uniqueValue, sha256, JSON.stringify([audit]));
  if (!row) throw new Error('The stored document a resend collided with was not found.');
  return row;
}
