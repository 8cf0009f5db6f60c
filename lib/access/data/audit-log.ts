/** Searching the audit log ("who looked at municipality X in the last 30 days"): FHI admins only. */
import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/db/generated/client';
import { DAY_MS } from '@/lib/core/time';
import { auditActor, isAdmin, type Role, type Viewer } from '../rules/actor';
import { recordAudit } from './audit';

export const AUDIT_PAGE_SIZE = 100;

export const auditSearchSchema = z.object({
  municipality: z
    .string()
    .regex(/^\d{4}$/)
    .optional()
    .catch(undefined),
  user: z.string().trim().max(200).optional().catch(undefined),
  action: z
    .string()
    .regex(/^[a-z_.]+$/)
    .optional()
    .catch(undefined),
  days: z.coerce.number().int().min(1).max(3650).default(30).catch(30),
});
export type AuditSearch = z.infer<typeof auditSearchSchema>;

export interface AuditEventRow {
  id: string;
  at: Date;
  actorName: string | null;
  actorEmail: string | null;
  actorApiKeyId: string | null;
  actorRole: Role | null;
  action: string;
  municipalityNumber: string | null;
  outcome: 'SUCCESS' | 'DENIED' | 'FAILURE';
  requestId: string | null;
}

export async function searchAuditLog(viewer: Viewer, search: AuditSearch, now: Date): Promise<AuditEventRow[] | null> {
  if (!isAdmin(viewer)) return null;
  const users = search.user
    ? await db(viewer).user.findMany({
        where: {
          OR: [
            { email: { contains: search.user, mode: 'insensitive' } },
            { name: { contains: search.user, mode: 'insensitive' } },
          ],
        },
        select: { id: true },
      })
    : null;
  const where: Prisma.AuditEventWhereInput = {
    at: { gte: new Date(now.getTime() - search.days * DAY_MS) },
    municipalityNumber: search.municipality,
    action: search.action,
    actorUserId: users ? { in: users.map((u) => u.id) } : undefined,
  };
  const events = await db(viewer).auditEvent.findMany({ where, orderBy: { at: 'desc' }, take: AUDIT_PAGE_SIZE });
  const actorIds = [...new Set(events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))];
  const actors = new Map(
    (
      await db(viewer).user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } })
    ).map((u) => [u.id, u]),
  );
  await recordAudit(db(viewer), {
    action: 'admin.audit.search',
    outcome: 'SUCCESS',
    actor: auditActor(viewer),
    requestId: viewer.requestId,
    details: { ...search },
  });
  return events.map((event) => {
    const user = event.actorUserId ? actors.get(event.actorUserId) : undefined;
    return {
      id: event.id.toString(),
      at: event.at,
      actorName: user?.name ?? null,
      actorEmail: user?.email ?? null,
      actorApiKeyId: event.actorApiKeyId,
      actorRole: event.actorRole,
      action: event.action,
      municipalityNumber: event.municipalityNumber,
      outcome: event.outcome,
      requestId: event.requestId,
    };
  });
}
