/**
 * API keys for machine clients (FHI admins only): create (the secret is returned once, only its
 * hash is kept), list, revoke. Every function checks the viewer itself; every change is audited.
 * The demo's key is provisioned by the launcher (provisionDemoApiKey).
 */
import 'server-only';
import { z } from 'zod';
import { maskIdentityNumbers } from '@/lib/core/identity-masking';
import { db } from '@/lib/db';
import { apiKeyPrefix, generateApiKeySecret, hashApiKey } from '../api-keys';
import { auditActor, isAdmin, type SystemActor, type Viewer } from '../rules/actor';
import { forgetCachedApiKeys } from './api-key-check';
import { recordAudit } from './audit';

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: ('INGEST' | 'READ')[];
  demo: boolean;
  createdAt: Date;
  createdByName: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export const apiKeyInputSchema = z.object({
  name: z.string().trim().min(2, 'Gi nøkkelen et navn (minst to tegn).').max(100, 'Navnet kan ha høyst 100 tegn.'),
  scopes: z
    .array(z.enum(['INGEST', 'READ'], 'Velg INGEST og/eller READ.'))
    .min(1, 'Velg minst ett tilgangsområde.')
    .max(10, 'Velg INGEST og/eller READ.')
    .transform((scopes) => [...new Set(scopes)].sort()),
});
export type ApiKeyInput = z.input<typeof apiKeyInputSchema>;

/** All keys, newest first, or null when the viewer is not an FHI admin (answered as not found). */
export async function listApiKeys(viewer: Viewer): Promise<ApiKeyRow[] | null> {
  if (!isAdmin(viewer)) return null;
  const keys = await db(viewer).apiKey.findMany({
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      demo: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true } },
    },
  });
  return keys.map(({ createdBy, ...key }) => ({
    ...key,
    scopes: [...new Set(key.scopes)].sort(),
    createdByName: createdBy?.name ?? null,
  }));
}

/** Creates a key and returns its secret — the only time it is ever available — or null for a non-admin. */
export async function createApiKey(viewer: Viewer, input: ApiKeyInput): Promise<{ id: string; secret: string } | null> {
  if (!isAdmin(viewer) || !viewer.userId) return null;
  const parsed = apiKeyInputSchema.parse(input);
  // The key's name is free text: an identity number typed into it is masked before it is stored.
  const { name, scopes } = { ...parsed, name: maskIdentityNumbers(parsed.name) };
  const secret = generateApiKeySecret();
  const key = await db(viewer).$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: { name, scopes, prefix: apiKeyPrefix(secret), hash: hashApiKey(secret), createdById: viewer.userId },
      select: { id: true },
    });
    await recordAudit(tx, {
      action: 'admin.api_key.create',
      outcome: 'SUCCESS',
      actor: auditActor(viewer),
      requestId: viewer.requestId,
      details: { apiKeyId: created.id, name, scopes },
    });
    return created;
  });
  return { id: key.id, secret };
}

/**
 * Revokes a key; false when the viewer may not, or there is no such active key. The key stops
 * working at once in this server process and within API_KEY_CACHE_MS in any other.
 */
export async function revokeApiKey(viewer: Viewer, id: string, now: Date): Promise<boolean> {
  if (!isAdmin(viewer) || !z.uuid().safeParse(id).success) return false;
  const revoked = await db(viewer).$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) return false;
    await recordAudit(tx, {
      action: 'admin.api_key.revoke',
      outcome: 'SUCCESS',
      actor: auditActor(viewer),
      requestId: viewer.requestId,
      details: { apiKeyId: id },
    });
    return true;
  });
  if (revoked) forgetCachedApiKeys();
  return revoked;
}

/**
 * The demo's API key (INGEST and READ) with the value of DEMO_API_KEY, so the API can be tried at
 * once; true when it was made now. Made once: an existing key with that value is left as it is (a
 * revoked demo key stays revoked). Only on a database the launcher created: anything else is refused.
 */
export async function provisionDemoApiKey(actor: SystemActor, secret: string, demoDatabase: boolean): Promise<boolean> {
  if (!demoDatabase) throw new Error('DEMO_API_KEY is only provisioned on the demo database (DEMO_DATABASE=yes).');
  const created = await db(actor).apiKey.createMany({
    data: [
      {
        name: 'Demo-nøkkel (DEMO_API_KEY)',
        scopes: ['INGEST', 'READ'],
        prefix: apiKeyPrefix(secret),
        hash: hashApiKey(secret),
        demo: true,
      },
    ],
    skipDuplicates: true,
  });
  return created.count > 0;
}
