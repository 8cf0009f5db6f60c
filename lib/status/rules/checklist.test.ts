import { describe, expect, it } from 'vitest';
import { deriveDeliveryState } from './derive';
import { DEFAULT_DELIVERY_RULES } from './rules';
import {
  apprec,
  at,
  delivery,
  finding,
  ide,
  input,
  ipl,
  SERVICES_2025,
  T02,
  testIpl,
} from '@/lib/db/testing/delivery-state-builders';
import type { ChecklistItem, ChecklistKey, ChecklistStatus, DeliveryStateInput, MessageInput } from './types';

function checklist(events: DeliveryStateInput, asOf: string): ChecklistItem[] {
  return deriveDeliveryState(events, at(asOf)).checklist;
}

function statuses(events: DeliveryStateInput, asOf: string): Partial<Record<ChecklistKey, ChecklistStatus>> {
  return Object.fromEntries(checklist(events, asOf).map((item) => [item.key, item.status]));
}

function detail(events: DeliveryStateInput, asOf: string, key: ChecklistKey): string | undefined {
  return checklist(events, asOf).find((item) => item.key === key)?.detail;
}

const ACCEPTED = delivery('r1', '2026-01-10T10:00:00+01:00', { status: 'OK', at: '2026-01-10T12:00:00+01:00' });
const AFTER = '2026-01-11T10:00:00+01:00';

/** The accepted delivery with a changed KPR_IPL. */
function acceptedWith(change: Partial<MessageInput>, events: Partial<DeliveryStateInput> = {}): DeliveryStateInput {
  const [first, ...rest] = ACCEPTED.messages;
  return input({ messages: [{ ...first!, ...change }, ...rest], apprecs: ACCEPTED.apprecs, ...events });
}

function summaryWith(servicesByCode: Record<string, number>, invalid = 0): Partial<MessageInput> {
  return {
    contentSummary: { kind: 'KPR_IPL', persons: 1000, servicesByCode, organisationNumbers: { checked: 12, invalid } },
  };
}

