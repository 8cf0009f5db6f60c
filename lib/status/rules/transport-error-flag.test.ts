/**
 * The TRANSPORT_ERROR flag and the timeline's words for a transport error: which errors count (the
 * message that counts now, or FHI's Apprec on it), when the flag clears, and its Norwegian texts.
 */
import { describe, expect, it } from 'vitest';
import { deriveDeliveryState } from './derive';
import { timelineEntryText } from './timeline-text';
import { byUrgency } from './urgency';
import { apprec, at, delivery, input, testIpl } from '@/lib/db/testing/delivery-state-builders';
import type { DeliveryStateInput, TransportErrorInput } from './types';

const SENT = '2026-01-05T10:00:00+01:00';
const ERROR_AT = '2026-01-05T10:05:00+01:00';

function transportError(msgId: string, receivedAt: string, overrides: Partial<TransportErrorInput> = {}) {
  return {
    id: `te-${msgId}-${receivedAt}`,
    originalMessageId: msgId,
    msgId,
    concernsApprec: false,
    condition: 'transport:expired-certificate',
    receivedAt: at(receivedAt),
    ...overrides,
  };
}

const transportFlag = (events: DeliveryStateInput, asOf: string) =>
  deriveDeliveryState(events, at(asOf)).flags.find((flag) => flag.code === 'TRANSPORT_ERROR') ?? null;

describe('TRANSPORT_ERROR', () => {
  it('an error about the latest delivery: reason in Norwegian, evidence, a next step for the certificate', () => {
    const events = input({ ...delivery('d1', SENT), transportErrors: [transportError('d1-ipl', ERROR_AT)] });
    expect(transportFlag(events, '2026-01-05T11:00:00+01:00')).toEqual({
      code: 'TRANSPORT_ERROR',
      reason:
        'Feilkøen meldte en transportfeil: Transportfeil: sertifikatet er utløpt (gjelder fagmeldingen (KPR_IPL), meldt 05.01.2026 kl. 10:05).',
      evidence: {
        msgIds: ['d1-ipl'],
        transportErrorIds: [`te-d1-ipl-${ERROR_AT}`],
        times: [{ label: 'Transportfeil meldt', at: at(ERROR_AT) }],
      },
      nextStep:
        'Kommunen og leverandøren av fagsystemet må rette eller fornye virksomhetssertifikatet, og så sende leveransen på nytt.',
    });
  });

  it('counts in the worklist: the municipality is listed, and the error ranks above a missing Apprec', () => {
    const events = input({ ...delivery('d1', SENT), transportErrors: [transportError('d1-ipl', ERROR_AT)] });
    const result = deriveDeliveryState(events, at('2026-01-12T11:00:00+01:00'));
    expect(result.flags.map((flag) => flag.code)).toEqual(['TRANSPORT_ERROR', 'APPREC_MISSING']);
    expect(byUrgency([result])).toHaveLength(1);
  });

  it('is not raised before the error arrived, nor by an unknown message', () => {
    const events = input({
      ...delivery('d1', SENT),
      transportErrors: [transportError('d1-ipl', ERROR_AT), transportError('other', ERROR_AT)],
    });
    expect(transportFlag(events, '2026-01-05T10:01:00+01:00')).toBeNull();
    const unknownOnly = input({ ...delivery('d1', SENT), transportErrors: [transportError('other', ERROR_AT)] });
    expect(transportFlag(unknownOnly, '2026-01-05T11:00:00+01:00')).toBeNull();
  });

  it('clears when a newer delivery replaces the message, or when the message gets its Apprec after the error', () => {
    const first = delivery('d1', SENT);
    const second = delivery('d2', '2026-01-06T10:00:00+01:00');
    const errors = [transportError('d1-ipl', ERROR_AT)];
    const replaced = input({ messages: [...first.messages, ...second.messages], transportErrors: errors });
    expect(transportFlag(replaced, '2026-01-06T11:00:00+01:00')).toBeNull();

    const answered = input({
      ...first,
      apprecs: [apprec('d1-ipl', 'OK', '2026-01-05T12:00:00+01:00')],
      transportErrors: errors,
    });
    expect(transportFlag(answered, '2026-01-05T11:00:00+01:00')).not.toBeNull();
    expect(transportFlag(answered, '2026-01-05T13:00:00+01:00')).toBeNull();
  });

  it('an error about FHI’s Apprec stays, with its own next step; spoofing asks FHI to investigate', () => {
    const withApprec = {
      ...delivery('d1', SENT),
      apprecs: [apprec('d1-ipl', 'OK', '2026-01-05T12:00:00+01:00')],
    };
    const aboutApprec = transportError('d1-ipl', '2026-01-05T12:05:00+01:00', {
      originalMessageId: 'apprec-1',
      concernsApprec: true,
      condition: 'transport:not-well-formed-xml',
    });
    const flag = transportFlag(input({ ...withApprec, transportErrors: [aboutApprec] }), '2026-01-05T13:00:00+01:00');
    expect(flag?.reason).toContain('gjelder FHIs Apprec på fagmeldingen (KPR_IPL)');
    expect(flag?.nextStep).toMatch(/^FHIs Apprec kom ikke fram til kommunen/);

    const spoofed = transportError('d1-ide', ERROR_AT, { condition: 'abuse:spoofing-attack' });
    const spoofFlag = transportFlag(
      input({ ...delivery('d1', SENT), transportErrors: [spoofed] }),
      '2026-01-05T11:00:00+01:00',
    );
    expect(spoofFlag?.reason).toContain(
      'Transportfeil: mistanke om forfalsket avsender (gjelder identmeldingen (KPR_IDE)',
    );
    expect(spoofFlag?.nextStep).toMatch(/^FHI bør undersøke saken/);
  });

  it('an unknown condition gets a generic Norwegian text, never the raw code; test messages count before production', () => {
    const events = input({
      messages: [testIpl('t1', SENT)],
      transportErrors: [transportError('t1', ERROR_AT, { condition: 'transport:something-new' })],
    });
    const flag = transportFlag(events, '2026-01-05T11:00:00+01:00');
    expect(flag?.reason).toContain('Transportfeil: meldingen kom ikke fram (ukjent feiltype)');
    expect(flag?.reason).not.toContain('something-new');
  });
});

describe('timelineEntryText: a transport error', () => {
  const when = at(ERROR_AT);
  it('says the error in Norwegian and what it concerns', () => {
    expect(
      timelineEntryText({
        kind: 'TRANSPORT_ERROR',
        at: when,
        condition: 'transport:expired-certificate',
        msgId: 'm-1',
        apprecId: null,
      }),
    ).toEqual({ event: 'Transportfeil: sertifikatet er utløpt', detail: 'Gjelder melding m-1', errors: [] });
    expect(
      timelineEntryText({ kind: 'TRANSPORT_ERROR', at: when, condition: 'x:y', msgId: 'm-1', apprecId: 'a-1' }),
    ).toEqual({
      event: 'Transportfeil: meldingen kom ikke fram (ukjent feiltype)',
      detail: 'Gjelder Apprec a-1 (svar på m-1)',
      errors: [],
    });
  });
});
