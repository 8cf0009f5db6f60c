/**
 * The checks FHI asks municipalities to make before sending (domain.md §5), as finding codes with
 * the severity each carries. The ingest reader and the browser self-check produce them; FHI's own
 * validation may import other codes, which are stored as given. Their Norwegian titles are in
 * lib/ingest/labels.ts (CHECK_FINDING_TITLES), typed by these codes so none can lack one.
 */
import type { Severity } from '../../core/severity';

export const CHECK_FINDING_SEVERITY = {
  TEST_PERSONS: 'ERROR',
  MUNICIPALITY_NUMBER_RENUMBERED: 'ERROR',
  MUNICIPALITY_NUMBER_UNKNOWN: 'ERROR',
  PERIOD_INCOMPLETE: 'ERROR',
  EPJ_SYSTEM_CHANGED: 'WARNING',
  ORGANISATION_NUMBER_INVALID: 'ERROR',
  WELFARE_TECHNOLOGY_MISSING: 'WARNING',
  WELFARE_TECHNOLOGY_IMPLAUSIBLE: 'WARNING',
  SERVICE_CODE_EXPIRED: 'ERROR',
  SERVICE_CODE_UNKNOWN: 'ERROR',
  SERVICE_VOLUME_CHANGE: 'WARNING',
} as const satisfies Record<string, Severity>;

export type CheckFindingCode = keyof typeof CHECK_FINDING_SEVERITY;
