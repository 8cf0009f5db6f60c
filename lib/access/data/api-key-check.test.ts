import { describe, expect, it } from 'vitest';
import { generateApiKeySecret, hashApiKey } from '@/lib/access/api-keys';
import { systemActor } from '@/lib/access/rules/actor';
import { db } from '@/lib/db';
import { API_KEY_CACHE_MS, checkApiKey, forgetCachedApiKeys } from './api-key-check';

const signIn = systemActor('sign-in');

describe('API keys', () => {
  it('are stored as a hash, checked for scope and revocation, and record their last use', async () => {
    const secret = generateApiKeySecret();
    expect(secret).toMatch(/^kpr_[A-Za-z0-9_-]{43}$/);
    const key = await db().apiKey.create({
      data: { name: 'Mottak', prefix: secret.slice(0, 8), hash: hashApiKey(secret), scopes: ['INGEST'] },
    });
    expect(key.hash).not.toContain(secret.slice(4));

    const now = new Date('2026-01-12T10:00:00Z');
    const ok = await checkApiKey(signIn, secret, 'INGEST', 'req-1', now);
    expect(ok).toMatchObject({
      ok: true,
      viewer: { apiKeyId: key.id, userId: null, role: 'FHI_STAFF', requestId: 'req-1' },
    });
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toEqual(now);

    expect(await checkApiKey(signIn, secret, 'READ', 'r', now)).toMatchObject({
      ok: false,
      status: 403,
      code: 'FORBIDDEN',
    });
    expect(await checkApiKey(signIn, `${secret}x`, 'INGEST', 'r', now)).toMatchObject({ ok: false, status: 401 });
    await db().apiKey.update({ where: { id: key.id }, data: { revokedAt: now } });
    forgetCachedApiKeys();
    expect(await checkApiKey(signIn, secret, 'INGEST', 'r', now)).toMatchObject({ ok: false, status: 401 });
  });

  it('reuse what they read for at most API_KEY_CACHE_MS: a revocation by another process is honoured within that bound', async () => {
    const secret = generateApiKeySecret();
    const key = await db().apiKey.create({
      data: { name: 'Mottak', prefix: secret.slice(0, 8), hash: hashApiKey(secret), scopes: ['INGEST'] },
    });
    const readAt = new Date('2026-01-12T10:00:00Z');
    const at = (ms: number) => new Date(readAt.getTime() + ms);
    expect(await checkApiKey(signIn, secret, 'INGEST', 'r', readAt)).toMatchObject({ ok: true });

    // Revoked behind this process's back (another server process, or straight in the database).
    await db().apiKey.update({ where: { id: key.id }, data: { revokedAt: readAt } });
    expect(await checkApiKey(signIn, secret, 'INGEST', 'r', at(API_KEY_CACHE_MS - 1))).toMatchObject({ ok: true });
    expect(await checkApiKey(signIn, secret, 'INGEST', 'r', at(API_KEY_CACHE_MS))).toMatchObject({
      ok: false,
      status: 401,
    });
    // A clock set back does not extend the trust either.
    await db().apiKey.update({ where: { id: key.id }, data: { revokedAt: null } });
    forgetCachedApiKeys();
    expect(await checkApiKey(signIn, secret, 'INGEST', 'r', readAt)).toMatchObject({ ok: true });
    await db().apiKey.update({ where: { id: key.id }, data: { revokedAt: readAt } });
    expect(await checkApiKey(signIn, secret, 'INGEST', 'r', at(-1))).toMatchObject({ ok: false, status: 401 });
  });

  it('record the last use at most once a minute, also while the key is cached', async () => {
    const secret = generateApiKeySecret();
    const key = await db().apiKey.create({
      data: { name: 'Mottak', prefix: secret.slice(0, 8), hash: hashApiKey(secret), scopes: ['INGEST'] },
    });
    const first = new Date('2026-01-12T10:00:00Z');
    const lastUsed = async () => (await db().apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt;
    await checkApiKey(signIn, secret, 'INGEST', 'r', first);
    await checkApiKey(signIn, secret, 'INGEST', 'r', new Date(first.getTime() + 1_000));
    expect(await lastUsed()).toEqual(first);
    const minuteLater = new Date(first.getTime() + 61_000);
    await checkApiKey(signIn, secret, 'INGEST', 'r', minuteLater);
    expect(await lastUsed()).toEqual(minuteLater);
  });
});
