/** The badge colour of an Apprec status (or its absence); its words are APPREC_STATUS_LABELS in lib/ingest/labels.ts. */
import type { ApprecStatus } from '@/lib/status/rules';

export const APPREC_STATUS_COLORS: Record<ApprecStatus | 'WAITING', 'success' | 'danger' | 'warning' | 'neutral'> = {
  OK: 'success',
  REJECTED: 'danger',
  OK_WITH_ERRORS: 'warning',
  WAITING: 'neutral',
};
