/**
 * The delivery-state engine (a municipality's season at `asOf`, derived from its events) and the
 * shapes the status views share. Pure; the table model, the query and the timeline texts are
 * imported by path (rules/table, rules/query, rules/timeline-text).
 */
export { deriveDeliveryState } from './derive';
export { pairDeliveries, type Delivery } from './deliveries';
export { DEFAULT_DELIVERY_RULES, type DeliveryRules } from './rules';
export { byUrgency, compareByUrgency, FLAG_URGENCY, flagUrgency } from './urgency';
export { extensionPendingWait } from './flags';
export type * from './types';
export * from './summaries';
export { isSeasonClosed, seasonOutcome, type SeasonOutcome, type SeasonOutcomeCode } from './outcome';
export * from './key-figures';
export * from './deadline-risk';
