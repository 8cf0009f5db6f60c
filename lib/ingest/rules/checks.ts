/**
 * The checks FHI asks municipalities to make before sending (domain.md §5), as pure functions of a
 * read KPR_IPL (header + aggregates), the KPR_IDE's counts, and reference data passed in. Each
 * returns findings with a plain Norwegian message; nothing here sees a person or an identity number.
 * Thresholds are exported defaults and can be passed per call (architecture: thresholds are config).
 */
import { getYear, parseISO } from 'date-fns';
import { formatIsoDate, formatList } from '../../core/format';
import type { IdentityContentSummary, IplosContentSummary } from '../../core/content-summary';
import { CHECK_FINDING_SEVERITY, type CheckFindingCode } from './finding-codes';
import type { Severity } from '../../core/severity';
import { type IplosHeader, SERVICE_CODE_MISSING, SERVICE_CODE_UNREADABLE } from '../readers/iplos';

export type FindingEvidence = Readonly<Record<string, string | number | null>>;

export interface CheckFinding {
  code: CheckFindingCode;
  severity: Severity;
  /** Norwegian bokmål, for the municipality and FHI. */
  message: string;
  count: number;
  evidence?: FindingEvidence;
}

export interface MunicipalityReference {
  /** Municipality numbers valid for the season's data year (kommuner-2025.csv). */
  validNumbers: ReadonlySet<string>;
  /** Old number → current number (kommune-renumbering-2024.csv). */
  renumbering: ReadonlyMap<string, string>;
}

export interface MunicipalityResolution {
  status: 'VALID' | 'RENUMBERED' | 'UNKNOWN';
  /** The valid number it resolves to; null when unknown. */
  number: string | null;
}

/** One IPLOS service code (code system 9151), as in the ServiceCode table. */
export interface ServiceCodeReference {
  code: number;
  name: string;
  /** First data year the code may be reported for (null: always). */
  validFromYear: number | null;
  /** Last data year the code may be reported for (null: still valid). */
  validToYear: number | null;
  welfareTechnology: boolean;
}

/** The season's reporting period as ISO calendar dates (seasons.json). */
export interface SeasonPeriod {
  periodStart: string;
  periodEnd: string;
}

/**
 * A count is suspicious when current / previous falls outside [minRatio, maxRatio], judged only when
 * the larger of the two is at least minVolume (small counts swing for no reason).
 */
export interface VolumeChangeThresholds {
  minVolume: number;
  minRatio: number;
  maxRatio: number;
}

export const SERVICE_VOLUME_CHANGE_THRESHOLDS: Readonly<VolumeChangeThresholds> = Object.freeze({
  minVolume: 20,
  minRatio: 0.5,
  maxRatio: 2,
});

export const WELFARE_TECHNOLOGY_CHANGE_THRESHOLDS: Readonly<VolumeChangeThresholds> = Object.freeze({
  minVolume: 10,
  minRatio: 0.5,
  maxRatio: 2,
});

export function resolveMunicipalityNumber(asSent: string, reference: MunicipalityReference): MunicipalityResolution {
  const number = asSent.trim();
  if (reference.validNumbers.has(number)) return { status: 'VALID', number };
  const renumbered = reference.renumbering.get(number);
  if (renumbered !== undefined && reference.validNumbers.has(renumbered))
    return { status: 'RENUMBERED', number: renumbered };
  return { status: 'UNKNOWN', number: null };
}

export function checkMunicipalityNumber(
  asSent: string,
  reference: MunicipalityReference,
  dataYear: number,
): CheckFinding[] {
  const resolution = resolveMunicipalityNumber(asSent, reference);
  const evidence = { municipalityNumberAsSent: asSent, municipalityNumber: resolution.number };
  switch (resolution.status) {
    case 'VALID':
      return [];
    case 'RENUMBERED':
      return [
        finding(
          'MUNICIPALITY_NUMBER_RENUMBERED',
          `Kommunenummeret ${asSent} (iiKomnr) er et tidligere nummer. Kommunen har nå nummer ${resolution.number}; bruk det i leveransen.`,
          1,
          evidence,
        ),
      ];
    case 'UNKNOWN':
      return [
        finding(
          'MUNICIPALITY_NUMBER_UNKNOWN',
          `Kommunenummeret ${asSent} (iiKomnr) er ikke et gyldig kommunenummer for ${dataYear}.`,
          1,
          evidence,
        ),
      ];
  }
}

