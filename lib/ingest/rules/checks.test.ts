import { describe, expect, it } from 'vitest';
import {
  type DeliveryCheckInput,
  SERVICE_VOLUME_CHANGE_THRESHOLDS,
  WELFARE_TECHNOLOGY_CHANGE_THRESHOLDS,
  checkEpjSystemChanged,
  checkMunicipalityNumber,
  checkOrganisationNumbers,
  checkPeriodCovered,
  checkServiceCodes,
  checkServiceVolumeChanges,
  checkTestPersons,
  checkWelfareTechnology,
  groupCheckFindings,
  resolveMunicipalityNumber,
  runDeliveryChecks,
} from './checks';
import { CHECK_FINDING_SEVERITY } from './finding-codes';
import { MUNICIPALITIES, SEASON_2025, SERVICE_CODES } from '@/lib/db/testing/domain-fixtures';

describe('resolveMunicipalityNumber', () => {
  it.each([
    ['4601', { status: 'VALID', number: '4601' }],
    ['0301', { status: 'VALID', number: '0301' }],
    [' 4601 ', { status: 'VALID', number: '4601' }],
    ['3001', { status: 'RENUMBERED', number: '3101' }],
    ['5430', { status: 'RENUMBERED', number: '5612' }],
    ['1507', { status: 'RENUMBERED', number: '1508' }],
    ['9999', { status: 'UNKNOWN', number: null }],
    ['301', { status: 'UNKNOWN', number: null }],
    ['', { status: 'UNKNOWN', number: null }],
  ])('%j → %j', (asSent, expected) => {
    expect(resolveMunicipalityNumber(asSent, MUNICIPALITIES)).toEqual(expected);
  });

  it('does not resolve through a renumbering whose target is not valid', () => {
    const reference = {
      validNumbers: new Set(['4601']),
      renumbering: new Map([
        ['1201', '4601'],
        ['1234', '9999'],
      ]),
    };
    expect(resolveMunicipalityNumber('1201', reference)).toEqual({ status: 'RENUMBERED', number: '4601' });
    expect(resolveMunicipalityNumber('1234', reference)).toEqual({ status: 'UNKNOWN', number: null });
  });
});

describe('checkMunicipalityNumber', () => {
  it.each([
    ['4601', []],
    ['3001', ['MUNICIPALITY_NUMBER_RENUMBERED']],
    ['9999', ['MUNICIPALITY_NUMBER_UNKNOWN']],
  ])('%s → %j', (asSent, codes) => {
    expect(checkMunicipalityNumber(asSent, MUNICIPALITIES, 2025).map((finding) => finding.code)).toEqual(codes);
  });

  it('names the new number for an old one, and the data year for an unknown one', () => {
    expect(checkMunicipalityNumber('3001', MUNICIPALITIES, 2025)[0]).toMatchObject({
      severity: 'ERROR',
      count: 1,
      message:
        'Kommunenummeret 3001 (iiKomnr) er et tidligere nummer. Kommunen har nå nummer 3101; bruk det i leveransen.',
      evidence: { municipalityNumberAsSent: '3001', municipalityNumber: '3101' },
    });
    expect(checkMunicipalityNumber('9999', MUNICIPALITIES, 2025)[0]?.message).toBe(
      'Kommunenummeret 9999 (iiKomnr) er ikke et gyldig kommunenummer for 2025.',
    );
  });
});

describe('checkPeriodCovered', () => {
  it.each([
    ['2025-01-01', '2025-12-31', null],
    [
      '2025-01-01',
      '2025-06-30',
      'Perioden i fagmeldingen (01.01.2025–30.06.2025) dekker ikke hele rapporteringsåret 01.01.2025–31.12.2025. Hele året skal sendes samlet.',
    ],
    [
      '2025-01-02',
      '2025-12-31',
      'Perioden i fagmeldingen (02.01.2025–31.12.2025) dekker ikke hele rapporteringsåret 01.01.2025–31.12.2025. Hele året skal sendes samlet.',
    ],
    [
      '2024-01-01',
      '2025-12-31',
      'Perioden i fagmeldingen (01.01.2024–31.12.2025) går utover rapporteringsåret. Perioden skal være 01.01.2025–31.12.2025.',
    ],
    [
      '2024-07-01',
      '2025-06-30',
      'Perioden i fagmeldingen (01.07.2024–30.06.2025) dekker ikke hele rapporteringsåret 01.01.2025–31.12.2025. Hele året skal sendes samlet.',
    ],
  ])('%s – %s', (periodFrom, periodTo, message) => {
    const findings = checkPeriodCovered({ periodFrom, periodTo }, SEASON_2025);
    expect(findings.map((finding) => finding.message)).toEqual(message === null ? [] : [message]);
    if (message !== null) expect(findings[0]).toMatchObject({ code: 'PERIOD_INCOMPLETE', severity: 'ERROR' });
  });
});

