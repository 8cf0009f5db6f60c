import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonViewer as Viewer } from '@/lib/access/rules/actor';
import { db } from '@/lib/db';
import { auditRowsDuring, createTestViewer } from '@/lib/db/testing/viewers';
import type { SelfCheckInput } from '../rules/self-check';
import { getLatestSelfCheck, getSelfCheckContext, saveSelfCheck } from './self-checks';

const NOW = new Date('2026-01-05T10:00:00Z');
const INPUT: SelfCheckInput = {
  municipalityNumber: '0301',
  header: {
    municipalityNumberAsSent: '0301',
    periodFrom: '2025-01-01',
    periodTo: '2025-06-30',
    epjSystem: 'Gerica',
    epjVersion: '4.2',
    runNumber: '1',
  },
  summary: {
    kind: 'KPR_IPL',
    persons: 10,
    servicesByCode: { '6': 2, '12': 1 },
    organisationNumbers: { checked: 3, invalid: 0 },
  },
  identity: { kind: 'KPR_IDE', persons: 10, testPersons: 2 },
};

describe('self-checks', () => {
  let contact: Viewer;
  let staff: Viewer;

  beforeAll(async () => {
    contact = await createTestViewer(db(), 'MUNICIPAL_CONTACT', ['0301']);
    staff = await createTestViewer(db(), 'FHI_STAFF');
  });

  it('gives a contact the reference data and their own municipalities only', async () => {
    const context = await getSelfCheckContext(contact, NOW);
    expect(context?.season).toMatchObject({ key: '2025', periodStart: '2025-01-01', periodEnd: '2025-12-31' });
    expect(context?.municipalities.map((m) => m.number)).toEqual(['0301']);
    expect(context?.validMunicipalityNumbers).toHaveLength(357);
    expect(await getSelfCheckContext(staff, NOW)).toBeNull();
  });

  it('saves the re-checked summary for the own municipality, audited; refuses a foreign one', async () => {
    expect(await saveSelfCheck(contact, { ...INPUT, municipalityNumber: '4601' }, NOW)).toBeNull();
    expect(await saveSelfCheck(staff, INPUT, NOW)).toBeNull();
    expect(await getLatestSelfCheck(contact, '0301', '2025')).toBeNull();

    let saved: Awaited<ReturnType<typeof saveSelfCheck>> = null;
    const rows = await auditRowsDuring(db(), async () => {
      saved = await saveSelfCheck(contact, INPUT, NOW);
    });
    expect(rows.map((r) => r.action)).toEqual(['self_check.save']);
    expect(saved!.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['TEST_PERSONS', 'PERIOD_INCOMPLETE', 'SERVICE_CODE_EXPIRED']),
    );
    const latest = await getLatestSelfCheck(contact, '0301', '2025');
    expect(latest).toMatchObject({ errorCount: 3 });
    expect(await getLatestSelfCheck(staff, '0301', '2025')).toEqual(latest);
    expect(
      await getLatestSelfCheck(await createTestViewer(db(), 'MUNICIPAL_CONTACT', ['4601']), '0301', '2025'),
    ).toBeNull();
  });
});
