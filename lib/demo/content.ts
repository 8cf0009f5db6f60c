/**
 * The content of a delivery (aggregates only, shaped as lib/core/content-summary.ts). A story
 * decides which defects a delivery has and the content shows them; the ingest checks of
 * lib/ingest/rules/checks then find them as they would in a real delivery. Without a defect, volumes
 * stay within a few per cent of last year, well inside the checks' thresholds.
 */
import type { FindingSource, Severity } from '@/lib/db/generated/enums';
import type { IdentityContentSummary, IplosContentSummary } from '@/lib/core/content-summary';
import type { CheckFinding } from '@/lib/ingest/rules/checks';
import type { DemoReference } from './model';
import type { ExpectedVolume } from './municipality-profile';
import type { Random } from './random';
import { counted } from './texts';
import { formatNumber } from '@/lib/core/format';

export interface Defects {
  /** Test persons ("Donald Duck") in the delivery, shown in the identmelding. */
  testPersons: number;
  invalidOrganisationNumbers: number;
  /** Expired codes used (code → services). */
  expiredCodes: ReadonlyMap<number, number>;
  /** Codes outside the code list used (code → services). */
  unknownCodes: ReadonlyMap<number, number>;
  /** A local mapping error: one code's volume multiplied by the factor. */
  volumeChange: { code: number; factor: number } | null;
  /** All welfare-technology volumes multiplied by the factor. */
  welfareFactor: number | null;
  /** Persons in the fagmelding that the identmelding lacks (found by FHI's validation). */
  identityShortfall: number;
}

export const NO_DEFECTS: Defects = {
  testPersons: 0,
  invalidOrganisationNumbers: 0,
  expiredCodes: new Map(),
  unknownCodes: new Map(),
  volumeChange: null,
  welfareFactor: null,
  identityShortfall: 0,
};

/** Codes that are in no IPLOS code list; one of them stands in for a local mapping error. */
const UNLISTED_CANDIDATES = [10, 30, 31, 99] as const;

/** Codes the reference marks as expired before the data year (12, 13 and 16 for recent years). */
export function expiredCodes(reference: DemoReference, year: number): number[] {
  return reference.serviceCodes
    .filter((serviceCode) => serviceCode.validToYear !== null && serviceCode.validToYear < year)
    .map((serviceCode) => serviceCode.code);
}

/** Codes that are not in the code list at all. */
export function unlistedCodes(reference: DemoReference): number[] {
  const listed = new Set(reference.serviceCodes.map((serviceCode) => serviceCode.code));
  return UNLISTED_CANDIDATES.filter((code) => !listed.has(code));
}

export interface DeliveryContent {
  ipl: IplosContentSummary;
  ide: IdentityContentSummary;
}

/**
 * The content of one extract: the expected volume scaled (1 for a whole year, a small fraction
 * for a daily delivery), with a little run-to-run noise and the defects.
 */
export function buildContent(
  expected: ExpectedVolume,
  defects: Defects,
  welfareCodes: ReadonlySet<number>,
  random: Random,
  scale = 1,
): DeliveryContent {
  const servicesByCode: Record<string, number> = {};
  for (const [code, count] of expected.servicesByCode) {
    let value = count * scale * random.between(0.97, 1.03);
    if (defects.volumeChange?.code === code) value *= defects.volumeChange.factor;
    if (defects.welfareFactor !== null && welfareCodes.has(code)) value *= defects.welfareFactor;
    const rounded = Math.round(value);
    if (rounded > 0) servicesByCode[String(code)] = rounded;
  }
  for (const [code, count] of [...defects.expiredCodes, ...defects.unknownCodes]) servicesByCode[String(code)] = count;

  const persons = Math.max(1, Math.round(expected.persons * scale * random.between(0.98, 1.02))) + defects.testPersons;
  const checked = Math.min(80, 2 + Math.round(Math.sqrt(persons) / 2)) + defects.invalidOrganisationNumbers;
  return {
    ipl: {
      kind: 'KPR_IPL',
      persons,
      servicesByCode,
      organisationNumbers: { checked, invalid: defects.invalidOrganisationNumbers },
    },
    ide: { kind: 'KPR_IDE', persons: persons - defects.identityShortfall, testPersons: defects.testPersons },
  };
}