describe('checkEpjSystemChanged', () => {
  it.each([
    ['Gerica', null, 0],
    [null, 'Gerica', 0],
    ['Gerica', 'Gerica', 0],
    [' GERICA ', 'Gerica', 0],
    ['Profil', 'Gerica', 1],
  ] as const)('%j after %j → %i finding(s)', (current, previous, count) => {
    expect(checkEpjSystemChanged(current, previous)).toHaveLength(count);
  });

  it('is a warning that names both systems', () => {
    expect(checkEpjSystemChanged('Profil', 'Gerica')[0]).toMatchObject({
      code: 'EPJ_SYSTEM_CHANGED',
      severity: 'WARNING',
      evidence: { previous: 'Gerica', current: 'Profil' },
    });
    expect(checkEpjSystemChanged('Profil', 'Gerica')[0]?.message).toMatch(
      /^Fagsystemet \(iiSysID\) er «Profil», men var «Gerica»/,
    );
  });
});

describe('checkOrganisationNumbers', () => {
  it.each([
    [{ checked: 0, invalid: 0 }, null],
    [{ checked: 12, invalid: 0 }, null],
    [
      { checked: 1, invalid: 1 },
      '1 av 1 organisasjonsnummer for tjenesteytere (tjInstOrgnr, dgInstOrgnr) er ugyldig: feil lengde eller feil kontrollsiffer.',
    ],
    [
      { checked: 12, invalid: 3 },
      '3 av 12 organisasjonsnumre for tjenesteytere (tjInstOrgnr, dgInstOrgnr) er ugyldige: feil lengde eller feil kontrollsiffer.',
    ],
  ])('%j', (organisationNumbers, message) => {
    const findings = checkOrganisationNumbers(organisationNumbers);
    expect(findings.map((finding) => finding.message)).toEqual(message === null ? [] : [message]);
    if (message !== null) expect(findings[0]?.count).toBe(organisationNumbers.invalid);
  });
});

describe('checkServiceCodes', () => {
  it.each([
    [{ '15': 40, '29': 3 }, 2025, []],
    [
      { '12': 2 },
      2025,
      [
        [
          'SERVICE_CODE_EXPIRED',
          'Tjenestekode 12 (Omsorgsbolig) er utgått og gjelder ikke for data fra 2019. 2 tjenester har denne koden.',
        ],
      ],
    ],
    [
      { '16': 1 },
      2025,
      [
        [
          'SERVICE_CODE_EXPIRED',
          'Tjenestekode 16 (Re-/habilitering utenfor institusjon) er utgått og gjelder ikke for data fra 2019. 1 tjeneste har denne koden.',
        ],
      ],
    ],
    [{ '12': 5 }, 2018, []],
    [
      { '29': 5 },
      2018,
      [
        [
          'SERVICE_CODE_UNKNOWN',
          'Tjenestekode 29 (Bolig som kommunen disponerer for helse- og omsorgsformål) gjelder først for data fra 2019. 5 tjenester har denne koden.',
        ],
      ],
    ],
    [
      { '99': 4 },
      2025,
      [['SERVICE_CODE_UNKNOWN', 'Tjenestekode 99 finnes ikke i IPLOS-kodeverket (9151). 4 tjenester har denne koden.']],
    ],
    [{ '-': 7 }, 2025, [['SERVICE_CODE_UNKNOWN', '7 tjenester mangler tjenestekode (tjTjenType).']]],
    [{ '?': 1 }, 2025, [['SERVICE_CODE_UNKNOWN', '1 tjeneste har en tjenestekode som ikke kan leses.']]],
  ])('%j in %i', (servicesByCode, dataYear, expected) => {
    const findings = checkServiceCodes(servicesByCode, SERVICE_CODES, dataYear);
    expect(findings.map((finding) => [finding.code, finding.message])).toEqual(expected);
    for (const finding of findings)
      expect(finding.count).toBe(servicesByCode[finding.evidence?.serviceCode as keyof typeof servicesByCode]);
  });

  it('lists codes in numeric order', () => {
    const findings = checkServiceCodes({ '99': 1, '13': 1, '12': 1, '100': 1 }, SERVICE_CODES, 2025);
    expect(findings.map((finding) => finding.evidence?.serviceCode)).toEqual(['12', '13', '99', '100']);
  });
});

