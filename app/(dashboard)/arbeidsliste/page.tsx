import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import NextLink from 'next/link';
import { notFound } from 'next/navigation';
import { AsOfForm } from '@/components/filters/as-of-form';
import { SeasonSwitch } from '@/components/filters/season-switch';
import { PrintSummary } from '@/components/status/print-summary';
import { PRINT_VIEW } from '../_components/overview-view';
import { requireViewer } from '@/lib/access/request';
import { isFhi } from '@/lib/access/rules/actor';
import { formatDateTime } from '@/lib/core/format';
import { getDailyOverview, listSeasons } from '@/lib/daily';
import { DAILY_FLAG_LABELS } from '@/lib/daily/labels';
import { byDailyUrgency, DAILY_FLAGS_BY_URGENCY, dailyFlagsByUrgency } from '@/lib/daily/rules';
import type { DailyOverviewRow, DailyOverviewSummary } from '@/lib/daily/rules/overview';
import { listUnattributedDocuments } from '@/lib/ingest';
import { listFailedReminders } from '@/lib/reminders';
import { getStatusOverview } from '@/lib/status';
import { FLAG_LABELS, WORKLIST_LABELS as LABELS } from '@/lib/status/labels';
import { byUrgency, FLAG_URGENCY, type FlagCode, type MunicipalityStatusRow } from '@/lib/status/rules';
import { linkQuery, statusPageQuerySchema, toStatusQuery } from '@/lib/status/rules/query';
import {
  WORKLIST_PAGE_SIZE,
  worklistModel,
  worklistParamsSchema,
  worklistQuery,
  type WorklistParams,
  type WorklistRow,
  type WorklistSection,
} from '@/lib/status/rules/worklist';
import { listTransportErrors } from '@/lib/transport';
import { AnnualCard, DailyCard } from './_components/worklist-cards';
import { WorklistFilters } from './_components/worklist-filters';
import { WorklistPages } from './_components/worklist-pages';
import { WorklistSectionView } from './_components/worklist-section';
import { FailedReminders, UnlinkedTransportErrors } from './_components/other-lists';

export const metadata: Metadata = { title: 'Arbeidsliste' };

/** Every flag the worklist may show, daily and annual: the flag filter takes any of them. */
const ALL_FLAG_LABELS: Record<string, string> = { ...DAILY_FLAG_LABELS, ...FLAG_LABELS };
const worklistParams = worklistParamsSchema(ALL_FLAG_LABELS);

/** The annual flag codes, most urgent first (a pending extension by its ordinary weight). */
const ANNUAL_FLAGS_BY_URGENCY = (Object.keys(FLAG_LABELS) as FlagCode[]).sort(
  (a, b) => FLAG_URGENCY[b] - FLAG_URGENCY[a],
);

/** A municipality on the worklist, as its regime's card shows it. */
type Row =
  (MunicipalityStatusRow & WorklistRow & { regime: 'annual' }) | (DailyOverviewRow & WorklistRow & { regime: 'daily' });

const annualRows = (rows: readonly MunicipalityStatusRow[]): Row[] =>
  byUrgency(rows).map((row) => ({ ...row, regime: 'annual', flagCodes: row.flags.map((flag) => flag.code) }));

const dailyRows = (daily: DailyOverviewSummary | null): Row[] =>
  daily
    ? byDailyUrgency(daily.rows).map((row) => {
        const flags = dailyFlagsByUrgency(row.flags);
        return { ...row, regime: 'daily', flags, flagCodes: flags.map((flag) => flag.code) };
      })
    : [];

/** Documents that no municipality could be found for, received by the instant shown. */
function Unattributed({ count }: { count: number }) {
  return (
    <section aria-labelledby="uten-kommune">
      <Heading level={2} data-size="sm" id="uten-kommune">
        {LABELS.unattributedTitle}
      </Heading>
      <Paragraph>
        {LABELS.unattributed(count)}{' '}
        {count > 0 && (
          <Link asChild>
            <NextLink href="/uten-kommune">{LABELS.unattributedLink}</NextLink>
          </Link>
        )}
      </Paragraph>
    </section>
  );
}

/**
 * FHI's worklist: the flagged municipalities of the daily regime, then of the annual season, most
 * urgent first, each flag with FHI's next step and the municipality's own one click away; search,
 * county and flag filters, grouping by most urgent flag or county, counts per flag and paging, all
 * in the URL (GET forms and links, no JavaScript needed). Then documents without a municipality,
 * reminders that could not be sent and transport errors that concern no known message.
 */
