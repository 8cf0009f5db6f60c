import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonViewer as Viewer } from '@/lib/access/rules/actor';
import { db } from '@/lib/db';
import { auditRowsDuring, createTestCast, createTestViewer } from '@/lib/db/testing/viewers';
import { listFailedReminders, listMunicipalityReminders } from './data';

async function logReminder(
  userId: string,
  status: 'SENT' | 'FAILED',
  items: { number: string; trigger: 'DEADLINE_POINT' | 'APPREC_REJECTED' }[],
  createdAt: string,
) {
  const season = await db().season.findUniqueOrThrow({ where: { key: '2025' } });
  return db().reminder.create({
    data: {
      userId,
      seasonId: season.id,
      email: 'kontakt@kommune.example.no',
      subject: 'Påminnelse',
      textBody: 'tekst',
      htmlBody: '<p>tekst</p>',
      status,
      attempts: status === 'SENT' ? 1 : 6,
      lastError: status === 'FAILED' ? '550 Mailbox unavailable' : null,
      sentAt: status === 'SENT' ? new Date(createdAt) : null,
      createdAt: new Date(createdAt),
      items: {
        create: items.map((item) => ({
          municipalityNumber: item.number,
          trigger: item.trigger,
          event: 'e',
          dedupeKey: `${userId}:${item.number}:${item.trigger}:${createdAt}`,
        })),
      },
    },
  });
}

describe('the reminder log within the viewer scope', () => {
  let staff: Viewer;
  let oslo: Viewer;
  let bergen: Viewer;
  let bundled: string;
  let failed: string;

  beforeAll(async () => {
    ({ staff, oslo, bergen } = await createTestCast('staff', 'oslo', 'bergen'));
    const shared = await createTestViewer(db(), 'MUNICIPAL_CONTACT', ['0301', '4601']);
    bundled = (
      await logReminder(
        shared.userId,
        'SENT',
        [
          { number: '0301', trigger: 'DEADLINE_POINT' },
          { number: '4601', trigger: 'APPREC_REJECTED' },
        ],
        '2026-01-12T10:00:00+01:00',
      )
    ).id;
    failed = (
      await logReminder(
        bergen.userId,
        'FAILED',
        [{ number: '4601', trigger: 'DEADLINE_POINT' }],
        '2026-01-13T10:00:00+01:00',
      )
    ).id;
  });

  it('shows FHI a municipality’s reminders with addresses and errors, only that municipality’s items, audited', async () => {
    const audit = await auditRowsDuring(db(), async () => {
      const rows = await listMunicipalityReminders(staff, '4601');
      expect(rows?.map((row) => row.id)).toEqual([failed, bundled]);
      expect(rows?.[0]).toMatchObject({
        status: 'FAILED',
        attempts: 6,
        lastError: '550 Mailbox unavailable',
        email: 'kontakt@kommune.example.no',
      });
      expect(rows?.[1]?.items).toEqual([{ municipalityNumber: '4601', trigger: 'APPREC_REJECTED' }]);
    });
    expect(audit.map((row) => [row.action, row.outcome, row.municipalityNumber])).toEqual([
      ['reminder.list', 'SUCCESS', '4601'],
    ]);
  });

  it('shows a contact their own municipality’s log without addresses or errors', async () => {
    const rows = await listMunicipalityReminders(oslo, '0301');
    expect(rows).toHaveLength(1);
    expect(rows?.[0]).toMatchObject({
      id: bundled,
      email: null,
      lastError: null,
      items: [{ municipalityNumber: '0301', trigger: 'DEADLINE_POINT' }],
    });
    expect(rows?.[0]?.recipientName).toContain('MUNICIPAL_CONTACT');
  });

  it.each([
    { number: '4601', what: 'another municipality' },
    { number: '9999', what: 'a municipality that does not exist' },
    { number: 'x;--', what: 'nonsense' },
  ])('answers null for $what, and audits a denial', async ({ number }) => {
    const audit = await auditRowsDuring(db(), async () =>
      expect(await listMunicipalityReminders(oslo, number)).toBeNull(),
    );
    expect(audit.map((row) => [row.action, row.outcome, row.municipalityNumber])).toEqual([
      ['access.denied', 'DENIED', /^\d{4}$/.test(number) ? number : null],
    ]);
  });

  it('answers null to FHI for a municipality that does not exist', async () => {
    expect(await listMunicipalityReminders(staff, '9999')).toBeNull();
  });

  it('lists failed reminders for FHI only', async () => {
    const audit = await auditRowsDuring(db(), async () => {
      const rows = await listFailedReminders(staff, { seasonKey: '2025' });
      expect(rows?.map((row) => [row.id, row.lastError, row.items])).toEqual([
        [failed, '550 Mailbox unavailable', [{ municipalityNumber: '4601', trigger: 'DEADLINE_POINT' }]],
      ]);
      expect(await listFailedReminders(staff, { seasonKey: '2024' })).toEqual([]);
    });
    expect(audit.map((row) => row.action)).toEqual(['reminder.failed.list', 'reminder.failed.list']);
    const denied = await auditRowsDuring(db(), async () => expect(await listFailedReminders(bergen)).toBeNull());
    expect(denied.map((row) => [row.action, row.outcome])).toEqual([['access.denied', 'DENIED']]);
  });
});
