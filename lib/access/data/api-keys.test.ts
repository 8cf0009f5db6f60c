import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type PersonViewer as Viewer } from '@/lib/access/rules/actor';
import { db } from '@/lib/db';
import { auditRowsDuring, createTestCast } from '@/lib/db/testing/viewers';
import { checkApiKey } from './api-key-check';
import { createApiKey, listApiKeys, provisionDemoApiKey, revokeApiKey } from './api-keys';

describe('API keys', () => {
  let admin: Viewer;
  let staff: Viewer;
  let contact: Viewer;

  beforeAll(async () => {
    ({ admin, staff, oslo: contact } = await createTestCast('admin', 'staff', 'oslo'));
  });

  it('is for FHI admins only', async () => {
    for (const viewer of [staff, contact]) {
      expect(await listApiKeys(viewer)).toBeNull();
      expect(await createApiKey(viewer, { name: 'Mottak', scopes: ['INGEST'] })).toBeNull();
    }
    const key = await createApiKey(admin, { name: 'Mottak', scopes: ['INGEST'] });
    for (const viewer of [staff, contact]) expect(await revokeApiKey(viewer, key!.id, new Date())).toBe(false);
    expect((await listApiKeys(admin))?.find((k) => k.id === key!.id)?.revokedAt).toBeNull();
  });

  it('creates a key whose secret works once shown, keeps only its hash, and revokes it; each change audited', async () => {
    let created: Awaited<ReturnType<typeof createApiKey>> = null;
    const createRows = await auditRowsDuring(db(), async () => {
      created = await createApiKey(admin, { name: 'FHI mottak', scopes: ['INGEST', 'READ', 'INGEST'] });
    });
    expect(createRows.map((r) => r.action)).toEqual(['admin.api_key.create']);
    const { id, secret } = created!;
    expect(JSON.stringify(createRows.map((r) => r.details))).not.toContain(secret);
    const stored = await db().apiKey.findUniqueOrThrow({ where: { id } });
    expect(stored.hash).not.toContain(secret);
    expect(secret.startsWith(stored.prefix)).toBe(true);
    const row = (await listApiKeys(admin))!.find((k) => k.id === id)!;
    expect(row).toMatchObject({ name: 'FHI mottak', scopes: ['INGEST', 'READ'], lastUsedAt: null, revokedAt: null });

    expect(await checkApiKey(systemActor('sign-in'), secret, 'INGEST', randomUUID(), new Date())).toMatchObject({
      ok: true,
    });
    expect((await listApiKeys(admin))!.find((k) => k.id === id)!.lastUsedAt).not.toBeNull();

    const revokeRows = await auditRowsDuring(db(), () => revokeApiKey(admin, id, new Date()));
    expect(revokeRows.map((r) => r.action)).toEqual(['admin.api_key.revoke']);
    expect(await revokeApiKey(admin, id, new Date())).toBe(false);
    expect(await checkApiKey(systemActor('sign-in'), secret, 'INGEST', randomUUID(), new Date())).toMatchObject({
      ok: false,
      status: 401,
    });
  });

  it('provisions the demo key once, only on the demo database', async () => {
    const secret = 'kpr_demo-key-for-tests-0123456789';
    await expect(provisionDemoApiKey(systemActor('launcher'), secret, false)).rejects.toThrow(
      /only provisioned on the demo database/,
    );
    expect(await provisionDemoApiKey(systemActor('launcher'), secret, true)).toBe(true);
    expect(await provisionDemoApiKey(systemActor('launcher'), secret, true)).toBe(false);
    expect(await checkApiKey(systemActor('sign-in'), secret, 'READ', randomUUID(), new Date())).toMatchObject({
      ok: true,
    });
    expect((await listApiKeys(admin))!.filter((k) => k.demo)).toHaveLength(1);
  });
});
