import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonViewer as Viewer } from '@/lib/access/rules/actor';
import { db } from '@/lib/db';
import { auditRowsDuring, createTestCast, createTestViewer } from '@/lib/db/testing/viewers';
import { createUser, getUser, listUnderstaffedMunicipalities, listUsers, setUserActive, updateUser } from './users';
import { searchAuditLog } from './audit-log';

describe('user administration', () => {
  let admin: Viewer;
  let staff: Viewer;
  let contact: Viewer;

  beforeAll(async () => {
    ({ admin, staff, oslo: contact } = await createTestCast('admin', 'staff', 'oslo'));
  });

  it('is for FHI admins only: others get nothing and change nothing', async () => {
    for (const viewer of [staff, contact]) {
      expect(await listUsers(viewer)).toBeNull();
      expect(await getUser(viewer, admin.userId)).toBeNull();
      expect(await listUnderstaffedMunicipalities(viewer)).toBeNull();
      expect(
        await updateUser(viewer, admin.userId, {
          name: 'X',
          email: 'x@example.no',
          role: 'FHI_ADMIN',
          municipalityNumbers: [],
        }),
      ).toBeNull();
      expect(await setUserActive(viewer, admin.userId, false)).toBe(false);
      expect(await searchAuditLog(viewer, { days: 30 }, new Date())).toBeNull();
      expect(
        await createUser(viewer, { name: 'Ny', email: 'ny@example.no', role: 'FHI_ADMIN', municipalityNumbers: [] }),
      ).toBeNull();
    }
    expect(await db().user.count({ where: { email: { in: ['x@example.no', 'ny@example.no'] } } })).toBe(0);
  });

  it('registers, edits and deactivates a contact, one audit row per change', async () => {
    let created: Awaited<ReturnType<typeof createUser>> | undefined;
    const createRows = await auditRowsDuring(db(), async () => {
      created = await createUser(admin, {
        name: 'Kari Kontakt',
        email: 'kari@bergen.example.no',
        role: 'MUNICIPAL_CONTACT',
        municipalityNumbers: ['4601', '4601'],
      });
    });
    expect(created).toMatchObject({ ok: true });
    expect(createRows.map((r) => r.action)).toEqual(['admin.user.create']);
    const id = created!.ok ? created!.id : '';
    expect((await getUser(admin, id))?.municipalities).toEqual([{ number: '4601', name: 'Bergen' }]);

    const updateRows = await auditRowsDuring(db(), () =>
      updateUser(admin, id, {
        name: 'Kari Kontakt',
        email: 'kari@bergen.example.no',
        role: 'MUNICIPAL_CONTACT',
        municipalityNumbers: ['4601', '4602'],
      }),
    );
    expect(updateRows.map((r) => r.action)).toEqual(['admin.user.update']);
    expect((await getUser(admin, id))?.municipalities.map((m) => m.number)).toEqual(['4601', '4602']);

    await db().session.create({
      data: { sessionToken: 'kari-session', userId: id, expires: new Date(Date.now() + 3_600_000) },
    });
    const deactivateRows = await auditRowsDuring(db(), () => setUserActive(admin, id, false));
    expect(deactivateRows.map((r) => r.action)).toEqual(['admin.user.deactivate']);
    expect(await db().session.count({ where: { userId: id } })).toBe(0);
    expect((await getUser(admin, id))?.active).toBe(false);
  });

  it('refuses unknown municipalities and duplicate e-mail addresses with a clear message', async () => {
    expect(
      await createUser(admin, {
        name: 'A',
        email: 'a@example.no',
        role: 'MUNICIPAL_CONTACT',
        municipalityNumbers: ['9999'],
      }),
    ).toEqual({
      ok: false,
      field: 'municipalityNumbers',
      message: 'Ukjent kommunenummer: 9999.',
    });
    await createUser(admin, { name: 'B', email: 'b@example.no', role: 'FHI_STAFF', municipalityNumbers: [] });
    expect(
      await createUser(admin, { name: 'B2', email: 'b@example.no', role: 'FHI_STAFF', municipalityNumbers: [] }),
    ).toMatchObject({
      ok: false,
      field: 'email',
    });
  });

  it('flags municipalities with fewer than two active contacts', async () => {
    const understaffed = await listUnderstaffedMunicipalities(admin);
    expect(understaffed?.find((m) => m.number === '0301')).toEqual({ number: '0301', name: 'Oslo', activeContacts: 1 });
    await createTestViewer(db(), 'MUNICIPAL_CONTACT', ['0301']);
    expect((await listUnderstaffedMunicipalities(admin))?.find((m) => m.number === '0301')).toBeUndefined();
  });

  it('answers who looked at a municipality, and the log cannot be changed', async () => {
    const { getMunicipalityStatus } = await import('../../status/data/status');
    await getMunicipalityStatus(contact, '0301', { asOf: new Date() });
    const events = await searchAuditLog(
      admin,
      { municipality: '0301', action: 'municipality.view', days: 30 },
      new Date(),
    );
    expect(events?.map((e) => e.actorEmail)).toContain(
      (await db().user.findUnique({ where: { id: contact.userId } }))?.email,
    );

    await expect(db().auditEvent.updateMany({ data: { outcome: 'FAILURE' } })).rejects.toThrow(/append-only/);
    await expect(db().auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
  });
});
