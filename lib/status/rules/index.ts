/** The delivery-state engine: a municipality's season at `asOf`, derived from its events. */
export { deriveDeliveryState } from './derive';
export { pairDeliveries, type Delivery } from './deliveries';
export { DEFAULT_DELIVERY_RULES, type DeliveryRules } from './rules';
export { byUrgency, compareByUrgency, FLAG_URGENCY } from './urgency';
export { extensionPendingWait } from './flags';
export { CHECKLIST_STATUS_LABELS, DELIVERY_STATE_LABELS, FLAG_LABELS } from '../labels';
export type * from './types';
export * from './summaries';
