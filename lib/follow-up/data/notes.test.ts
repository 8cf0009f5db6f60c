import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonViewer as Viewer } from '@/lib/access/rules/actor';
import { db } from '@/lib/db';
import { recordTestApprec, recordTestMessage } from '@/lib/db/testing/deliveries';
import { auditRowsDuring, createTestCast } from '@/lib/db/testing/viewers';
import { addNote, listMunicipalityNotes } from './notes';
import { NOTE_MAX_LENGTH } from '../rules/notes';
import { getMunicipalityStatus } from '../../status/data/status';

const actions = (rows: { action: string; outcome: string; municipalityNumber: string | null }[]) =>
  rows.map((row) => [row.action, row.outcome, row.municipalityNumber]);

describe('the follow-up thread within the viewer scope', () => {
  let staff: Viewer;
  let admin: Viewer;
  let oslo: Viewer;
  let bergen: Viewer;

  beforeAll(async () => {
    ({ staff, admin, oslo, bergen } = await createTestCast('staff', 'admin', 'oslo', 'bergen'));
  });

  it('contacts and FHI add dated notes to the municipality’s thread, audited without the text', async () => {
    const audit = await auditRowsDuring(db(), async () => {
      expect(
        await addNote(oslo, '0301', { body: '  Vi sender innen fredag.  ' }, {}, new Date('2026-01-12T09:00:00+01:00')),
      ).toMatchObject({ ok: true });
      expect(
        await addNote(staff, '0301', { body: 'Takk, notert.' }, {}, new Date('2026-01-12T10:00:00+01:00')),
      ).toMatchObject({ ok: true });
      expect(
        await addNote(admin, '0301', { body: '<b>ikke HTML</b>' }, {}, new Date('2026-01-12T11:00:00+01:00')),
      ).toMatchObject({ ok: true });
    });
    expect(actions(audit)).toEqual([
      ['note.create', 'SUCCESS', '0301'],
      ['note.create', 'SUCCESS', '0301'],
      ['note.create', 'SUCCESS', '0301'],
    ]);
    expect(JSON.stringify(audit.map((row) => row.details))).not.toContain('fredag');

    const thread = await listMunicipalityNotes(oslo, '0301');
    expect(thread?.canAgreeResubmission).toBe(false);
    expect(thread?.notes.map((note) => [note.body, note.authorName, note.authorRole, note.kind])).toEqual([
      ['<b>ikke HTML</b>', admin.name, 'FHI_ADMIN', 'NOTE'],
      ['Takk, notert.', staff.name, 'FHI_STAFF', 'NOTE'],
      ['Vi sender innen fredag.', oslo.name, 'MUNICIPAL_CONTACT', 'NOTE'],
    ]);
    expect(thread?.notes[2]?.createdAt).toEqual(new Date('2026-01-12T09:00:00+01:00'));
    expect((await listMunicipalityNotes(staff, '0301'))?.canAgreeResubmission).toBe(true);
  });

  it.each([
    { body: '', message: 'Skriv et notat.' },
    { body: '   ', message: 'Skriv et notat.' },
    { body: 'x'.repeat(NOTE_MAX_LENGTH + 1), message: `Notatet kan ha høyst ${NOTE_MAX_LENGTH} tegn.` },
  ])('refuses a note of $body.length characters', async ({ body, message }) => {
    expect(await addNote(oslo, '0301', { body })).toEqual({ ok: false, field: 'body', message });
  });

  it.each([
    { who: 'a contact, for another municipality', viewer: () => bergen, number: '0301' },
    { who: 'a contact, for a municipality that does not exist', viewer: () => bergen, number: '9999' },
    { who: 'a contact, with nonsense', viewer: () => bergen, number: '../4601' },
  ])('answers $who as not found, reading or writing, and audits the denials', async ({ viewer, number }) => {
    const audit = await auditRowsDuring(db(), async () => {
      expect(await listMunicipalityNotes(viewer(), number)).toBeNull();
      expect(await addNote(viewer(), number, { body: 'Hei' })).toBeNull();
    });
    const logged = /^\d{4}$/.test(number) ? number : null;
    expect(actions(audit)).toEqual([
      ['access.denied', 'DENIED', logged],
      ['access.denied', 'DENIED', logged],
    ]);
  });

  it('answers FHI as not found for a municipality that does not exist', async () => {
    expect(await listMunicipalityNotes(staff, '9999')).toBeNull();
    expect(await addNote(staff, '9999', { body: 'Hei' })).toBeNull();
  });

  it('only FHI records an agreed resubmission, which clears the municipality to resend', async () => {
    await recordTestMessage(db(), {
      msgId: 'bergen-ipl',
      type: 'KPR_IPL',
      municipality: '4601',
      receivedAt: '2026-01-09T09:00:00+01:00',
    });
    await recordTestMessage(db(), {
      msgId: 'bergen-ide',
      type: 'KPR_IDE',
      municipality: '4601',
      receivedAt: '2026-01-09T09:01:00+01:00',
    });
    await recordTestApprec(db(), 'bergen-ipl', 'REJECTED', '2026-01-09T10:00:00+01:00');

    const refused = await auditRowsDuring(db(), async () =>
      expect(await addNote(bergen, '4601', { kind: 'RESUBMISSION_AGREED', body: 'Vi sender på nytt.' })).toBeNull(),
    );
    expect(actions(refused)).toEqual([['access.denied', 'DENIED', '4601']]);
    expect(await db().note.count({ where: { municipalityNumber: '4601' } })).toBe(0);

    const agreedAt = new Date('2026-01-10T09:00:00+01:00');
    expect(
      await addNote(
        staff,
        '4601',
        { kind: 'RESUBMISSION_AGREED', body: 'Avtalt at hele året sendes på nytt.' },
        {},
        agreedAt,
      ),
    ).toMatchObject({ ok: true });
    const status = await getMunicipalityStatus(bergen, '4601', { asOf: new Date('2026-01-10T12:00:00+01:00') });
    const flag = status?.flags.find((candidate) => candidate.code === 'MUST_RESUBMIT');
    expect(flag?.resubmissionAgreedAt).toEqual(agreedAt);
    expect(flag?.nextStep).toMatch(/^FHI har godkjent ny innsending \(avtalt 10\.01\.2026\)/);
    expect((await listMunicipalityNotes(bergen, '4601'))?.notes[0]).toMatchObject({
      kind: 'RESUBMISSION_AGREED',
      authorName: staff.name,
    });
  });
});