export default async function WorklistPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  if (!isFhi(viewer)) notFound();
  const raw = await searchParams;
  const query = statusPageQuerySchema.parse(raw);
  const params: WorklistParams = worklistParams.parse(raw);
  const printView = raw.visning === PRINT_VIEW;
  // Loaded before anything streams, like the home page (works without JavaScript; 404 for an unknown season).
  const statusQuery = toStatusQuery(query, new Date());
  // A daily season asked for is the daily list's, an annual one the annual list's; the other is the
  // latest of its kind begun at the date shown (annual: the latest).
  const seasons = await listSeasons(viewer);
  const asked = seasons.find((season) => season.key === query.season);
  if (query.season && !asked) notFound();
  const dailySeason =
    asked?.kind === 'DAILY'
      ? asked
      : seasons.filter((season) => season.kind === 'DAILY' && season.opensAt <= statusQuery.asOf).at(-1);
  const overview = await getStatusOverview(viewer, {
    ...statusQuery,
    seasonKey: asked?.kind === 'ANNUAL' ? asked.key : undefined,
  });
  if (!overview) notFound();
  const daily = dailySeason
    ? await getDailyOverview(viewer, { seasonKey: dailySeason.key, asOf: statusQuery.asOf })
    : null;
  const failedReminders = await listFailedReminders(viewer, { seasonKey: overview.season.key });
  if (!failedReminders) notFound();
  const unlinkedTransportErrors = await listTransportErrors(viewer, { unlinkedOnly: true, limit: 50 });
  const unattributed = (await listUnattributedDocuments(viewer)) ?? [];

  const annual = annualRows(overview.rows);
  const dailyFlagged = dailyRows(daily);
  const model = worklistModel(
    [
      { id: 'daglig', rows: dailyFlagged, codes: DAILY_FLAGS_BY_URGENCY },
      { id: 'arlig', rows: annual, codes: ANNUAL_FLAGS_BY_URGENCY },
    ],
    params,
    // The print view (?visning=utskrift): every matching municipality on one page.
    printView ? Number.MAX_SAFE_INTEGER : WORKLIST_PAGE_SIZE,
  );
  const [dailySection, annualSection] = model.sections as [WorklistSection<Row>, WorklistSection<Row>];

  const keep = { season: query.season, asOf: query.asOf };
  const href = (changes: Partial<WorklistParams>) => ({
    pathname: '/arbeidsliste',
    query: linkQuery({ ...keep, ...worklistQuery({ ...params, side: undefined, ...changes }) }),
  });
  const flagHref = (code: string) => href({ flagg: code });
  const annualLink = new URLSearchParams(
    linkQuery({ season: asked?.kind === 'ANNUAL' ? asked.key : undefined, asOf: query.asOf }) as Record<string, string>,
  ).toString();
  const dailyLink = daily
    ? new URLSearchParams(
        linkQuery({ season: daily.season.key, asOf: query.asOf }) as Record<string, string>,
      ).toString()
    : '';
  const counties = [...new Map(overview.rows.map((row) => [row.countyNumber, row.countyName])).entries()].sort(
    ([a], [b]) => a.localeCompare(b),
  );
  const card = (row: Row, level: 3 | 4) =>
    row.regime === 'daily' ? (
      <DailyCard row={row} level={level} query={dailyLink} />
    ) : (
      <AnnualCard row={row} level={level} asOf={overview.asOf} query={annualLink} />
    );
  const shared = {
    grouping: params.gruppe,
    flagLabels: ALL_FLAG_LABELS,
    flagHref,
    chosenFlag: params.flagg,
    filtered: Boolean(params.q || params.fylke || params.flagg),
    card,
  };

  return (
    <>
      <Heading level={1} data-size="lg">
        {LABELS.title}
      </Heading>
      <PrintSummary>
        {LABELS.printSummary(
          [daily?.season.name, overview.season.name].filter(Boolean).join(' og '),
          formatDateTime(overview.asOf),
        )}
      </PrintSummary>
      <AsOfForm
        path="/arbeidsliste"
        asOf={query.asOf}
        shownAt={overview.asOf}
        keep={{ ...keep, ...worklistQuery(params), side: undefined }}
      />
      <SeasonSwitch
        path="/arbeidsliste"
        seasons={[...seasons].reverse()}
        current={query.season ?? overview.season.key}
        asOf={query.asOf}
      />
      <WorklistFilters
        params={params}
        keep={keep}
        counties={counties}
        flagGroups={[
          ...(daily
            ? [
                {
                  label: LABELS.dailyGroup,
                  options: DAILY_FLAGS_BY_URGENCY.map((code) => [code, DAILY_FLAG_LABELS[code]] as const),
                },
              ]
            : []),
          {
            label: LABELS.annualGroup,
            options: ANNUAL_FLAGS_BY_URGENCY.map((code) => [code, FLAG_LABELS[code]] as const),
          },
        ]}
      />
      {daily && (
        <WorklistSectionView
          {...shared}
          id="daglig"
          title={LABELS.dailyTitle(daily.season.name)}
          intro={<Paragraph>{LABELS.dailyFlaggedOf(dailyFlagged.length, daily.rows.length)}</Paragraph>}
          section={dailySection}
        />
      )}
      <WorklistSectionView
        {...shared}
        id="arlig"
        title={LABELS.annualTitle(overview.season.name)}
        intro={
          <Paragraph>
            {overview.asOf > overview.season.deadline && (
              <>{LABELS.stillOpen(overview.season.name, formatDateTime(overview.season.deadline))} </>
            )}
            {LABELS.flaggedOf(annual.length, overview.rows.length)}
          </Paragraph>
        }
        section={annualSection}
      />
      {!printView && <WorklistPages model={model} pageSize={WORKLIST_PAGE_SIZE} href={(side) => href({ side })} />}
      <Paragraph data-size="sm" data-print="hide">
        <Link asChild>
          <NextLink
            href={{
              pathname: '/arbeidsliste',
              query: linkQuery({ ...keep, ...worklistQuery(params), visning: printView ? undefined : PRINT_VIEW }),
            }}
          >
            {printView ? LABELS.pagedView : LABELS.printView}
          </NextLink>
        </Link>
      </Paragraph>
      <Unattributed count={unattributed.filter((document) => document.receivedAt <= overview.asOf).length} />
      <FailedReminders reminders={failedReminders} />
      <UnlinkedTransportErrors errors={unlinkedTransportErrors} />
    </>
  );
}
