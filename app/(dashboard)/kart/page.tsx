import { Heading } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RATE_BAND_MAP_CLASSES, STATE_MAP_CLASSES, dailyMapAreas, stateMapAreas } from '@/components/map/map-classes';
import { AsOfForm } from '@/components/filters/as-of-form';
import { SeasonSwitch } from '@/components/filters/season-switch';
import { requireViewer } from '@/lib/access/request';
import { isFhi } from '@/lib/access/rules/actor';
import { MAP_WORDS } from '@/lib/core/map/labels';
import { mapView } from '@/lib/core/map/outlines';
import { getDailyOverview, listSeasons } from '@/lib/daily';
import { currentSeason } from '@/lib/daily/rules/seasons';
import { dailyTableParamsSchema, dailyTableQuery, matchingDailyRows } from '@/lib/daily/rules/table';
import { getStatusOverview } from '@/lib/status';
import type { StatusQuery } from '@/lib/status/rules';
import { statusPageQuerySchema, toStatusQuery } from '@/lib/status/rules/query';
import { statusTableParamsSchema, statusTableQuery } from '@/lib/status/rules/table-params';
import { CountyChoice, MapSection } from '../_components/map-section';
import { tableModelOf, viewOf } from '../_components/overview-view';

export const metadata: Metadata = { title: MAP_WORDS.title };

type Viewer = Awaited<ReturnType<typeof requireViewer>>;
type Params = Record<string, string | string[] | undefined>;

/** The daily season's areas (7-day rate bands) of the rows the filters keep, and the filters as a query. */
async function dailyAreas(viewer: Viewer, seasonKey: string, asOf: Date, params: Params, highlighted: boolean) {
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
async function annualAreas(viewer: Viewer, query: StatusQuery, params: Params, highlighted: boolean) {
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

/**
 * The map of Norway on a page of its own, for FHI and contacts alike: the season shown on the
 * overview (or the one in `season`), at `asOf`, focused on a county (`fylke`), honouring the
 * overview table's search and filters (`q`, `status`, `flagg`). A contact sees their own
 * municipalities coloured and outlined in the country, and every other one plain: the page has only
 * the contact's rows (the overview is read as the viewer), so another municipality's state is never
 * in it.
 */
export default async function MapPage({ searchParams }: { searchParams: Promise<Params> }) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const query = statusPageQuerySchema.parse(params);
  const statusQuery = toStatusQuery(query, new Date());
  const seasons = await listSeasons(viewer);
  const season = query.season
    ? seasons.find((candidate) => candidate.key === query.season)
    : currentSeason(seasons, statusQuery.asOf);
  if (!season) notFound();
  const fhi = isFhi(viewer);

  const daily = season.kind === 'DAILY';
  const shown = daily
    ? await dailyAreas(viewer, season.key, statusQuery.asOf, params, !fhi)
    : await annualAreas(viewer, { ...statusQuery, seasonKey: season.key }, params, !fhi);
  if (!shown) notFound();
  const view = mapView(shown.fylke);
  const keep = { ...shown.filters, kol: undefined, side: undefined, season: query.season, asOf: query.asOf };

  return (
    <>
      <Heading level={1} data-size="lg">
        {MAP_WORDS.title} – {season.name}
      </Heading>
      <SeasonSwitch path="/kart" seasons={[...seasons].reverse()} current={season.key} asOf={query.asOf} />
      <AsOfForm path="/kart" asOf={query.asOf} shownAt={shown.asOf} keep={{ ...keep, asOf: undefined }} />
      <MapSection
        view={view}
        classes={daily ? RATE_BAND_MAP_CLASSES : STATE_MAP_CLASSES}
        areas={shown.areas}
        description={
          fhi
            ? daily
              ? MAP_WORDS.byRateBand
              : MAP_WORDS.byState
            : daily
              ? MAP_WORDS.contactByRateBand
              : MAP_WORDS.contactByState
        }
        otherLabel={fhi ? MAP_WORDS.notSelected : MAP_WORDS.otherMunicipalities}
      >
        <CountyChoice path="/kart" view={view} keep={keep} />
      </MapSection>
    </>
  );
}