/** The period (iiFraDato–iiTilDato) must be exactly the season's: the whole year, always sent as one unit. */
export function checkPeriodCovered(
  period: Pick<IplosHeader, 'periodFrom' | 'periodTo'>,
  season: SeasonPeriod,
): CheckFinding[] {
  if (period.periodFrom === season.periodStart && period.periodTo === season.periodEnd) return [];
  const covers = period.periodFrom <= season.periodStart && period.periodTo >= season.periodEnd;
  const sent = `${formatIsoDate(period.periodFrom)}–${formatIsoDate(period.periodTo)}`;
  const expected = `${formatIsoDate(season.periodStart)}–${formatIsoDate(season.periodEnd)}`;
  return [
    finding(
      'PERIOD_INCOMPLETE',
      covers
        ? `Perioden i fagmeldingen (${sent}) går utover rapporteringsåret. Perioden skal være ${expected}.`
        : `Perioden i fagmeldingen (${sent}) dekker ikke hele rapporteringsåret ${expected}. Hele året skal sendes samlet.`,
      1,
      {
        periodFrom: period.periodFrom,
        periodTo: period.periodTo,
        seasonStart: season.periodStart,
        seasonEnd: season.periodEnd,
      },
    ),
  ];
}

/** iiSysID differs from the municipality's previous delivery (case and surrounding spaces ignored). */
export function checkEpjSystemChanged(current: string | null, previous: string | null): CheckFinding[] {
  if (current === null || previous === null) return [];
  if (current.trim().toLowerCase() === previous.trim().toLowerCase()) return [];
  return [
    finding(
      'EPJ_SYSTEM_CHANGED',
      `Fagsystemet (iiSysID) er «${current}», men var «${previous}» i forrige leveranse. Ved bytte av fagsystem må hele året sendes på nytt fra det nye systemet; FHI anbefaler en testinnsending til KPR Validering først.`,
      1,
      { previous, current },
    ),
  ];
}

export function checkOrganisationNumbers(
  organisationNumbers: IplosContentSummary['organisationNumbers'],
): CheckFinding[] {
  const { checked, invalid } = organisationNumbers;
  if (invalid === 0) return [];
  return [
    finding(
      'ORGANISATION_NUMBER_INVALID',
      `${invalid} av ${checked} ${plural(checked, 'organisasjonsnummer', 'organisasjonsnumre')} for tjenesteytere (tjInstOrgnr, dgInstOrgnr) er ${plural(invalid, 'ugyldig', 'ugyldige')}: feil lengde eller feil kontrollsiffer.`,
      invalid,
      { checked, invalid },
    ),
  ];
}

/** Expired codes (12, 13, 16 …: validity from the reference) and codes the reference does not know. */
export function checkServiceCodes(
  servicesByCode: Readonly<Record<string, number>>,
  serviceCodes: readonly ServiceCodeReference[],
  dataYear: number,
): CheckFinding[] {
  const byCode = new Map(serviceCodes.map((reference) => [String(reference.code), reference]));
  const findings: CheckFinding[] = [];
  for (const [key, count] of sortedEntries(servicesByCode)) {
    const reference = byCode.get(key);
    const records = `${count} ${plural(count, 'tjeneste', 'tjenester')}`;
    if (reference === undefined) {
      const message =
        key === SERVICE_CODE_MISSING
          ? `${records} mangler tjenestekode (tjTjenType).`
          : key === SERVICE_CODE_UNREADABLE
            ? `${records} har en tjenestekode som ikke kan leses.`
            : `Tjenestekode ${key} finnes ikke i IPLOS-kodeverket (9151). ${records} har denne koden.`;
      findings.push(finding('SERVICE_CODE_UNKNOWN', message, count, { serviceCode: key, records: count }));
    } else if (reference.validToYear !== null && reference.validToYear < dataYear) {
      findings.push(
        finding(
          'SERVICE_CODE_EXPIRED',
          `Tjenestekode ${key} (${reference.name}) er utgått og gjelder ikke for data fra ${reference.validToYear + 1}. ${records} har denne koden.`,
          count,
          { serviceCode: key, records: count, validToYear: reference.validToYear },
        ),
      );
    } else if (reference.validFromYear !== null && reference.validFromYear > dataYear) {
      findings.push(
        finding(
          'SERVICE_CODE_UNKNOWN',
          `Tjenestekode ${key} (${reference.name}) gjelder først for data fra ${reference.validFromYear}. ${records} har denne koden.`,
          count,
          { serviceCode: key, records: count, validFromYear: reference.validFromYear },
        ),
      );
    }
  }
  return findings;
}

