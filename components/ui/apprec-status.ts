import type { ApprecStatus } from '@/lib/status/rules';

/** How an Apprec status (or its absence) is shown. */
export const APPREC_LABELS: Record<
  ApprecStatus | 'WAITING',
  { label: string; color: 'success' | 'danger' | 'warning' | 'neutral' }
> = {
  OK: { label: 'Godkjent', color: 'success' },
  REJECTED: { label: 'Avvist', color: 'danger' },
  OK_WITH_ERRORS: { label: 'OK, feil i delmelding', color: 'warning' },
  WAITING: { label: 'Venter på apprec', color: 'neutral' },
};