export interface FindingSpec {
  source: FindingSource;
  code: string;
  severity: Severity;
  message: string;
  count: number;
  /** Which message of the delivery the finding concerns. */
  on: 'KPR_IPL' | 'KPR_IDE';
}

/** A finding of the ingest checks (lib/ingest/rules/checks), exactly as the ingest would record it. */
export function ingestFinding(finding: CheckFinding, on: FindingSpec['on']): FindingSpec {
  return {
    source: 'INGEST_CHECK',
    code: finding.code,
    severity: finding.severity,
    message: finding.message,
    count: finding.count,
    on,
  };
}

/** A year's volume as a content summary keys it. */
export function servicesRecord(volume: ExpectedVolume): Record<string, number> {
  return Object.fromEntries([...volume.servicesByCode].map(([code, count]) => [String(code), count]));
}

/**
 * Codes of FHI's own validation as the demo imports them (FHI's list is not public; these are
 * stored as given, like any imported code). `count` sizes the finding from the delivery's persons.
 */
const FHI_FINDINGS: readonly {
  code: string;
  severity: Severity;
  weight: number;
  text: (count: number) => string;
}[] = [
  {
    code: 'FHI_DUPLICATE_PERSON',
    severity: 'ERROR',
    weight: 2,
    text: (n) => `${counted(n, 'person', 'personer')} er registrert med mer enn én lokal id.`,
  },
  {
    code: 'FHI_DECISION_AFTER_PERIOD',
    severity: 'WARNING',
    weight: 4,
    text: (n) => `${counted(n, 'tjeneste', 'tjenester')} har vedtaksdato etter perioden.`,
  },
  {
    code: 'FHI_FUNCTION_ASSESSMENT_MISSING',
    severity: 'WARNING',
    weight: 5,
    text: (n) => `${counted(n, 'person', 'personer')} med hjemmetjenester mangler funksjonsvurdering.`,
  },
  {
    code: 'FHI_STAY_OVERLAP',
    severity: 'WARNING',
    weight: 3,
    text: (n) => `${counted(n, 'tidsbegrenset opphold', 'tidsbegrensede opphold')} overlapper med langtidsopphold.`,
  },
  {
    code: 'FHI_AGE_OVER_105',
    severity: 'INFO',
    weight: 4,
    text: (n) => `${counted(n, 'person', 'personer')} er eldre enn 105 år. Kontroller fødselsdato.`,
  },
  {
    code: 'FHI_DIAGNOSIS_MISSING',
    severity: 'INFO',
    weight: 6,
    text: (n) => `${counted(n, 'person', 'personer')} med helsetjenester i hjemmet mangler diagnose.`,
  },
];
const FHI_WEIGHTS = FHI_FINDINGS.map((finding) => [finding, finding.weight] as const);

/** `count` findings of FHI's validation of a delivery, distinct codes where possible. */
export function fhiValidationFindings(random: Random, count: number, persons: number): FindingSpec[] {
  const findings: FindingSpec[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    let finding = random.weighted(FHI_WEIGHTS);
    if (used.has(finding.code) && used.size < FHI_FINDINGS.length) {
      finding = random.pick(FHI_FINDINGS.filter((candidate) => !used.has(candidate.code)));
    }
    used.add(finding.code);
    const affected = random.int(1, Math.max(1, Math.min(40, Math.round(persons * 0.02))));
    findings.push({
      source: 'FHI_VALIDATION',
      code: finding.code,
      severity: finding.severity,
      message: finding.text(affected),
      count: affected,
      on: 'KPR_IPL',
    });
  }
  return findings;
}

/** FHI's check that the identmelding covers every person in the fagmelding. */
export function identityMismatchFinding(content: DeliveryContent): FindingSpec {
  const missing = content.ipl.persons - content.ide.persons;
  return {
    source: 'FHI_VALIDATION',
    code: 'FHI_IDENTITY_COUNT_MISMATCH',
    severity: 'ERROR',
    message: `Identmeldingen har ${formatNumber(content.ide.persons)} personer, fagmeldingen ${formatNumber(content.ipl.persons)}.`,
    count: missing,
    on: 'KPR_IPL',
  };
}
