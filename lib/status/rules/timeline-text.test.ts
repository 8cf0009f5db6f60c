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
    const entry = { kind: 'FINDING', at, msgId: null, code: 'MUNICIPALITY_NUMBER_UNKNOWN', severity: 'ERROR' } as const;
    expect(timelineEntryText({ ...entry, ...finding })).toEqual({
      event: 'Funn (feil): Ukjent kommunenummer',
      detail,
      errors: [],
    });
  });

  it.each([
    [
      'a code of FHI named in the labels',
      'FHI_IDENTITY_COUNT_MISMATCH',
      'Identmeldingen og fagmeldingen har ulikt antall personer',
    ],
    ['a code of FHI not in the labels', 'FHI_SOMETHING_NEW', 'Funn fra FHIs validering'],
    ['any other unknown code', 'SOMETHING_ELSE', 'Funn'],
  ])('a finding by its title, never its code: %s', (_name, code, title) => {
    const text = timelineEntryText({
      kind: 'FINDING',
      at,
      msgId: null,
      code,
      severity: 'WARNING',
      message: 'Tekst.',
      count: 1,
      resolvedAt: null,
    });
    expect(text.event).toBe(`Funn (advarsel): ${title}`);
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
        { codeSystem: null, code: 'Z01', displayName: 'Egen kode', freeText: null },
        { codeSystem: null, code: 'Z02', displayName: null, freeText: null },
      ],
    });
    expect(text).toEqual({
      event: 'Apprec: Avvist',
      detail: 'Svar på m-1',
      errors: [
        'T02 XML validerer ikke – Mangler periode',
        'E35 Pasienten finnes ikke i mottakersystemet',
        'Z01 Egen kode',
        'Z02',
      ],
    });
  });
});