/** Welfare-technology codes (flagged in the reference: 6, 26, 27, 28) present, and their total plausible vs last year. */
export function checkWelfareTechnology(
  servicesByCode: Readonly<Record<string, number>>,
  lastYearServicesByCode: Readonly<Record<string, number>> | null,
  serviceCodes: readonly ServiceCodeReference[],
  dataYear: number,
  thresholds: VolumeChangeThresholds = WELFARE_TECHNOLOGY_CHANGE_THRESHOLDS,
): CheckFinding[] {
  const welfareCodes = serviceCodes.filter(
    (reference) => reference.welfareTechnology && isValidIn(reference, dataYear),
  );
  if (welfareCodes.length === 0) return [];
  const total = (counts: Readonly<Record<string, number>>) =>
    welfareCodes.reduce((sum, reference) => sum + (counts[String(reference.code)] ?? 0), 0);
  const current = total(servicesByCode);
  if (current === 0) {
    const list = formatList(welfareCodes.map((reference) => `${reference.code} ${reference.name}`));
    return [
      finding(
        'WELFARE_TECHNOLOGY_MISSING',
        `Fagmeldingen har ingen tjenester for velferdsteknologi (${list}). Kontroller at disse tjenestene er registrert.`,
        1,
        { codes: welfareCodes.map((reference) => reference.code).join(',') },
      ),
    ];
  }
  if (lastYearServicesByCode === null) return [];
  const previous = total(lastYearServicesByCode);
  if (!isSuspiciousChange(previous, current, thresholds)) return [];
  return [
    finding(
      'WELFARE_TECHNOLOGY_IMPLAUSIBLE',
      `Fagmeldingen har ${current} ${plural(current, 'tjeneste', 'tjenester')} for velferdsteknologi, mot ${previous} i fjor. Kontroller at velferdsteknologi er registrert riktig.`,
      1,
      { previous, current },
    ),
  ];
}

/** Per valid code, a count far from last year's suggests a wrong local service mapping. */
export function checkServiceVolumeChanges(
  servicesByCode: Readonly<Record<string, number>>,
  lastYearServicesByCode: Readonly<Record<string, number>> | null,
  serviceCodes: readonly ServiceCodeReference[],
  dataYear: number,
  thresholds: VolumeChangeThresholds = SERVICE_VOLUME_CHANGE_THRESHOLDS,
): CheckFinding[] {
  if (lastYearServicesByCode === null) return [];
  const findings: CheckFinding[] = [];
  for (const reference of [...serviceCodes].sort((a, b) => a.code - b.code)) {
    if (!isValidIn(reference, dataYear)) continue;
    const key = String(reference.code);
    const current = servicesByCode[key] ?? 0;
    const previous = lastYearServicesByCode[key] ?? 0;
    if (!isSuspiciousChange(previous, current, thresholds)) continue;
    findings.push(
      finding(
        'SERVICE_VOLUME_CHANGE',
        `Tjenestekode ${key} (${reference.name}) har ${current} ${plural(current, 'tjeneste', 'tjenester')}, mot ${previous} i fjor. Kontroller at lokale tjenester er koblet til riktig IPLOS-kode.`,
        1,
        { serviceCode: key, previous, current },
      ),
    );
  }
  return findings;
}

