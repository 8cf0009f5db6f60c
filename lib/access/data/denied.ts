/** The audit record of a refusal: the actor asked for something outside their scope (answered as not found). */
import 'server-only';
import { db } from '@/lib/db';
import { auditActor, type Actor } from '../rules/actor';
import { recordAudit } from './audit';

/** Records the denial and answers null, as for something that does not exist. */
export async function denied(actor: Actor, resource: string, municipalityNumber: string | null = null): Promise<null> {
  await recordAudit(db(actor), {
    action: 'access.denied',
    outcome: 'DENIED',
    actor: auditActor(actor),
    municipalityNumber: municipalityNumber && /^\d{4}$/.test(municipalityNumber) ? municipalityNumber : null,
    requestId: actor.requestId,
    details: { resource },
  });
  return null;
}
