import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonViewer as Viewer } from '@/lib/access/rules/actor';
import { db } from '@/lib/db';
import { endOfOsloDay } from '@/lib/core/calendar';
import { auditRowsDuring, createTestCast, createTestViewer } from '@/lib/db/testing/viewers';
import {
  decideExtensionRequest,
  getMunicipalityExtensions,
  listExtensionRequests,
  requestExtension,
  withdrawExtensionRequest,
} from './extensions';
import type { ExtensionRequestInput } from '../rules/extension-requests';
import { getMunicipalityStatus, getStatusOverview } from '../../status/data/status';
import { recordTestDelivery } from '@/lib/db/testing/deliveries';

/** Friday 9 January 2026, four working days before the 2025 season's deadline (15 January). */
const FRIDAY = new Date('2026-01-09T10:00:00+01:00');
const MONDAY = new Date('2026-01-12T10:00:00+01:00');
const REPLAY = endOfOsloDay('2026-01-20');

const request = (requestedDate: string): ExtensionRequestInput => ({
  requestedDate,
  reasonCategory: 'SYSTEM_CHANGE',
  justification: 'Kommunen byttet fagsystem i høst.',
  plannedFix: 'Leverandøren retter uttrekket.',
});

const actions = (rows: { action: string; outcome: string; municipalityNumber: string | null }[]) =>
  rows.map((row) => [row.action, row.outcome, row.municipalityNumber]);

