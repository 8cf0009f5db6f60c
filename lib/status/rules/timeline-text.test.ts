import { describe, expect, it } from 'vitest';
import { timelineEntryText } from './timeline-text';

const at = new Date('2026-01-09T11:35:00Z');

describe('timelineEntryText', () => {
  it.each([
    [
      'a sentence with its period, resolved',
      { message: 'Kommunenummeret 301 er ikke gyldig.', count: 1, resolvedAt: new Date('2026-01-15T12:31:00Z') },
      'Kommunenummeret 301 er ikke gyldig. Løst 15.01.2026 kl. 13:31.',
    ],
    [
      'counted, open',
      { message: 'Ugyldig organisasjonsnummer', count: 3, resolvedAt: null },
      'Ugyldig organisasjonsnummer (3 forekomster).',
    ],
  ])('a finding: %s', (_name, finding, detail) => {
    expect(timelineEntryText({ kind: 'FINDING', at, msgId: null, code: 'X', severity: 'ERROR', ...finding })).toEqual({
      event: 'Funn (feil): X',
      detail,
      errors: [],
    });
  });

  it('an Apprec with its errors, one line each', () => {
    const text = timelineEntryText({
      kind: 'APPREC',
      at,
      apprecId: 'a',
      originalMsgId: 'm-1',
      status: 'REJECTED',
      errors: [
        { codeSystem: null, code: 'T02', displayName: 'Feil i meldingen', freeText: 'Mangler periode' },
        { codeSystem: null, code: 'E35', displayName: null, freeText: null },
      ],
    });
    expect(text).toEqual({
      event: 'Apprec: Avvist',
      detail: 'Svar på m-1',
      errors: ['T02 Feil i meldingen – Mangler periode', 'E35'],
    });
  });
});
