/**
 * The EPJ capability's door for server code: deliveries and failures grouped by the EPJ system and
 * version the municipalities sent, and the groups that stand out (for FHI: the page and the weekly
 * report). Every function takes the actor first. The grouping and the test are in rules/.
 */
import 'server-only';

export {
  findEpjPatternsInWindow,
  findEpjPatternsOf,
  getEpjPatterns,
  type EpjPatternQuery,
  type EpjPatternsView,
  type EpjSeason,
  type EpjWindowPatterns,
} from './data';
