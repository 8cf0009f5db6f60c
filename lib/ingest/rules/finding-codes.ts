/**
 * The checks FHI asks municipalities to make before sending (domain.md §5), as finding codes.
 * The ingest reader and the browser self-check produce them; FHI's own validation may import
 * other codes, which are stored as given.
 */
import type { Severity } from '../../core/severity';

export const CHECK_FINDINGS = {
  TEST_PERSONS: { severity: 'ERROR', title: 'Testpersoner i leveransen' },
  MUNICIPALITY_NUMBER_RENUMBERED: { severity: 'ERROR', title: 'Gammelt kommunenummer (før 2024)' },
  MUNICIPALITY_NUMBER_UNKNOWN: { severity: 'ERROR', title: 'Ukjent kommunenummer' },
  PERIOD_INCOMPLETE: { severity: 'ERROR', title: 'Hele året er ikke med' },
  EPJ_SYSTEM_CHANGED: { severity: 'WARNING', title: 'Nytt fagsystem (EPJ) siden forrige leveranse' },
  ORGANISATION_NUMBER_INVALID: { severity: 'ERROR', title: 'Ugyldig organisasjonsnummer' },
  WELFARE_TECHNOLOGY_MISSING: { severity: 'WARNING', title: 'Velferdsteknologi mangler' },
  WELFARE_TECHNOLOGY_IMPLAUSIBLE: { severity: 'WARNING', title: 'Uventet omfang av velferdsteknologi' },
  SERVICE_CODE_EXPIRED: { severity: 'ERROR', title: 'Utgått tjenestekode' },
  SERVICE_CODE_UNKNOWN: { severity: 'ERROR', title: 'Ukjent tjenestekode' },
  SERVICE_VOLUME_CHANGE: { severity: 'WARNING', title: 'Stor endring i antall per tjeneste fra i fjor' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type CheckFindingCode = keyof typeof CHECK_FINDINGS;
