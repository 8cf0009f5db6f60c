import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonViewer as Viewer } from '@/lib/auth/viewer-types';
import { db } from '@/lib/db';
import { auditRowsDuring, createTestViewer } from '@/lib/db/testing/viewers';
import { getMunicipalityDetail, getSeason, listMunicipalityDeliveries } from './deliveries';

describe('deliveries within the viewer scope', () => {
  let seasonId: string;
  let staff: Viewer;
  let oslo: Viewer;
  let haldenMoss: Viewer;

  beforeAll(async () => {
    const season = await getSeason('2025');
    seasonId = season!.id;
    staff = await createTestViewer(db(), 'FHI_STAFF');
    oslo = await createTestViewer(db(), 'MUNICIPAL_CONTACT', ['0301']);
    haldenMoss = await createTestViewer(db(), 'MUNICIPAL_CONTACT', ['3101', '3103']);
    await db().message.create({
      data: {
        msgId: 'oslo-ipl-1',
        type: 'KPR_IPL',
        seasonId,
        genDate: new Date('2026-01-08T09:00:00Z'),
        receivedAt: new Date('2026-01-08T09:00:05Z'),
        transport: 'AMQP',
        receiverHerId: 122612,
        environment: 'PRODUCTION',
        municipalityNumberAsSent: '0301',
        municipalityNumber: '0301',
        payloadSha256: 'a'.repeat(64),
      },
    });
    await db().apprec.create({
      data: {
        apprecId: 'apprec-oslo-1',
        originalMsgId: 'oslo-ipl-1',
        status: 'REJECTED',
        version: 'V1_1',
        genDate: new Date('2026-01-08T10:00:00Z'),
        receivedAt: new Date('2026-01-08T10:00:01Z'),
        transport: 'AMQP',
        payloadSha256: 'b'.repeat(64),
        errors: { create: [{ position: 0, code: 'T02', displayName: 'XML validerer ikke' }] },
      },
    });
  });

  it('lists all 357 municipalities for FHI and only their own for a contact', async () => {
    expect(await listMunicipalityDeliveries(staff, seasonId)).toHaveLength(357);
    const own = await listMunicipalityDeliveries(oslo, seasonId);
    expect(own.map((row) => row.number)).toEqual(['0301']);
    expect(own[0]?.latestProductionIpl).toMatchObject({ msgId: 'oslo-ipl-1', apprecStatus: 'REJECTED' });
    expect((await listMunicipalityDeliveries(haldenMoss, seasonId)).map((row) => row.number)).toEqual(['3101', '3103']);
  });

  it('shows a municipality to FHI and its own contact, with one audit row each', async () => {
    for (const viewer of [staff, oslo]) {
      let detail: Awaited<ReturnType<typeof getMunicipalityDetail>> = null;
      const rows = await auditRowsDuring(db(), async () => {
        detail = await getMunicipalityDetail(viewer, '0301', seasonId);
      });
      expect(detail).toMatchObject({ number: '0301', name: 'Oslo' });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action: 'municipality.view', outcome: 'SUCCESS', actorUserId: viewer.userId, municipalityNumber: '0301' });
    }
  });

  it('answers a foreign municipality exactly like a missing one, and audits the denial once', async () => {
    let foreign: unknown;
    const rows = await auditRowsDuring(db(), async () => {
      foreign = await getMunicipalityDetail(oslo, '4601', seasonId);
    });
    expect(foreign).toBeNull();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'access.denied', outcome: 'DENIED', municipalityNumber: '4601' });
    expect(await getMunicipalityDetail(oslo, '9999', seasonId)).toBeNull();
    expect(await getMunicipalityDetail(staff, '9999', seasonId)).toBeNull();
    expect(await getMunicipalityDetail(haldenMoss, '0301', seasonId)).toBeNull();
  });

  it('takes effect at once when a membership is removed', async () => {
    const contact = await createTestViewer(db(), 'MUNICIPAL_CONTACT', ['1103']);
    expect(await listMunicipalityDeliveries(contact, seasonId)).toHaveLength(1);
    await db().municipalityMembership.deleteMany({ where: { userId: contact.userId } });
    // The next request loads the viewer again from the database.
    const { loadViewer } = await import('@/lib/auth/sessions');
    const reloaded = await loadViewer(db(), contact.sessionId, new Date(), { idleMinutes: 30, maxHours: 10 }, 'r');
    expect(reloaded?.municipalityNumbers).toEqual([]);
    expect(await listMunicipalityDeliveries(reloaded!, seasonId)).toEqual([]);
  });
});
