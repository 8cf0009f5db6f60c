import type { DeliveryState } from '@/lib/status/rules';

/** The Designsystemet colour of each delivery state's badge. */
export const STATE_COLORS: Record<DeliveryState, 'success' | 'danger' | 'warning' | 'neutral' | 'info'> = {
  NOT_STARTED: 'neutral',
  TESTING: 'info',
  SENT: 'info',
  APPREC_OVERDUE: 'danger',
  REJECTED: 'danger',
  INCOMPLETE: 'warning',
  ACCEPTED_WITH_ERRORS: 'warning',
  DELIVERED: 'success',
};
