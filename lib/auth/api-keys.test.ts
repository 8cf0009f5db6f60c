import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { checkApiKey, generateApiKeySecret, hashApiKey } from './api-keys';

describe('API keys', () => {
  it('are stored as a hash, checked for scope and revocation, and record their last use', async () => {
    const secret = generateApiKeySecret();
    expect(secret).toMatch(/^kpr_[A-Za-z0-9_-]{43}$/);
    const key = await db().apiKey.create({ data: { name: 'Mottak', prefix: secret.slice(0, 8), hash: hashApiKey(secret), scopes: ['INGEST'] } });
    expect(key.hash).not.toContain(secret.slice(4));

    const now = new Date('2026-01-12T10:00:00Z');
    const ok = await checkApiKey(db(), secret, 'INGEST', 'req-1', now);
    expect(ok).toMatchObject({ ok: true, viewer: { apiKeyId: key.id, userId: null, role: 'FHI_STAFF', requestId: 'req-1' } });
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toEqual(now);

    expect(await checkApiKey(db(), secret, 'READ', 'r', now)).toMatchObject({ ok: false, status: 403, code: 'FORBIDDEN' });
    expect(await checkApiKey(db(), `${secret}x`, 'INGEST', 'r', now)).toMatchObject({ ok: false, status: 401 });
    await db().apiKey.update({ where: { id: key.id }, data: { revokedAt: now } });
    expect(await checkApiKey(db(), secret, 'INGEST', 'r', now)).toMatchObject({ ok: false, status: 401 });
  });
});
