/**
 * The status capability's door for server code: the delivery state of every municipality in the
 * actor's scope (the overview, cached for the whole country), one municipality's page, and the
 * season a view is about. Every function takes the actor first and scopes its reads by it.
 * Pure faces (the engine, the table model, the query, the timeline texts) are in rules/.
 */
import 'server-only';

export { getMunicipalityState, getMunicipalityStatus, getStatusOverview } from './data/status';
export { deriveStatusOverview, findSeason } from './data/overview';
export { findMunicipalitySeason } from './data/municipality-season';
export { getSeasonDeadlineRiskCurve } from './data/deadline-risk';
export { readOverviewRowsWithoutDeriving } from './data/baseline';
