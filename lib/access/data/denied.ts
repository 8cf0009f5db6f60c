/** The audit record of a refusal: the viewer asked for something outside their scope (answered as not found). */
import 'server-only';
import { recordAudit } from '@/lib/access/data/audit';
import { auditActor, type Viewer } from '@/lib/access/rules/actor';
import { db } from '@/lib/db';

/** Records the denial and answers null, as for something that does not exist. */
export async function denied(
  viewer: Viewer,
  resource: string,
  municipalityNumber: string | null = null,
): Promise<null> {
  await recordAudit(db(), {
    action: 'access.denied',
    outcome: 'DENIED',
    actor: auditActor(viewer),
    municipalityNumber: municipalityNumber && /^\d{4}$/.test(municipalityNumber) ? municipalityNumber : null,
    requestId: viewer.requestId,
    details: { resource },
  });
  return null;
}