describe('extension requests within the viewer scope', () => {
  let staff: Viewer;
  let admin: Viewer;
  let oslo: Viewer;
  let bergen: Viewer;
  let osloRequest: string;

  beforeAll(async () => {
    ({ staff, admin, oslo, bergen } = await createTestCast('staff', 'admin', 'oslo', 'bergen'));
  });

  it('lets a contact apply for their own municipality, audited', async () => {
    const audit = await auditRowsDuring(db(), async () => {
      const result = await requestExtension(oslo, '0301', request('2026-02-13'), {}, FRIDAY);
      expect(result).toMatchObject({ ok: true, municipalityNumber: '0301' });
      if (result?.ok) osloRequest = result.id;
    });
    expect(actions(audit)).toEqual([['extension.request', 'SUCCESS', '0301']]);
    expect(audit[0]!.details).toMatchObject({
      extensionRequestId: osloRequest,
      requestedDate: '2026-02-13',
      reasonCategory: 'SYSTEM_CHANGE',
    });

    const own = await getMunicipalityExtensions(oslo, '0301', {}, FRIDAY);
    expect(own).toMatchObject({
      canApply: false,
      canWithdraw: true,
      canDecide: false,
      effectiveDeadline: endOfOsloDay('2026-01-15'),
    });
    expect(own?.requests).toEqual([
      expect.objectContaining({
        id: osloRequest,
        status: 'PENDING',
        requestedDeadline: endOfOsloDay('2026-02-13'),
        requestedByName: oslo.name,
        reasonCategory: 'SYSTEM_CHANGE',
      }),
    ]);
    expect(await getMunicipalityExtensions(staff, '0301', {}, FRIDAY)).toMatchObject({
      canApply: false,
      canWithdraw: false,
      canDecide: true,
    });
  });

  it('allows one pending request per municipality and season', async () => {
    expect(await requestExtension(oslo, '0301', request('2026-02-20'), {}, FRIDAY)).toEqual({
      ok: false,
      field: 'form',
      message: 'Kommunen har allerede en søknad til behandling. Trekk den først hvis den skal erstattes.',
    });
    expect(await db().extensionRequest.count({ where: { municipalityNumber: '0301' } })).toBe(1);
  });

  it('two requests at once: one is refused', async () => {
    const results = await Promise.all([
      requestExtension(bergen, '4601', request('2026-02-13'), {}, FRIDAY),
      requestExtension(bergen, '4601', request('2026-02-14'), {}, FRIDAY),
    ]);
    expect(results.map((result) => result?.ok).sort()).toEqual([false, true]);
    const created = results.find((result) => result?.ok);
    expect(await withdrawExtensionRequest(bergen, created!.ok ? created!.id : '', FRIDAY)).toMatchObject({ ok: true });
  });

  it.each([
    { date: '2026-01-15', message: 'Velg en dato fra og med 16.01.2026.' },
    { date: '2026-07-14', message: null },
    { date: '2026-07-15', message: 'Velg en dato til og med 14.07.2026.' },
  ])('checks the requested date $date against the current deadline', async ({ date, message }) => {
    const tromso = await createTestViewer(db(), 'MUNICIPAL_CONTACT', ['5501']);
    const result = await requestExtension(tromso, '5501', request(date), {}, FRIDAY);
    if (message) expect(result).toEqual({ ok: false, field: 'requestedDate', message });
    else expect(result).toMatchObject({ ok: true });
    if (result?.ok) await withdrawExtensionRequest(tromso, result.id, FRIDAY);
  });

  it.each([
    { who: 'a contact for another municipality', viewer: () => oslo, number: '4601' },
    { who: 'a contact for a municipality that does not exist', viewer: () => oslo, number: '9999' },
    { who: 'a contact with nonsense', viewer: () => oslo, number: 'x;--' },
    { who: 'FHI staff', viewer: () => staff, number: '0301' },
    { who: 'an FHI admin', viewer: () => admin, number: '0301' },
  ])('answers $who as not found when applying, and audits a denial', async ({ viewer, number }) => {
    const audit = await auditRowsDuring(db(), async () =>
      expect(await requestExtension(viewer(), number, request('2026-02-13'), {}, FRIDAY)).toBeNull(),
    );
    expect(actions(audit)).toEqual([['access.denied', 'DENIED', /^\d{4}$/.test(number) ? number : null]]);
  });

  it('shows a contact only their own municipality’s requests', async () => {
    expect(await getMunicipalityExtensions(bergen, '0301', {}, FRIDAY)).toBeNull();
    expect(await getMunicipalityExtensions(bergen, '9999', {}, FRIDAY)).toBeNull();
    expect(await getMunicipalityExtensions(staff, '9999', {}, FRIDAY)).toBeNull();
  });

  it('refuses a decision by a contact, and answers an unknown request as not found', async () => {
    const grant = { decision: 'GRANT', grantedDate: '2026-02-13', note: '' } as const;
    const audit = await auditRowsDuring(db(), async () => {
      expect(await decideExtensionRequest(oslo, osloRequest, grant, MONDAY)).toBeNull();
      expect(await decideExtensionRequest(staff, '0195a2b4-0000-7000-8000-000000000000', grant, MONDAY)).toBeNull();
      expect(await decideExtensionRequest(staff, 'nonsense', grant, MONDAY)).toBeNull();
    });
    expect(actions(audit)).toEqual([['access.denied', 'DENIED', null]]);
    expect((await db().extensionRequest.findUniqueOrThrow({ where: { id: osloRequest } })).status).toBe('PENDING');
  });

  it('lists the pending requests for FHI, oldest first, with the season’s alert threshold', async () => {
    const later = await requestExtension(bergen, '4601', request('2026-02-27'), {}, MONDAY);
    const list = await listExtensionRequests(staff, {}, new Date('2026-01-15T10:00:00+01:00'));
    expect(list?.pending.map((row) => [row.municipalityNumber, row.workingDaysPending, row.needsFhiAttention])).toEqual(
      [
        ['0301', 4, true],
        ['4601', 3, false],
      ],
    );
    expect(list?.closed.map((row) => row.status)).toEqual(['WITHDRAWN', 'WITHDRAWN']);
    if (later?.ok) await withdrawExtensionRequest(bergen, later.id, MONDAY);
    const denial = await auditRowsDuring(db(), async () => expect(await listExtensionRequests(oslo)).toBeNull());
    expect(actions(denial)).toEqual([['access.denied', 'DENIED', null]]);
  });

  it('a grant with another date becomes the effective deadline at once, also in the cached overview', async () => {
    const before = await getStatusOverview(staff, { asOf: REPLAY });
    expect(before?.rows.find((row) => row.number === '0301')?.flags.map((flag) => flag.code)).toContain(
      'EXTENSION_PENDING',
    );

    const audit = await auditRowsDuring(db(), async () => {
      expect(
        await decideExtensionRequest(
          staff,
          osloRequest,
          { decision: 'GRANT', grantedDate: '2026-02-06', note: 'Innvilget til 6. februar.' },
          MONDAY,
        ),
      ).toEqual({
        ok: true,
        id: osloRequest,
        municipalityNumber: '0301',
      });
    });
    expect(actions(audit)).toEqual([['extension.decide', 'SUCCESS', '0301']]);
    expect(audit[0]!.details).toMatchObject({ status: 'GRANTED', grantedDate: '2026-02-06' });

    const after = await getStatusOverview(staff, { asOf: REPLAY });
    const row = after?.rows.find((candidate) => candidate.number === '0301');
    expect(row?.figures).toMatchObject({ effectiveDeadline: endOfOsloDay('2026-02-06'), extensionGranted: true });
    expect(row?.flags.map((flag) => flag.code)).not.toContain('EXTENSION_PENDING');
    const detail = await getMunicipalityStatus(oslo, '0301', { asOf: REPLAY });
    expect(detail?.figures.effectiveDeadline).toEqual(endOfOsloDay('2026-02-06'));
    expect(detail?.timeline[0]).toMatchObject({
      kind: 'EXTENSION_DECIDED',
      status: 'GRANTED',
      grantedDeadline: endOfOsloDay('2026-02-06'),
    });

    const own = await getMunicipalityExtensions(oslo, '0301', {}, REPLAY);
    expect(own?.requests[0]).toMatchObject({
      status: 'GRANTED',
      decisionNote: 'Innvilget til 6. februar.',
      decidedByName: staff.name,
    });
    expect(own).toMatchObject({
      canApply: true,
      effectiveDeadline: endOfOsloDay('2026-02-06'),
      dateBounds: { earliest: '2026-02-07' },
    });
  });

  it('a decided request cannot be decided or withdrawn again', async () => {
    expect(await decideExtensionRequest(admin, osloRequest, { decision: 'DENY', note: 'For sent.' }, MONDAY)).toEqual({
      ok: false,
      field: 'form',
      message: 'Søknaden er ikke lenger til behandling (innvilget).',
    });
    expect(await withdrawExtensionRequest(oslo, osloRequest, MONDAY)).toMatchObject({ ok: false, field: 'form' });
  });

  it('an admin denies with a note; the date FHI grants must be after the season deadline', async () => {
    const applied = await requestExtension(bergen, '4601', request('2026-02-13'), {}, MONDAY);
    const id = applied?.ok ? applied.id : '';
    expect(
      await decideExtensionRequest(staff, id, { decision: 'GRANT', grantedDate: '2026-01-15', note: '' }, MONDAY),
    ).toEqual({
      ok: false,
      field: 'grantedDate',
      message: 'Velg en dato fra og med 16.01.2026.',
    });
    expect(await decideExtensionRequest(admin, id, { decision: 'DENY', note: 'Ikke grunnlag.' }, MONDAY)).toMatchObject(
      { ok: true },
    );
    expect(await db().extensionRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'DENIED',
      decisionNote: 'Ikke grunnlag.',
      grantedDeadline: null,
      decidedById: admin.userId,
    });
  });

  it('a contact withdraws their municipality’s pending request, never another’s', async () => {
    const applied = await requestExtension(bergen, '4601', request('2026-02-13'), {}, MONDAY);
    const id = applied?.ok ? applied.id : '';
    const refused = await auditRowsDuring(db(), async () => {
      expect(await withdrawExtensionRequest(oslo, id, MONDAY)).toBeNull();
      expect(await withdrawExtensionRequest(staff, id, MONDAY)).toBeNull();
    });
    expect(actions(refused)).toEqual([
      ['access.denied', 'DENIED', null],
      ['access.denied', 'DENIED', null],
    ]);
    const audit = await auditRowsDuring(db(), async () =>
      expect(await withdrawExtensionRequest(bergen, id, MONDAY)).toMatchObject({ ok: true }),
    );
    expect(actions(audit)).toEqual([['extension.withdraw', 'SUCCESS', '4601']]);
    expect(await db().extensionRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'WITHDRAWN',
      decidedById: bergen.userId,
    });
  });
});