describe('readiness checklist', () => {
  it('keeps a fixed order of items with Norwegian labels', () => {
    expect(checklist(input(), AFTER).map((item) => [item.key, item.label])).toEqual([
      ['TEST_SENT', 'Test sendt til KPR Validering'],
      ['TEST_ACCEPTED', 'Test godtatt (positiv Apprec)'],
      ['PRODUCTION_IPL_ACCEPTED', 'Fagmelding (KPR_IPL) godtatt i produksjon'],
      ['IDE_SENT', 'Identmelding (KPR_IDE) sendt'],
      ['NO_OPEN_ERRORS', 'Ingen åpne feil'],
      ['MUNICIPALITY_NUMBER_VALID', 'Kommunenummer gyldig for 2025'],
      ['WHOLE_PERIOD', 'Hele året er med'],
      ['ORGANISATION_NUMBERS_VALID', 'Organisasjonsnumre gyldige'],
      ['NO_EXPIRED_SERVICE_CODES', 'Ingen utgåtte tjenestekoder (12, 13, 16)'],
      ['WELFARE_TECHNOLOGY', 'Velferdsteknologi registrert (6, 26, 27, 28)'],
      ['VOLUMES_PLAUSIBLE', 'Omfang per tjeneste rimelig mot i fjor'],
    ]);
  });

  it.each<[string, DeliveryStateInput, string, Partial<Record<ChecklistKey, ChecklistStatus>>]>([
    [
      'nothing sent',
      input(),
      AFTER,
      {
        TEST_SENT: 'NOT_DONE',
        TEST_ACCEPTED: 'NOT_DONE',
        PRODUCTION_IPL_ACCEPTED: 'NOT_DONE',
        IDE_SENT: 'NOT_DONE',
        NO_OPEN_ERRORS: 'NOT_DONE',
        MUNICIPALITY_NUMBER_VALID: 'NOT_DONE',
        WHOLE_PERIOD: 'NOT_DONE',
        ORGANISATION_NUMBERS_VALID: 'NOT_DONE',
        NO_EXPIRED_SERVICE_CODES: 'NOT_DONE',
        WELFARE_TECHNOLOGY: 'NOT_DONE',
        VOLUMES_PLAUSIBLE: 'NOT_DONE',
      },
    ],
    [
      'a clean accepted delivery without a test',
      input(ACCEPTED),
      AFTER,
      {
        TEST_SENT: 'NOT_APPLICABLE',
        TEST_ACCEPTED: 'NOT_APPLICABLE',
        PRODUCTION_IPL_ACCEPTED: 'DONE',
        IDE_SENT: 'DONE',
        NO_OPEN_ERRORS: 'DONE',
        MUNICIPALITY_NUMBER_VALID: 'DONE',
        WHOLE_PERIOD: 'DONE',
        ORGANISATION_NUMBERS_VALID: 'DONE',
        NO_EXPIRED_SERVICE_CODES: 'DONE',
        WELFARE_TECHNOLOGY: 'DONE',
        VOLUMES_PLAUSIBLE: 'DONE',
      },
    ],
    [
      'a test sent and accepted, nothing in production',
      input({
        messages: [testIpl('t1', '2025-10-15T10:00:00+02:00')],
        apprecs: [apprec('t1', 'OK', '2025-10-15T11:00:00+02:00')],
      }),
      '2025-10-16T10:00:00+02:00',
      {
        TEST_SENT: 'DONE',
        TEST_ACCEPTED: 'DONE',
        PRODUCTION_IPL_ACCEPTED: 'NOT_DONE',
        IDE_SENT: 'NOT_DONE',
        NO_OPEN_ERRORS: 'DONE',
        MUNICIPALITY_NUMBER_VALID: 'DONE',
        WHOLE_PERIOD: 'DONE',
        ORGANISATION_NUMBERS_VALID: 'DONE',
        NO_EXPIRED_SERVICE_CODES: 'DONE',
        WELFARE_TECHNOLOGY: 'DONE',
        VOLUMES_PLAUSIBLE: 'DONE',
      },
    ],
    [
      'a test rejected',
      input({
        messages: [testIpl('t1', '2025-10-15T10:00:00+02:00')],
        apprecs: [apprec('t1', 'REJECTED', '2025-10-15T11:00:00+02:00', [T02])],
      }),
      '2025-10-16T10:00:00+02:00',
      { TEST_SENT: 'DONE', TEST_ACCEPTED: 'NOT_DONE' },
    ],
    [
      'production awaiting its Apprec',
      input(delivery('r1', '2026-01-10T10:00:00+01:00')),
      '2026-01-10T11:00:00+01:00',
      { PRODUCTION_IPL_ACCEPTED: 'NOT_DONE', IDE_SENT: 'DONE', TEST_SENT: 'NOT_DONE' },
    ],
    [
      'Apprec "OK, feil i delmelding"',
      input(delivery('r1', '2026-01-10T10:00:00+01:00', { status: 'OK_WITH_ERRORS', at: '2026-01-10T12:00:00+01:00' })),
      AFTER,
      { PRODUCTION_IPL_ACCEPTED: 'WARNING' },
    ],
    [
      'the KPR_IDE missing',
      input({
        messages: [ipl('a', '2026-01-10T10:00:00+01:00')],
        apprecs: [apprec('a', 'OK', '2026-01-10T12:00:00+01:00')],
      }),
      AFTER,
      { PRODUCTION_IPL_ACCEPTED: 'DONE', IDE_SENT: 'NOT_DONE' },
    ],
    [
      'the KPR_IDE rejected',
      input({
        ...ACCEPTED,
        apprecs: [...ACCEPTED.apprecs, apprec('r1-ide', 'REJECTED', '2026-01-10T12:00:00+01:00', [T02])],
      }),
      AFTER,
      { IDE_SENT: 'NOT_DONE' },
    ],
    [
      'only a KPR_IDE in the latest delivery',
      input({ messages: [ide('b', '2026-01-10T10:00:00+01:00')] }),
      AFTER,
      {
        PRODUCTION_IPL_ACCEPTED: 'NOT_DONE',
        IDE_SENT: 'DONE',
        MUNICIPALITY_NUMBER_VALID: 'NOT_DONE',
        ORGANISATION_NUMBERS_VALID: 'NOT_DONE',
      },
    ],
    [
      'an open error finding',
      input({ ...ACCEPTED, findings: [finding('r1-ipl', '2026-01-10T10:05:00+01:00')] }),
      AFTER,
      { NO_OPEN_ERRORS: 'NOT_DONE' },
    ],
    [
      'an open warning finding',
      input({ ...ACCEPTED, findings: [finding('r1-ipl', '2026-01-10T10:05:00+01:00', { severity: 'WARNING' })] }),
      AFTER,
      { NO_OPEN_ERRORS: 'WARNING' },
    ],
    [
      'an old municipality number',
      acceptedWith({ municipalityNumberAsSent: '5401', municipalityNumber: '5501' }),
      AFTER,
      { MUNICIPALITY_NUMBER_VALID: 'NOT_DONE' },
    ],
    [
      'an unknown municipality number',
      acceptedWith({ municipalityNumberAsSent: '0000', municipalityNumber: null }),
      AFTER,
      { MUNICIPALITY_NUMBER_VALID: 'NOT_DONE' },
    ],
    [
      'a municipality number not read',
      acceptedWith({ municipalityNumberAsSent: null }),
      AFTER,
      { MUNICIPALITY_NUMBER_VALID: 'NOT_DONE' },
    ],
    [
      'a municipality number with stray spaces',
      acceptedWith({ municipalityNumberAsSent: ' 0301 ' }),
      AFTER,
      { MUNICIPALITY_NUMBER_VALID: 'DONE' },
    ],
    ['part of the year', acceptedWith({ periodFrom: '2025-03-01' }), AFTER, { WHOLE_PERIOD: 'NOT_DONE' }],
    ['a period not read', acceptedWith({ periodFrom: null }), AFTER, { WHOLE_PERIOD: 'NOT_DONE' }],
    [
      'invalid organisation numbers',
      acceptedWith(summaryWith(SERVICES_2025, 2)),
      AFTER,
      { ORGANISATION_NUMBERS_VALID: 'NOT_DONE' },
    ],
    [
      'expired service code 12',
      acceptedWith(summaryWith({ ...SERVICES_2025, '12': 4 })),
      AFTER,
      { NO_EXPIRED_SERVICE_CODES: 'NOT_DONE' },
    ],
    [
      'an expired code listed with zero services',
      acceptedWith(summaryWith({ ...SERVICES_2025, '16': 0 })),
      AFTER,
      { NO_EXPIRED_SERVICE_CODES: 'DONE' },
    ],
    [
      'no welfare technology',
      acceptedWith(summaryWith({ '1': 400, '15': 900, '21': 120 })),
      AFTER,
      { WELFARE_TECHNOLOGY: 'WARNING', VOLUMES_PLAUSIBLE: 'WARNING' },
    ],
    [
      'welfare technology far below last year',
      input({ ...ACCEPTED, previousSeason: { servicesByCode: { ...SERVICES_2025, '6': 600 } } }),
      AFTER,
      { WELFARE_TECHNOLOGY: 'WARNING' },
    ],
    [
      'content not read',
      acceptedWith({ contentSummary: null }),
      AFTER,
      {
        ORGANISATION_NUMBERS_VALID: 'NOT_DONE',
        NO_EXPIRED_SERVICE_CODES: 'NOT_DONE',
        WELFARE_TECHNOLOGY: 'NOT_DONE',
        VOLUMES_PLAUSIBLE: 'NOT_DONE',
      },
    ],
    [
      'no previous season to compare with',
      input({ ...ACCEPTED, previousSeason: null }),
      AFTER,
      { VOLUMES_PLAUSIBLE: 'NOT_APPLICABLE' },
    ],
    [
      'a code doubled exactly is still plausible',
      input({ ...ACCEPTED, previousSeason: { servicesByCode: { ...SERVICES_2025, '6': 125 } } }),
      AFTER,
      { VOLUMES_PLAUSIBLE: 'DONE' },
    ],
    [
      'a code more than doubled',
      input({ ...ACCEPTED, previousSeason: { servicesByCode: { ...SERVICES_2025, '6': 124 } } }),
      AFTER,
      { VOLUMES_PLAUSIBLE: 'WARNING' },
    ],
    [
      'a code more than halved',
      input({ ...ACCEPTED, previousSeason: { servicesByCode: { ...SERVICES_2025, '21': 241 } } }),
      AFTER,
      { VOLUMES_PLAUSIBLE: 'WARNING' },
    ],
    [
      'small numbers are not compared',
      input({ ...ACCEPTED, previousSeason: { servicesByCode: { ...SERVICES_2025, '9': 19 } } }),
      AFTER,
      { VOLUMES_PLAUSIBLE: 'DONE' },
    ],
    [
      'a new code with many services',
      input({ ...ACCEPTED, previousSeason: { servicesByCode: { '1': 400, '6': 250, '15': 900, '21': 120 } } }),
      AFTER,
      { VOLUMES_PLAUSIBLE: 'WARNING' },
    ],
  ])('%s', (_name, events, asOf, expected) => {
    expect(statuses(events, asOf)).toMatchObject(expected);
  });

  it('describes what it found', () => {
    expect(
      detail(
        acceptedWith({ municipalityNumberAsSent: '5401', municipalityNumber: '5501' }),
        AFTER,
        'MUNICIPALITY_NUMBER_VALID',
      ),
    ).toBe('5401 er et gammelt nummer; gyldig er 5501');
    expect(detail(acceptedWith({ periodFrom: '2025-03-01' }), AFTER, 'WHOLE_PERIOD')).toBe(
      'Fagmeldingen dekker 01.03.2025–31.12.2025, ikke 01.01.2025–31.12.2025',
    );
    expect(detail(acceptedWith(summaryWith(SERVICES_2025, 2)), AFTER, 'ORGANISATION_NUMBERS_VALID')).toBe(
      '2 av 12 er ugyldige',
    );
    expect(
      detail(acceptedWith(summaryWith({ ...SERVICES_2025, '12': 4, '16': 1 })), AFTER, 'NO_EXPIRED_SERVICE_CODES'),
    ).toBe('I bruk: kode 12 og 16');
    expect(detail(input(ACCEPTED), AFTER, 'WELFARE_TECHNOLOGY')).toBe('280 tjenester');
    expect(
      detail(
        input({ ...ACCEPTED, previousSeason: { servicesByCode: { ...SERVICES_2025, '6': 600 } } }),
        AFTER,
        'WELFARE_TECHNOLOGY',
      ),
    ).toBe(
      'Fagmeldingen har 280 tjenester for velferdsteknologi, mot 630 i fjor. Kontroller at velferdsteknologi er registrert riktig.',
    );
    expect(detail(input(ACCEPTED), AFTER, 'PRODUCTION_IPL_ACCEPTED')).toBe('OK 10.01.2026');
    expect(
      detail(
        input({ ...ACCEPTED, previousSeason: { servicesByCode: { ...SERVICES_2025, '6': 100, '15': 2000 } } }),
        AFTER,
        'VOLUMES_PLAUSIBLE',
      ),
    ).toBe('Store endringer: kode 6: 100 → 250; kode 15: 2\u00a0000 → 900');
  });

  it('marks details that come from a test delivery', () => {
    const events = input({ messages: [testIpl('t1', '2025-10-15T10:00:00+02:00', { periodTo: '2025-09-30' })] });
    expect(detail(events, '2025-10-16T10:00:00+02:00', 'WHOLE_PERIOD')).toBe(
      'Fagmeldingen dekker 01.01.2025–30.09.2025, ikke 01.01.2025–31.12.2025 (testinnsending)',
    );
    expect(detail(events, '2025-10-16T10:00:00+02:00', 'TEST_ACCEPTED')).toBe('Venter på Apprec for testen');
  });

  it('names the whole period of a season that is not a year', () => {
    const daily = input({ season: { ...input().season, kind: 'DAILY' } });
    expect(checklist(daily, AFTER).find((item) => item.key === 'WHOLE_PERIOD')?.label).toBe('Hele perioden er med');
  });

  it('takes the plausibility threshold from the rules', () => {
    const events = input({ ...ACCEPTED, previousSeason: { servicesByCode: { ...SERVICES_2025, '6': 200 } } });
    const strict = { ...DEFAULT_DELIVERY_RULES, serviceVolume: { minVolume: 20, minRatio: 0.8, maxRatio: 1.2 } };
    const status = (rules = DEFAULT_DELIVERY_RULES) =>
      deriveDeliveryState(events, at(AFTER), rules).checklist.find((item) => item.key === 'VOLUMES_PLAUSIBLE')?.status;
    expect(status()).toBe('DONE');
    expect(status(strict)).toBe('WARNING');
  });
});
