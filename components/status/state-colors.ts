import type { GraphicColor } from '@/components/graphics/palette';
import type { DeliveryState } from '@/lib/status/rules';

/** The Designsystemet colour of each delivery state's badge. */
export const STATE_COLORS: Record<DeliveryState, GraphicColor> = {
  NOT_STARTED: 'neutral',
  TESTING: 'info',
  SENT: 'info',
  APPREC_OVERDUE: 'danger',
  REJECTED: 'danger',
  INCOMPLETE: 'warning',
  ACCEPTED_WITH_ERRORS: 'warning',
  DELIVERED: 'success',
};