describe('checkWelfareTechnology', () => {
  it.each([
    ['none at all', { '15': 30 }, null, ['WELFARE_TECHNOLOGY_MISSING']],
    ['present, nothing to compare with', { '6': 1 }, null, []],
    ['present in one code only', { '28': 1 }, { '28': 1 }, []],
    ['halved exactly (ratio 0.5 is inside)', { '6': 50 }, { '6': 100 }, []],
    ['fell below half', { '6': 49 }, { '6': 100 }, ['WELFARE_TECHNOLOGY_IMPLAUSIBLE']],
    ['doubled exactly (ratio 2 is inside)', { '6': 100, '27': 100 }, { '6': 100 }, []],
    ['more than doubled', { '6': 100, '27': 101 }, { '6': 100 }, ['WELFARE_TECHNOLOGY_IMPLAUSIBLE']],
    ['new this year, enough volume', { '26': 10 }, { '15': 400 }, ['WELFARE_TECHNOLOGY_IMPLAUSIBLE']],
    ['small counts are not judged', { '6': 1 }, { '6': 9 }, []],
    ['expired or other codes do not count', { '12': 50, '6': 50 }, { '6': 50 }, []],
  ])('%s', (_, servicesByCode, lastYear, codes) => {
    const findings = checkWelfareTechnology(servicesByCode, lastYear, SERVICE_CODES, 2025);
    expect(findings.map((finding) => finding.code)).toEqual(codes);
  });

  it('names the welfare-technology codes from the reference when none are present', () => {
    expect(checkWelfareTechnology({}, null, SERVICE_CODES, 2025)[0]?.message).toBe(
      'Fagmeldingen har ingen tjenester for velferdsteknologi (6 Trygghetsalarm, 26 Lokaliseringsteknologi (GPS), 27 Elektronisk medisineringsstøtte og 28 Digitalt tilsyn). Kontroller at disse tjenestene er registrert.',
    );
  });

  it('takes its thresholds as configuration', () => {
    const strict = { ...WELFARE_TECHNOLOGY_CHANGE_THRESHOLDS, minRatio: 0.9 };
    expect(
      checkWelfareTechnology({ '6': 80 }, { '6': 100 }, SERVICE_CODES, 2025, strict).map((finding) => finding.code),
    ).toEqual(['WELFARE_TECHNOLOGY_IMPLAUSIBLE']);
  });
});

describe('checkServiceVolumeChanges', () => {
  it.each([
    ['no last year', { '15': 100 }, null, []],
    ['steady', { '15': 100 }, { '15': 90 }, []],
    ['ratio 0.5 exactly', { '15': 50 }, { '15': 100 }, []],
    ['ratio below 0.5', { '15': 49 }, { '15': 100 }, ['15']],
    ['ratio 2 exactly', { '15': 200 }, { '15': 100 }, []],
    ['ratio above 2', { '15': 201 }, { '15': 100 }, ['15']],
    ['new code at the volume threshold', { '15': 20 }, {}, ['15']],
    ['new code below the volume threshold', { '15': 19 }, {}, []],
    ['code gone', {}, { '21': 20 }, ['21']],
    [
      'several codes, numeric order',
      { '4': 0, '15': 300, '21': 1 },
      { '4': 40, '15': 100, '21': 30 },
      ['4', '15', '21'],
    ],
    ['expired and unknown codes are left to checkServiceCodes', { '12': 100, '99': 100 }, { '12': 1 }, []],
  ])('%s', (_, servicesByCode, lastYear, codes) => {
    const findings = checkServiceVolumeChanges(servicesByCode, lastYear, SERVICE_CODES, 2025);
    expect(findings.map((finding) => finding.evidence?.serviceCode)).toEqual(codes);
    for (const finding of findings)
      expect(finding).toMatchObject({ code: 'SERVICE_VOLUME_CHANGE', severity: 'WARNING', count: 1 });
  });

  it('says what changed', () => {
    expect(checkServiceVolumeChanges({ '15': 10 }, { '15': 100 }, SERVICE_CODES, 2025)[0]).toMatchObject({
      message:
        'Tjenestekode 15 (Helsetjenester i hjemmet) har 10 tjenester, mot 100 i fjor. Kontroller at lokale tjenester er koblet til riktig IPLOS-kode.',
      evidence: { serviceCode: '15', previous: 100, current: 10 },
    });
  });

  it('takes its thresholds as configuration', () => {
    expect(SERVICE_VOLUME_CHANGE_THRESHOLDS).toEqual({ minVolume: 20, minRatio: 0.5, maxRatio: 2 });
    const loose = { minVolume: 1000, minRatio: 0.1, maxRatio: 10 };
    expect(checkServiceVolumeChanges({ '15': 10 }, { '15': 100 }, SERVICE_CODES, 2025, loose)).toEqual([]);
  });
});

