/**
 * What a map shows, for the map's page and for the map's own document (ramme/route.ts) alike: the
 * season shown on the overview (or the one in `season`), at `asOf`, focused on a county (`fylke`),
 * with the areas of the rows the overview table's search and filters keep (`q`, `status`, `flagg`).
 * The overview is read as the viewer, so a contact's map has only the contact's own municipalities:
 * another municipality's state is never in it.
 */
import { RATE_BAND_MAP_CLASSES, STATE_MAP_CLASSES, dailyMapAreas, stateMapAreas } from '@/components/map/map-classes';
import { isFhi, type Viewer } from '@/lib/access/rules/actor';
import { mapView } from '@/lib/core/map/outlines';
import { getDailyOverview, listSeasons } from '@/lib/daily';
import { currentSeason } from '@/lib/daily/rules/seasons';
import { dailyTableParamsSchema, dailyTableQuery, matchingDailyRows } from '@/lib/daily/rules/table';
import { getStatusOverview } from '@/lib/status';
import type { StatusQuery } from '@/lib/status/rules';
import { statusPageQuerySchema, toStatusQuery } from '@/lib/status/rules/query';
import { statusTableParamsSchema, statusTableQuery } from '@/lib/status/rules/table-params';
import { tableModelOf, viewOf } from '../_components/overview-view';

export type MapParams = Record<string, string | string[] | undefined>;

/** The daily season's areas (7-day rate bands) of the rows the filters keep, and the filters as a query. */
async function dailyAreas(viewer: Viewer, seasonKey: string, asOf: Date, params: MapParams, highlighted: boolean) {
  const overview = await getDailyOverview(viewer, { seasonKey, asOf });
  if (!overview) return undefined;
  const table = dailyTableParamsSchema.parse(params);
  return {
    asOf: overview.asOf,
    areas: dailyMapAreas(matchingDailyRows(overview.rows, table), highlighted),
    fylke: table.fylke,
    filters: dailyTableQuery(table),
  };
}

/** The annual season's areas (states) of the rows the filters keep, and the filters as a query. */
async function annualAreas(viewer: Viewer, query: StatusQuery, params: MapParams, highlighted: boolean) {
  const overview = await getStatusOverview(viewer, query);
  if (!overview) return undefined;
  const table = statusTableParamsSchema.parse(params);
  return {
    asOf: overview.asOf,
    areas: stateMapAreas(tableModelOf(viewOf(overview), table).rows, highlighted),
    fylke: table.fylke,
    filters: statusTableQuery(table),
  };
}

/** The map of the page's query as `viewer` may see it; undefined when its season does not exist. */
export async function loadMap(viewer: Viewer, params: MapParams, now: Date) {
  const query = statusPageQuerySchema.parse(params);
  const statusQuery = toStatusQuery(query, now);
  const seasons = await listSeasons(viewer);
  const season = query.season
    ? seasons.find((candidate) => candidate.key === query.season)
    : currentSeason(seasons, statusQuery.asOf);
  if (!season) return undefined;
  const fhi = isFhi(viewer);
  const daily = season.kind === 'DAILY';
  // A contact's own municipalities are outlined among the others.
  const shown = daily
    ? await dailyAreas(viewer, season.key, statusQuery.asOf, params, !fhi)
    : await annualAreas(viewer, { ...statusQuery, seasonKey: season.key }, params, !fhi);
  if (!shown) return undefined;
  return {
    query,
    seasons,
    season,
    fhi,
    daily,
    classes: daily ? RATE_BAND_MAP_CLASSES : STATE_MAP_CLASSES,
    view: mapView(shown.fylke),
    ...shown,
  };
}
