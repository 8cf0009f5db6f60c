/**
 * API keys for machine clients (FHI's receiving pipeline, reporting tools). The secret is shown
 * once; only its SHA-256 is stored, so a leaked database does not leak usable keys.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@/lib/db/client';
import type { Viewer } from './rules/actor';

export type ApiKeyScope = 'INGEST' | 'READ';

/** Keys look like `kpr_<43 url-safe characters>`; the prefix makes a leaked key easy to recognise. */
export const API_KEY_PREFIX = 'kpr_';

/** What is kept in clear to recognise a key in lists: the `kpr_` prefix and 6 more characters. */
export function apiKeyPrefix(secret: string): string {
  return secret.slice(0, API_KEY_PREFIX.length + 6);
}

export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function generateApiKeySecret(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

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

async function findKey(prisma: PrismaClient, hash: string, now: number): Promise<StoredKey | null> {
  const cached = keyCache.get(hash);
  if (cached && now >= cached.readAt && now - cached.readAt < API_KEY_CACHE_MS) return cached.key;
  const key = await prisma.apiKey.findUnique({
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
 */
export async function checkApiKey(
  prisma: PrismaClient,
  secret: string,
  scope: ApiKeyScope,
  requestId: string,
  now: Date,
): Promise<ApiKeyCheck> {
  const key = await findKey(prisma, hashApiKey(secret), now.getTime());
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
      await prisma.apiKey.updateMany({
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
