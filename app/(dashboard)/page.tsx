import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { statusTableParamsSchema } from '@/lib/status/rules/table-params';
import { requireViewer } from '@/lib/access/request';
import { isFhi } from '@/lib/access/rules/actor';
import { getDailyOverview, listSeasons } from '@/lib/daily';
import { currentSeason } from '@/lib/daily/rules/seasons';
import { dailyTableParamsSchema } from '@/lib/daily/rules/table';
import { mapView } from '@/lib/core/map/outlines';
import { getMunicipalityStatus, getStatusOverview } from '@/lib/status';
import { statusPageQuerySchema, toStatusQuery } from '@/lib/status/rules/query';
import { byCardUrgency, ContactHome, type ContactCard } from './_components/contact-home';
import { DailyOverview } from './_components/daily-overview';
import { PRINT_VIEW } from './_components/overview-view';
import { StatusOverview } from './_components/status-overview';

export const metadata: Metadata = { title: 'Oversikt' };

/**
 * Home: FHI see every municipality; a municipal contact sees their own municipality or
 * municipalities. Without `season` it opens on the current season at the date shown (today: the
 * daily one; in early January the annual season whose deadline is coming), with a switch to the
 * others. The data are loaded before anything streams (no Suspense): without JavaScript a streamed
 * Suspense boundary never replaces its fallback, and an unknown season must answer 404.
 * `?visning=utskrift` is the annual overview for paper: every row of the table on one page.
 */
export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const query = statusPageQuerySchema.parse(params);
  const statusQuery = toStatusQuery(query, new Date());
  const seasons = await listSeasons(viewer);
  const season = query.season
    ? seasons.find((candidate) => candidate.key === query.season)
    : currentSeason(seasons, statusQuery.asOf);
  if (!season) notFound();
  const switchable = [...seasons].reverse();
  if (!isFhi(viewer) && !query.season) return contactHome(viewer, seasons, switchable, query, statusQuery.asOf);

  if (season.kind === 'DAILY') {
    const overview = await getDailyOverview(viewer, { seasonKey: season.key, asOf: statusQuery.asOf });
    if (!overview) notFound();
    const table = dailyTableParamsSchema.parse(params);
    const map = isFhi(viewer) ? mapView(table.fylke) : undefined;
    return (
      <DailyOverview
        overview={overview}
        seasons={switchable}
        fhi={isFhi(viewer)}
        query={query}
        table={table}
        map={map}
      />
    );
  }
  const table = statusTableParamsSchema.parse(params);
  const overview = await getStatusOverview(viewer, { ...statusQuery, seasonKey: season.key });
  if (!overview) notFound();
  const map = isFhi(viewer) ? mapView(table.fylke) : undefined;
  return (
    <StatusOverview
      overview={overview}
      seasons={switchable}
      fhi={isFhi(viewer)}
      query={query}
      table={table}
      map={map}
      printView={params.visning === PRINT_VIEW}
    />
  );
}

/**
 * A contact's home: a card per municipality, most urgent first, with the latest annual season that
 * has opened and the daily season of the day (lib/daily/rules/seasons.ts), both at `asOf`.
 */
async function contactHome(
  viewer: Awaited<ReturnType<typeof requireViewer>>,
  seasons: Awaited<ReturnType<typeof listSeasons>>,
  switchable: Awaited<ReturnType<typeof listSeasons>>,
  query: { asOf?: string },
  asOf: Date,
) {
  const begun = seasons.filter((season) => season.opensAt <= asOf);
  const annual = begun.filter((season) => season.kind === 'ANNUAL').at(-1);
  const daily = begun.filter((season) => season.kind === 'DAILY').at(-1);
  const numbers = viewer.municipalityNumbers;
  const [details, dailyOverview] = await Promise.all([
    annual
      ? Promise.all(numbers.map((number) => getMunicipalityStatus(viewer, number, { seasonKey: annual.key, asOf })))
      : Promise.resolve([]),
    daily ? getDailyOverview(viewer, { seasonKey: daily.key, asOf }) : Promise.resolve(null),
  ]);
  const cards: ContactCard[] = numbers.flatMap((number, index) => {
    const detail = details[index] ?? null;
    const row = dailyOverview?.rows.find((candidate) => candidate.number === number) ?? null;
    const name = detail?.name ?? row?.name;
    return name ? [{ number, name, annual: detail, daily: row }] : [];
  });
  return (
    <ContactHome
      cards={byCardUrgency(cards)}
      seasons={switchable}
      dailySeasonKey={daily?.key ?? null}
      asOf={query.asOf}
      shownAt={asOf}
    />
  );
}
