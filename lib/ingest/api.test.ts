import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Viewer } from '@/lib/access';
import { generateApiKeySecret, hashApiKey } from '@/lib/access/api-keys';
import { db } from '@/lib/db';
import { authenticateIngestRequest } from '@/app/api/v1/ingest-request';

// The session side (next-auth, request headers) needs a Next.js request scope: the person signed in, if any, is set here.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock('@/lib/access/viewer', () => ({
  getRequestId: () => {
    throw new Error('the ingest routes do not run behind proxy.ts, so they must not read its request id');
  },
  getViewer: () => session.viewer,
}));
vi.mock('@/lib/access/auth', () => ({}));

describe('authenticateIngestRequest', () => {
  it('gives every request an id of its own, never the X-Request-Id a client sent', async () => {
    const secret = generateApiKeySecret();
    await db().apiKey.create({
      data: { name: 'Mottak', prefix: secret.slice(0, 8), hash: hashApiKey(secret), scopes: ['INGEST'] },
    });
    const request = () =>
      new Request('http://localhost/api/v1/messages', {
        method: 'POST',
        headers: { Authorization: `Bearer ${secret}`, 'X-Request-Id': 'forged' },
      });
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const viewer = await authenticateIngestRequest(request());
      if (viewer instanceof Response) throw new Error(`expected a viewer, got HTTP ${viewer.status}`);
      ids.push(viewer.requestId);
    }
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[1]).not.toBe(ids[0]);
  });
});

describe('a request without an API key', () => {
  afterEach(() => {
    session.viewer = null;
  });
  const post = (path: string) => new Request(`http://localhost${path}`, { method: 'POST', body: '<x/>' });

  it('from a signed-in person: 401 API_KEY_REQUIRED, saying in Norwegian and English that the API takes keys and pointing to Opplasting', async () => {
    session.viewer = {
      userId: '0190a3c2-0000-7000-8000-0000000000aa',
      apiKeyId: null,
      name: 'Saksbehandler',
      role: 'FHI_STAFF',
      municipalityNumbers: [],
      sessionId: 'session',
      requestId: 'request',
    };
    for (const path of ['/api/v1/messages', '/api/v1/findings']) {
      const answer = await authenticateIngestRequest(post(path));
      if (!(answer instanceof Response)) throw new Error('expected a refusal');
      expect(answer.status).toBe(401);
      const { error } = (await answer.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('API_KEY_REQUIRED');
      expect(error.message).toContain('API-et tar bare imot API-nøkler');
      expect(error.message).toContain('The API takes API keys only');
      expect(error.message).toContain('Opplasting: /opplasting');
    }
  });

  it('from nobody: 401 UNAUTHENTICATED asking for a key', async () => {
    const answer = await authenticateIngestRequest(post('/api/v1/messages'));
    if (!(answer instanceof Response)) throw new Error('expected a refusal');
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
  });
});

describe('the ingest rate limit at the door', () => {
  it('answers 429 with Retry-After once the key’s bucket, shared by every server process, is empty', async () => {
    const secret = generateApiKeySecret();
    const key = await db().apiKey.create({
      data: { name: 'Mottak', prefix: secret.slice(0, 8), hash: hashApiKey(secret), scopes: ['INGEST'] },
    });
    const request = () =>
      new Request('http://localhost/api/v1/messages', {
        method: 'POST',
        headers: { Authorization: `Bearer ${secret}` },
      });
    expect(await authenticateIngestRequest(request())).not.toBeInstanceOf(Response);
    // As if other server processes had taken the rest of the burst; at 200 a second a token comes
    // every 5 ms, so the refill is put a minute ahead (no time counts until then) to hold the bucket
    // empty however slowly this test runs.
    await db().ingestRateBucket.update({
      where: { apiKeyId: key.id },
      data: { tokens: 0, refilledAt: new Date(Date.now() + 60_000) },
    });
    const refused = await authenticateIngestRequest(request());
    if (!(refused instanceof Response)) throw new Error('expected a refusal');
    expect(refused.status).toBe(429);
    // INGEST_RATE_PER_SECOND (200 by default) refills a token within a second: Retry-After is whole seconds.
    expect(refused.headers.get('Retry-After')).toBe('1');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
  });
});
