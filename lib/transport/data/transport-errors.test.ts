/**
 * Transport errors against the real database: stored once however often redelivered, linked to the
 * message (or Apprec) they concern and so to its municipality, kept and listed when they link to
 * nothing, seen only within the actor's scope, and on the municipality's timeline and flags.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type PersonViewer as Viewer } from '@/lib/access/rules/actor';
import { db } from '@/lib/db';
import { sql } from '@/lib/db/sql';
import { recordTestDelivery } from '@/lib/db/testing/deliveries';
import { createTestCast } from '@/lib/db/testing/viewers';
import { classifyNationalId } from '@/lib/core/identifiers';
import { getMunicipalityStatus } from '@/lib/status';
import { listTransportErrors, recordTransportError } from './transport-errors';

const transport = systemActor('transport');
/** Shaped like a fødselsnummer (it passes the checks): never stored. */
const IDENTITY_NUMBER = '01019010046';
const SENT = '2026-01-05T10:00:00+01:00';
const ERROR_AT = new Date('2026-01-05T10:10:00+01:00');

describe('transport errors', () => {
  let staff: Viewer;
  let oslo: Viewer;
  let bergen: Viewer;

  beforeAll(async () => {
    ({ staff, oslo, bergen } = await createTestCast('staff', 'oslo', 'bergen'));
    await recordTestDelivery(db(), { msgId: 'oslo-1', municipality: '0301', receivedAt: SENT, apprec: 'OK' });
    await recordTestDelivery(db(), { msgId: 'bergen-1', municipality: '4601', receivedAt: SENT, apprec: 'OK' });
  });

  it('links an error to the stored message it concerns and its municipality, and stores a redelivery once', async () => {
    const report = {
      messageId: 'error-message-1',
      originalMessageId: 'oslo-1-KPR_IPL',
      errorCondition: 'transport:expired-certificate',
      errorDescription: 'Invalid end date',
      receiverTimeStamp: '2026-01-05T09:10:00Z',
      receivedAt: ERROR_AT,
      queue: '85217_error',
      fromHerId: '8133973',
      toHerId: 85217,
    };
    const first = await recordTransportError(transport, report);
    expect(first).toMatchObject({
      created: true,
      label: 'Transportfeil: sertifikatet er utløpt',
      concerns: {
        kind: 'MESSAGE',
        msgId: 'oslo-1-KPR_IPL',
        type: 'KPR_IPL',
        municipalityNumber: '0301',
        seasonKey: '2025',
      },
    });
    const again = await recordTransportError(transport, report);
    expect(again).toMatchObject({ created: false, id: first!.id });
    const [stored] = await sql().query<Record<string, unknown>>(
      `SELECT error_condition, receiver_timestamp, from_her_id, to_her_id, queue FROM transport_error WHERE id = $1`,
      [first!.id],
    );
    expect(stored).toEqual({
      error_condition: 'transport:expired-certificate',
      receiver_timestamp: new Date('2026-01-05T09:10:00Z'),
      from_her_id: 8133973,
      to_her_id: 85217,
      queue: '85217_error',
    });
  });

  it('without an id of its own, the same properties are the same error', async () => {
    const report = {
      originalMessageId: 'oslo-1-KPR_IDE',
      errorCondition: 'transport:not-well-formed-xml',
      receiverTimeStamp: '2026-01-05T09:11:00Z',
      receivedAt: ERROR_AT,
    };
    const first = await recordTransportError(transport, report);
    const again = await recordTransportError(transport, { ...report, receivedAt: new Date() });
    expect(first?.created).toBe(true);
    expect(again).toMatchObject({ created: false, id: first!.id });
  });

  it('links an error about an Apprec to the message the Apprec answers', async () => {
    const recorded = await recordTransportError(transport, {
      messageId: 'error-message-2',
      originalMessageId: 'apprec-bergen-1-KPR_IPL',
      errorCondition: 'transport:invalid-certificate',
      receivedAt: ERROR_AT,
    });
    expect(recorded?.concerns).toMatchObject({ kind: 'APPREC', msgId: 'bergen-1-KPR_IPL', municipalityNumber: '4601' });
  });

  it('keeps an error that concerns no stored message, with a generic text for an unknown condition, and lists it for FHI', async () => {
    const recorded = await recordTransportError(transport, {
      messageId: 'error-message-3',
      originalMessageId: 'never-seen',
      errorCondition: 'transport:brand-new-condition',
      errorDescription: `Person ${IDENTITY_NUMBER} not found`,
      receivedAt: ERROR_AT,
    });
    expect(recorded).toMatchObject({
      created: true,
      concerns: null,
      label: 'Transportfeil: meldingen kom ikke fram (ukjent feiltype)',
    });
    const [stored] = await sql().query<{ error_description: string }>(
      `SELECT error_description FROM transport_error WHERE id = $1`,
      [recorded!.id],
    );
    expect(stored!.error_description).not.toContain(IDENTITY_NUMBER);
    expect(stored!.error_description).toMatch(/^Person .+ not found$/);

    const unlinked = await listTransportErrors(staff, { unlinkedOnly: true });
    expect(unlinked.map((row) => row.originalMessageId)).toEqual(['never-seen']);
    expect(unlinked[0]).toMatchObject({
      concerns: null,
      label: 'Transportfeil: meldingen kom ikke fram (ukjent feiltype)',
    });
    expect((await listTransportErrors(staff)).length).toBe(4);
  });

  it('keeps a MsgId whose digits only look long (a UUID’s last group), so that it still links', async () => {
    expect(classifyNationalId(IDENTITY_NUMBER)).not.toBe('INVALID');
    const msgId = '6f1c2d4e-8a3b-4c5d-9e7f-012345678901';
    const recorded = await recordTransportError(transport, {
      messageId: 'error-message-4',
      originalMessageId: msgId,
      errorCondition: 'transport:internal-error',
      receivedAt: ERROR_AT,
    });
    const [stored] = await sql().query<{ original_message_id: string }>(
      `SELECT original_message_id FROM transport_error WHERE id = $1`,
      [recorded!.id],
    );
    expect(stored!.original_message_id).toBe(msgId);
  });

  it('shows a municipal contact only its own municipality’s errors, never unlinked ones, and lets it record none', async () => {
    const osloRows = await listTransportErrors(oslo);
    expect(osloRows.map((row) => row.concerns?.municipalityNumber)).toEqual(['0301', '0301']);
    expect(osloRows.every((row) => row.concerns?.municipalityName)).toBe(true);
    expect((await listTransportErrors(bergen)).map((row) => row.concerns?.msgId)).toEqual(['bergen-1-KPR_IPL']);
    expect(await listTransportErrors(oslo, { unlinkedOnly: true })).toEqual([]);
    expect(
      await recordTransportError(oslo, { originalMessageId: 'x', errorCondition: 'y', receivedAt: new Date() }),
    ).toBeNull();
  });

  it('puts the errors on the municipality’s timeline and flags the delivery while its Apprec is awaited', async () => {
    const beforeApprec = await getMunicipalityStatus(oslo, '0301', {
      seasonKey: '2025',
      asOf: new Date('2026-01-05T10:20:00+01:00'),
    });
    const errors = beforeApprec!.timeline.filter((entry) => entry.kind === 'TRANSPORT_ERROR');
    expect(errors.map((entry) => entry.kind === 'TRANSPORT_ERROR' && entry.msgId).sort()).toEqual([
      'oslo-1-KPR_IDE',
      'oslo-1-KPR_IPL',
    ]);
    const flag = beforeApprec!.flags.find((candidate) => candidate.code === 'TRANSPORT_ERROR');
    expect(flag?.evidence.msgIds?.sort()).toEqual(['oslo-1-KPR_IDE', 'oslo-1-KPR_IPL']);
    expect(flag?.evidence.transportErrorIds).toHaveLength(2);

    const bergenStatus = await getMunicipalityStatus(bergen, '4601', {
      seasonKey: '2025',
      asOf: new Date('2026-01-06T10:00:00+01:00'),
    });
    expect(bergenStatus!.timeline.filter((entry) => entry.kind === 'TRANSPORT_ERROR')).toEqual([
      {
        kind: 'TRANSPORT_ERROR',
        at: ERROR_AT,
        condition: 'transport:invalid-certificate',
        msgId: 'bergen-1-KPR_IPL',
        apprecId: 'apprec-bergen-1-KPR_IPL',
      },
    ]);
    // Not yet known before it arrived.
    const earlier = await getMunicipalityStatus(oslo, '0301', {
      seasonKey: '2025',
      asOf: new Date('2026-01-05T10:05:00+01:00'),
    });
    expect(earlier!.timeline.some((entry) => entry.kind === 'TRANSPORT_ERROR')).toBe(false);
  });
});
