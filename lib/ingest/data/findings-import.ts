/**
 * The database side of a findings import (lib/ingest/import-findings.ts): the earlier import of
 * an idempotency key, the messages rows name, and the write of every row in one transaction. The
 * importer is the actor: an FHI API key or an FHI person.
 *
 * The write boundary of imported findings: the client's key and every finding's code and message
 * are masked for national identity numbers (lib/core/identity-masking.ts) before they are stored
 * or looked up, so "[fødselsnummer fjernet]" stands where a number was.
 */
import 'server-only';
import { type Actor, auditActor, scopeWhere } from '@/lib/access';
import { maskIdentityNumbers } from '@/lib/core/identity-masking';
import { db } from '@/lib/db';
import type { Severity } from '@/lib/core/severity';

export interface StoredFindingsImport {
  id: string;
  bodySha256: string;
  /** The municipality of each finding it wrote. */
  municipalityNumbers: string[];
}

export interface FindingToImport {
  municipalityNumber: string;
  seasonId: string;
  messageId: string | null;
  code: string;
  severity: Severity;
  message: string;
  count: number;
}

/** Earlier reads go through a client or the import's transaction. */
type Reader = Pick<ReturnType<typeof db>, 'findingImport'>;

async function readImport(reader: Reader, key: string): Promise<StoredFindingsImport | null> {
  const stored = await reader.findingImport.findUnique({
    where: { key },
    select: { id: true, bodySha256: true, findings: { select: { municipalityNumber: true } } },
  });
  return stored
    ? {
        id: stored.id,
        bodySha256: stored.bodySha256,
        municipalityNumbers: stored.findings.map((f) => f.municipalityNumber),
      }
    : null;
}

/** The import made earlier with this idempotency key, or null. */
export function findFindingsImport(actor: Actor, key: string): Promise<StoredFindingsImport | null> {
  return readImport(db(actor), maskIdentityNumbers(key));
}

/** The ids of the received messages with these MsgIds that the actor may see, by MsgId. */
export async function findMessageIds(actor: Actor, msgIds: string[]): Promise<Map<string, string>> {
  const messages = await db(actor).message.findMany({
    where: { msgId: { in: msgIds }, municipalityNumber: scopeWhere(actor) },
    select: { id: true, msgId: true },
  });
  return new Map(messages.map((m) => [m.msgId, m.id]));
}

/**
 * Writes the import and all its findings in one transaction, or — when a concurrent request with
 * the same key won the insert — nothing, answering with that import.
 */
export async function writeFindingsImport(
  actor: Actor,
  key: string,
  bodySha256: string,
  findings: FindingToImport[],
  detectedAt: Date,
): Promise<{ created: true; importId: string } | { created: false; existing: StoredFindingsImport }> {
  return db(actor).$transaction(async (tx) => {
    const created = await tx.findingImport.createManyAndReturn({
      data: [{ key: maskIdentityNumbers(key), bodySha256, ...importer(actor) }],
      skipDuplicates: true,
      select: { id: true },
    });
    const importId = created[0]?.id;
    if (importId === undefined) return { created: false, existing: (await readImport(tx, maskIdentityNumbers(key)))! };
    await tx.finding.createMany({
      data: findings.map((finding) => ({
        ...finding,
        code: maskIdentityNumbers(finding.code),
        message: maskIdentityNumbers(finding.message),
        importId,
        source: 'FHI_VALIDATION' as const,
        detectedAt,
      })),
    });
    return { created: true, importId };
  });
}

function importer(actor: Actor): { apiKeyId: string } | { userId: string } {
  const recorded = auditActor(actor);
  if ('apiKeyId' in recorded) return { apiKeyId: recorded.apiKeyId };
  if ('userId' in recorded) return { userId: recorded.userId };
  throw new Error('findings are imported by a person or an API key');
}
