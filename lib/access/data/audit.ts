/**
 * The audit log: who (person or API key), in which role, did or saw what, for which municipality,
 * with what outcome. Append-only: the database refuses updates and deletes (see the migration).
 * Every event passes through auditEventData, where its details are masked for national identity
 * numbers (lib/core/identity-masking.ts): the audit log's write boundary.
 */
import { maskIdentityNumbersDeep, maskOptionalText } from '@/lib/core/identity-masking';
import type { Prisma } from '@/lib/db/generated/client';
import type { PrismaClient } from '@/lib/db/client';
import type { AuditActor } from '../rules/actor';
import type { AuditAction, AuditOutcome } from '../rules/audit';

export type { AuditAction, AuditOutcome };

export interface AuditEntry {
  action: AuditAction;
  outcome: AuditOutcome;
  actor?: AuditActor | null;
  municipalityNumber?: string | null;
  requestId?: string | null;
  /** Plain facts about the event; never identity numbers or message payloads. */
  details?: Prisma.InputJsonValue;
}

/** Digests in details (hex, computed here), never masked. */
const DIGEST_KEYS: ReadonlySet<string> = new Set(['sha256', 'bodySha256']);

/** The event's fields as the AuditEvent model names them, with identity numbers masked. */
function auditEventData(entry: AuditEntry) {
  const actor = entry.actor;
  return {
    action: entry.action,
    outcome: entry.outcome,
    actorUserId: actor && 'userId' in actor ? actor.userId : null,
    actorRole: actor && 'userId' in actor ? actor.role : null,
    actorApiKeyId: actor && 'apiKeyId' in actor ? actor.apiKeyId : null,
    actorSystem: actor && 'system' in actor ? actor.system : null,
    municipalityNumber: entry.municipalityNumber ?? null,
    requestId: maskOptionalText(entry.requestId ?? null),
    details: entry.details === undefined ? null : maskIdentityNumbersDeep(entry.details, { keep: DIGEST_KEYS }).value,
  };
}

/** The audit_event row of an entry, by column name, for writes that insert it in raw SQL together with what it records. */
export function auditEventColumns(entry: AuditEntry, at: Date) {
  const data = auditEventData(entry);
  return {
    at: at.toISOString(),
    action: data.action,
    outcome: data.outcome,
    actor_user_id: data.actorUserId,
    actor_role: data.actorRole,
    actor_api_key_id: data.actorApiKeyId,
    actor_system: data.actorSystem,
    municipality_number: data.municipalityNumber,
    request_id: data.requestId,
    details: data.details,
  };
}

/**
 * Takes the client or a transaction, so an event can commit together with what it records. An
 * INSERT without RETURNING: row-level security lets a viewer record an event it may not read back
 * (a refusal names the municipality refused).
 */
export async function recordAudit(prisma: Pick<PrismaClient, 'auditEvent'>, entry: AuditEntry): Promise<void> {
  const data = auditEventData(entry);
  await prisma.auditEvent.createMany({ data: [{ ...data, details: data.details ?? undefined }] });
}
