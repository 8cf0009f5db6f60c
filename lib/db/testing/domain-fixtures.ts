/**
 * Test support for the reader corpus, the check and engine tests (never imported by production
 * code): the project's reference data in the shapes the checks take, loading the fixtures in
 * lib/domain/xml/fixtures, and checksum-valid national identity numbers computed at test time so
 * that none is ever committed.
 */
import { readFileSync } from 'node:fs';
import type { MunicipalityReference, SeasonPeriod, ServiceCodeReference } from '@/lib/ingest/rules/checks';
import { type NationalIdKind, classifyNationalId } from '@/lib/core/identifiers';
import type { ReceiverEndpoint } from '@/lib/ingest/readers/msghead';
import { readReferenceFiles } from '../reference-data';

const FIXTURES = new URL('../../ingest/readers/fixtures/', import.meta.url);
const reference = await readReferenceFiles();

export const ENDPOINTS: readonly ReceiverEndpoint[] = reference.endpoints;

export const MUNICIPALITIES: MunicipalityReference = {
  validNumbers: new Set(reference.municipalities.map((row) => row.kommunenummer)),
  renumbering: new Map(reference.renumberings.map((row) => [row.code_2020_2023, row.code_2024])),
};

/** The service codes as the ServiceCode table holds them: 12, 13 and 16 last valid for 2018 data, 29 first for 2019. */
export const SERVICE_CODES: readonly ServiceCodeReference[] = reference.serviceCodes;

export const SEASON_2025: SeasonPeriod = { periodStart: '2025-01-01', periodEnd: '2025-12-31' };

/** A checksum-valid number of `kind` for a six-digit date part, found by asking the production classifier. */
export function computedNationalId(datePart: string, individual: number, kind: NationalIdKind = 'FNR'): string {
  for (let checkDigits = 0; checkDigits < 100; checkDigits++) {
    const candidate = `${datePart}${String(individual).padStart(3, '0')}${String(checkDigits).padStart(2, '0')}`;
    if (classifyNationalId(candidate) === kind) return candidate;
  }
  return computedNationalId(datePart, individual + 1, kind);
}

/** The numbers that replace the __FNR_n__ placeholders in the KPR_IDE fixtures. */
export const COMPUTED_NATIONAL_IDS = [
  computedNationalId('150372', 420),
  computedNationalId('280988', 137),
  computedNationalId('010101', 250),
  computedNationalId('410190', 123, 'DNR'),
  computedNationalId('015190', 321, 'HNR'),
  computedNationalId('240565', 555),
] as const;

/**
 * An 11-digit number whose last check digit fails (an order number, say): never masked. It replaces
 * the __ORDER_NUMBER__ placeholder in the fixtures.
 */
export const ORDER_NUMBER = `${COMPUTED_NATIONAL_IDS[5].slice(0, 10)}${(Number(COMPUTED_NATIONAL_IDS[5][10]) + 1) % 10}`;

/** The synthetic (month + 80) numbers committed in the fixtures. */
export const SYNTHETIC_NATIONAL_IDS = ['12814550026', '03816250098', '21907050006', '04890250098'] as const;

/** How a __FNR_n_<SPELLING>__ placeholder writes its number. */
const SPELLINGS: Record<string, (number: string) => string> = {
  '': (n) => n,
  SPACE: (n) => `${n.slice(0, 6)} ${n.slice(6)}`,
  DOT: (n) => `${n.slice(0, 6)}.${n.slice(6)}`,
  DASH: (n) => `${n.slice(0, 6)}-${n.slice(6)}`,
  DATE: (n) => `${n.slice(0, 2)}.${n.slice(2, 4)}.${n.slice(4, 6)} ${n.slice(6)}`,
};

/**
 * A fixture's text with every __FNR_n__ placeholder replaced by COMPUTED_NATIONAL_IDS[n - 1] —
 * __FNR_n_SPACE__, _DOT__, _DASH__ and _DATE__ write it 6 + 5 or as a dotted date + 5 — and
 * __ORDER_NUMBER__ by ORDER_NUMBER.
 */
export function fixtureText(path: string): string {
  const text = readFileSync(new URL(path, FIXTURES), 'utf8');
  return text
    .replace(/__FNR_(\d)(?:_(SPACE|DOT|DASH|DATE))?__/g, (_, n: string, spelling = '') =>
      SPELLINGS[spelling]!(COMPUTED_NATIONAL_IDS[Number(n) - 1]!),
    )
    .replaceAll('__ORDER_NUMBER__', ORDER_NUMBER);
}