export function checkTestPersons(identity: IdentityContentSummary): CheckFinding[] {
  if (identity.testPersons === 0) return [];
  return [
    finding(
      'TEST_PERSONS',
      `Identmeldingen har ${identity.testPersons} ${plural(identity.testPersons, 'testperson', 'testpersoner')} (syntetisk fødselsnummer eller testnavn som «Donald Duck»). Testpersoner skal ikke være med i leveransen.`,
      identity.testPersons,
      { persons: identity.persons, testPersons: identity.testPersons },
    ),
  ];
}

export interface DeliveryCheckInput {
  header: IplosHeader;
  summary: IplosContentSummary;
  /** The counts of the same delivery's KPR_IDE, when it has been read. */
  identity: IdentityContentSummary | null;
  season: SeasonPeriod;
  municipalities: MunicipalityReference;
  serviceCodes: readonly ServiceCodeReference[];
  /** iiSysID of the municipality's previous delivery, if any. */
  previousEpjSystem: string | null;
  /** servicesByCode of last year's accepted delivery, if any. */
  lastYearServicesByCode: Readonly<Record<string, number>> | null;
  thresholds?: { serviceVolume?: VolumeChangeThresholds; welfareTechnology?: VolumeChangeThresholds };
}

/** All checks of domain.md §5 for one KPR_IPL (and its KPR_IDE's counts). */
export function runDeliveryChecks(input: DeliveryCheckInput): CheckFinding[] {
  const dataYear = getYear(parseISO(input.season.periodStart));
  const { servicesByCode } = input.summary;
  return [
    ...(input.identity === null ? [] : checkTestPersons(input.identity)),
    ...checkMunicipalityNumber(input.header.municipalityNumberAsSent, input.municipalities, dataYear),
    ...checkPeriodCovered(input.header, input.season),
    ...checkEpjSystemChanged(input.header.epjSystem, input.previousEpjSystem),
    ...checkOrganisationNumbers(input.summary.organisationNumbers),
    ...checkServiceCodes(servicesByCode, input.serviceCodes, dataYear),
    ...checkWelfareTechnology(
      servicesByCode,
      input.lastYearServicesByCode,
      input.serviceCodes,
      dataYear,
      input.thresholds?.welfareTechnology,
    ),
    ...checkServiceVolumeChanges(
      servicesByCode,
      input.lastYearServicesByCode,
      input.serviceCodes,
      dataYear,
      input.thresholds?.serviceVolume,
    ),
  ];
}

function finding(code: CheckFindingCode, message: string, count: number, evidence: FindingEvidence): CheckFinding {
  return { code, severity: CHECK_FINDING_SEVERITY[code], message, count, evidence };
}

function isValidIn(reference: ServiceCodeReference, dataYear: number): boolean {
  return (
    (reference.validFromYear === null || reference.validFromYear <= dataYear) &&
    (reference.validToYear === null || reference.validToYear >= dataYear)
  );
}

function isSuspiciousChange(previous: number, current: number, thresholds: VolumeChangeThresholds): boolean {
  if (Math.max(previous, current) < thresholds.minVolume) return false;
  if (previous === 0) return true;
  const ratio = current / previous;
  return ratio < thresholds.minRatio || ratio > thresholds.maxRatio;
}

const serviceCodeOrder = new Intl.Collator('nb', { numeric: true });

/** Service-code keys in numeric order ("6" before "12"). */
function sortedEntries(counts: Readonly<Record<string, number>>): Array<[string, number]> {
  return Object.entries(counts).sort(([a], [b]) => serviceCodeOrder.compare(a, b));
}

function plural(count: number, singular: string, pluralForm: string): string {
  return count === 1 ? singular : pluralForm;
}

/** Findings of one code and severity, as the self-check shows them: one badge with a count, the messages listed. */
export interface CheckFindingGroup {
  code: CheckFindingCode;
  severity: Severity;
  messages: string[];
}

/** Groups identical findings (same code and severity) in the order they first occur. */
export function groupCheckFindings(findings: readonly CheckFinding[]): CheckFindingGroup[] {
  const groups = new Map<string, CheckFindingGroup>();
  for (const finding of findings) {
    const key = `${finding.severity}|${finding.code}`;
    const group = groups.get(key);
    if (group) group.messages.push(finding.message);
    else groups.set(key, { code: finding.code, severity: finding.severity, messages: [finding.message] });
  }
  return [...groups.values()];
}