describe('when applying for an extension still makes sense', () => {
  it('offers no form to, and refuses a request from, a municipality that has delivered', async () => {
    const moss = await createTestViewer(db(), 'MUNICIPAL_CONTACT', ['3103']);
    await recordTestDelivery(db(), {
      msgId: 'moss-1',
      municipality: '3103',
      receivedAt: '2026-01-07T10:00:00+01:00',
      apprec: 'OK',
    });
    const page = await getMunicipalityExtensions(moss, '3103', {}, FRIDAY);
    expect(page).toMatchObject({ canApply: false, closedReason: 'DELIVERED' });
    expect(await requestExtension(moss, '3103', request('2026-02-13'), {}, FRIDAY)).toEqual({
      ok: false,
      field: 'form',
      message: 'Kommunen har levert, så det er ikke noe å søke utsatt frist for.',
    });
    expect(await db().extensionRequest.count({ where: { municipalityNumber: '3103' } })).toBe(0);
  });

  it('takes a late request within the grace after the deadline, and refuses one after it', async () => {
    const fredrikstad = await createTestViewer(db(), 'MUNICIPAL_CONTACT', ['3107']);
    const eleventhMonth = new Date('2026-12-03T10:00:00+01:00');
    expect(await getMunicipalityExtensions(fredrikstad, '3107', {}, eleventhMonth)).toMatchObject({
      canApply: false,
      closedReason: 'AFTER_GRACE',
      lastApplicationDay: '2026-02-14',
    });
    expect(await requestExtension(fredrikstad, '3107', request('2026-12-20'), {}, eleventhMonth)).toEqual({
      ok: false,
      field: 'form',
      message:
        'Fristen er passert, og siste dag for å søke om utsatt frist var 14.02.2026. Send leveransen så snart som mulig, og kontakt FHI.',
    });
    const withinGrace = new Date('2026-01-20T10:00:00+01:00');
    expect(await getMunicipalityExtensions(fredrikstad, '3107', {}, withinGrace)).toMatchObject({
      canApply: true,
      closedReason: null,
    });
    const late = await requestExtension(fredrikstad, '3107', request('2026-02-13'), {}, withinGrace);
    expect(late).toMatchObject({ ok: true });
    if (late?.ok) await withdrawExtensionRequest(fredrikstad, late.id, withinGrace);
  });

  it('a granted date that has already passed needs FHI to confirm it', async () => {
    const { staff } = await createTestCast('staff');
    const halden = await createTestViewer(db(), 'MUNICIPAL_CONTACT', ['3101']);
    const asked = await requestExtension(
      halden,
      '3101',
      request('2026-02-13'),
      {},
      new Date('2026-01-20T10:00:00+01:00'),
    );
    expect(asked).toMatchObject({ ok: true });
    const id = asked?.ok ? asked.id : '';
    const march = new Date('2026-03-02T10:00:00+01:00');
    expect(
      await decideExtensionRequest(staff, id, { decision: 'GRANT', grantedDate: '2026-02-13', note: '' }, march),
    ).toEqual({
      ok: false,
      field: 'confirmPastDate',
      message: '13.02.2026 er allerede passert. Kryss av for å bekrefte at dette er fristen som skal innvilges.',
    });
    expect(
      await decideExtensionRequest(
        staff,
        id,
        { decision: 'GRANT', grantedDate: '2026-02-13', note: '', confirmPastDate: true },
        march,
      ),
    ).toMatchObject({ ok: true });
  });
});
