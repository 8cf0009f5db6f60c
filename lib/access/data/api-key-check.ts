/**
 * Checking a machine client's `Bearer` API key on each request. What is read about a key is kept
 * for a few seconds, so ingestion does not pay a database round trip per request for it.
 */
import 'server-only';
import { db } from '@/lib/db';
import { hashApiKey, type ApiKeyScope } from '../api-keys';
import type { SystemActor, Viewer } from '../rules/actor';

/** How precisely the last use of a key is recorded. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * How long a process trusts what it read about a key. Ingestion checks the key on every request;
 * reading it once per key and interval instead of per request saves a database round trip each
 * time. The bound: a revocation takes effect at once in the process that made it (revokeApiKey
 * clears the cache) and within this interval in every other server process.
 */
export const API_KEY_CACHE_MS = 5_000;

interface StoredKey {
  id: string;
  name: string;
  scopes: ApiKeyScope[];
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

interface CachedKey {
  key: StoredKey;
  readAt: number;
}

/** Known keys by hash, shared by every bundle of the server process (route handlers, Server Actions). */
const globalForKeys = globalThis as unknown as { kprApiKeyCache?: Map<string, CachedKey> };
const keyCache = (globalForKeys.kprApiKeyCache ??= new Map());
/** A bound on the keys remembered; unknown keys are never cached, so only real keys count. */
const MAX_CACHED_KEYS = 1_000;

/** Forgets every key read (after a revocation, so it takes effect in this process at once). */
export function forgetCachedApiKeys(): void {
  keyCache.clear();
}

async function findKey(actor: SystemActor, hash: string, now: number): Promise<StoredKey | null> {
  const cached = keyCache.get(hash);
  if (cached && now >= cached.readAt && now - cached.readAt < API_KEY_CACHE_MS) return cached.key;
  const key = await db(actor).apiKey.findUnique({
    where: { hash },
    select: { id: true, name: true, scopes: true, revokedAt: true, lastUsedAt: true },
  });
  if (!key) {
    keyCache.delete(hash);
    return null;
  }
  if (keyCache.size >= MAX_CACHED_KEYS) keyCache.clear();
  keyCache.set(hash, { key, readAt: now });
  return key;
}

export type ApiKeyCheck =
  | { ok: true; viewer: Viewer }
  | { ok: false; status: 401 | 403; code: 'UNAUTHENTICATED' | 'FORBIDDEN'; message: string };

/**
 * The viewer for a `Bearer` API key with `scope`: an FHI-wide machine client (keys are issued by
 * FHI admins for FHI's own systems). Revoked or unknown keys are 401; a key without the scope, 403.
 * What is known about a key is reused for API_KEY_CACHE_MS (see there for the revocation bound).
 * The sign-in's system actor asks: nobody is known yet.
 */
export async function checkApiKey(
  actor: SystemActor,
  secret: string,
  scope: ApiKeyScope,
  requestId: string,
  now: Date,
): Promise<ApiKeyCheck> {
  const key = await findKey(actor, hashApiKey(secret), now.getTime());
  if (!key || key.revokedAt) {
    return { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'The API key is unknown or revoked.' };
  }
  if (!key.scopes.includes(scope)) {
    return { ok: false, status: 403, code: 'FORBIDDEN', message: `The API key does not have the ${scope} scope.` };
  }
  // Recorded to the minute: rewriting the one row on every request would make all concurrent
  // requests of a key queue on its row lock. The cached row remembers the write, so concurrent
  // requests in this process do not repeat it.
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!key.lastUsedAt || key.lastUsedAt < staleBefore) {
    const recorded = key.lastUsedAt;
    key.lastUsedAt = now;
    try {
      await db(actor).apiKey.updateMany({
        where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
        data: { lastUsedAt: now },
      });
    } catch (error) {
      key.lastUsedAt = recorded;
      throw error;
    }
  }
  return {
    ok: true,
    viewer: {
      userId: null,
      apiKeyId: key.id,
      name: key.name,
      role: 'FHI_STAFF',
      municipalityNumbers: [],
      sessionId: null,
      requestId,
    },
  };
}