describe('checkTestPersons', () => {
  it.each([
    [0, null],
    [
      1,
      'Identmeldingen har 1 testperson (syntetisk fødselsnummer eller testnavn som «Donald Duck»). Testpersoner skal ikke være med i leveransen.',
    ],
    [
      3,
      'Identmeldingen har 3 testpersoner (syntetisk fødselsnummer eller testnavn som «Donald Duck»). Testpersoner skal ikke være med i leveransen.',
    ],
  ])('%i test persons', (testPersons, message) => {
    const findings = checkTestPersons({ kind: 'KPR_IDE', persons: 10, testPersons });
    expect(findings.map((finding) => finding.message)).toEqual(message === null ? [] : [message]);
    if (message !== null)
      expect(findings[0]).toMatchObject({ code: 'TEST_PERSONS', severity: 'ERROR', count: testPersons });
  });
});

describe('runDeliveryChecks', () => {
  const clean: DeliveryCheckInput = {
    header: {
      municipalityNumberAsSent: '4601',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      epjSystem: 'Gerica',
      epjVersion: '4.2',
      runNumber: '7',
    },
    summary: {
      kind: 'KPR_IPL',
      persons: 900,
      servicesByCode: { '6': 300, '15': 500, '21': 120, '26': 15 },
      organisationNumbers: { checked: 14, invalid: 0 },
    },
    identity: { kind: 'KPR_IDE', persons: 900, testPersons: 0 },
    season: SEASON_2025,
    municipalities: MUNICIPALITIES,
    serviceCodes: SERVICE_CODES,
    previousEpjSystem: 'Gerica',
    lastYearServicesByCode: { '6': 280, '15': 480, '21': 110, '26': 12 },
  };

  it('finds nothing in a clean delivery', () => {
    expect(runDeliveryChecks(clean)).toEqual([]);
  });

  it('runs every check, in a fixed order, with severities from finding-codes', () => {
    const findings = runDeliveryChecks({
      ...clean,
      header: { ...clean.header, municipalityNumberAsSent: '3001', periodTo: '2025-11-30', epjSystem: 'Profil' },
      summary: {
        ...clean.summary,
        servicesByCode: { '12': 3, '15': 100, '21': 120, '99': 1 },
        organisationNumbers: { checked: 14, invalid: 2 },
      },
      identity: { kind: 'KPR_IDE', persons: 900, testPersons: 2 },
    });
    expect(findings.map((finding) => finding.code)).toEqual([
      'TEST_PERSONS',
      'MUNICIPALITY_NUMBER_RENUMBERED',
      'PERIOD_INCOMPLETE',
      'EPJ_SYSTEM_CHANGED',
      'ORGANISATION_NUMBER_INVALID',
      'SERVICE_CODE_EXPIRED',
      'SERVICE_CODE_UNKNOWN',
      'WELFARE_TECHNOLOGY_MISSING',
      'SERVICE_VOLUME_CHANGE',
      'SERVICE_VOLUME_CHANGE',
    ]);
    expect(
      findings
        .filter((finding) => finding.code === 'SERVICE_VOLUME_CHANGE')
        .map((finding) => finding.evidence?.serviceCode),
    ).toEqual(['6', '15']);
    for (const finding of findings) expect(finding.severity).toBe(CHECK_FINDING_SEVERITY[finding.code]);
  });

  it('passes the thresholds through', () => {
    const input = { ...clean, lastYearServicesByCode: { ...clean.lastYearServicesByCode, '15': 1100 } };
    expect(runDeliveryChecks(input).map((finding) => finding.code)).toEqual(['SERVICE_VOLUME_CHANGE']);
    expect(
      runDeliveryChecks({ ...input, thresholds: { serviceVolume: { minVolume: 20, minRatio: 0.4, maxRatio: 2 } } }),
    ).toEqual([]);
  });
});

describe('groupCheckFindings', () => {
  it('shows identical findings once with all their messages, in the order they first occur', () => {
    const volume = (service: string) => ({
      code: 'SERVICE_VOLUME_CHANGE' as const,
      severity: 'WARNING' as const,
      message: `Stor endring for ${service}.`,
      count: 1,
    });
    const expired = {
      code: 'SERVICE_CODE_EXPIRED' as const,
      severity: 'ERROR' as const,
      message: 'Kode 12.',
      count: 1,
    };
    expect(groupCheckFindings([volume('A'), expired, volume('B'), volume('C')])).toEqual([
      {
        code: 'SERVICE_VOLUME_CHANGE',
        severity: 'WARNING',
        messages: ['Stor endring for A.', 'Stor endring for B.', 'Stor endring for C.'],
      },
      { code: 'SERVICE_CODE_EXPIRED', severity: 'ERROR', messages: ['Kode 12.'] },
    ]);
  });

  it('keeps a code apart when its severity differs', () => {
    const finding = { code: 'WELFARE_TECHNOLOGY_IMPLAUSIBLE' as const, message: 'x', count: 1 };
    expect(
      groupCheckFindings([
        { ...finding, severity: 'WARNING' },
        { ...finding, severity: 'ERROR' },
      ]).map((group) => group.severity),
    ).toEqual(['WARNING', 'ERROR']);
  });
});
