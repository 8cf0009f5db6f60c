import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import NextLink from 'next/link';
import { notFound } from 'next/navigation';
import { DAILY_STATE_COLORS } from '@/components/daily/daily-colors';
import { DailyFlagList } from '@/components/daily/daily-flag-list';
import { rateText } from '@/components/daily/daily-table';
import styles from '@/components/daily/daily.module.css';
import { YearCalendar } from '@/components/daily/year-calendar';
import { AsOfForm } from '@/components/filters/as-of-form';
import { HelpBadge } from '@/components/status/help-link';
import { PageSection } from '@/components/status/page-section';
import { requireViewer } from '@/lib/access/request';
import { isFhi } from '@/lib/access/rules/actor';
import { getDailyMunicipality, listSeasons } from '@/lib/daily';
import { DAILY_STATE_LABELS, DAILY_WORDS, describeDailyRules } from '@/lib/daily/labels';
import { reportingRate, timeliness, type DailyStateResult, type WindowRates } from '@/lib/daily/rules';
import { formatDateTime, formatIsoDate, formatNumber } from '@/lib/core/format';
import { listMunicipalityReminders } from '@/lib/reminders';
import { DAILY_REMINDERS_INTRO } from '@/lib/reminders/labels';
import { linkQuery, statusPageQuerySchema, toStatusQuery } from '@/lib/status/rules/query';
import { RemindersSection } from '../_components/reminders-section';

export const metadata: Metadata = { title: 'Daglig rapportering' };

function Figures({ result }: { result: DailyStateResult }) {
  const windows: [string, WindowRates][] = [
    ['Siste 7 dager', result.rates.last7],
    ['Siste 30 dager', result.rates.last30],
    ['Hittil i år', result.rates.season],
  ];
  const figures: [string, string][] = [
    [
      DAILY_WORDS.daysSinceLastAccepted,
      result.daysSinceLastAccepted === null ? DAILY_WORDS.never : formatNumber(result.daysSinceLastAccepted),
    ],
    [DAILY_WORDS.streak, formatNumber(result.streak)],
    ...windows.flatMap(([name, rates]): [string, string][] => [
      [
        `Rapporteringsgrad ${name.toLowerCase()}, ${DAILY_WORDS.fromRequirement.toLowerCase()}`,
        rateText(reportingRate(rates.fromRequirement)),
      ],
      [
        `Rettidighet ${name.toLowerCase()}, ${DAILY_WORDS.fromRequirement.toLowerCase()}`,
        rateText(timeliness(rates.fromRequirement)),
      ],
      [
        `Rapporteringsgrad ${name.toLowerCase()}, ${DAILY_WORDS.fromFirstDelivery.toLowerCase()}`,
        rateText(reportingRate(rates.fromFirstDelivery)),
      ],
    ]),
  ];
  return (
    <dl className={styles.figures}>
      {figures.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * One municipality's daily reporting: its state with flags, reasons and next step, its figures,
 * and the year as a calendar (with a table alternative), as it stood at `asOf`; then the daily
 * season's reminders mailed about it (as they stand now; a replay says so instead). For FHI and
 * that municipality's contacts (the reminders' read enforces that too); anyone else gets "not found".
 */
export default async function DailyMunicipalityPage({
  params,
  searchParams,
}: {
  params: Promise<{ number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  const { number } = await params;
  const search = await searchParams;
  const query = statusPageQuerySchema.parse(search);
  const { asOf } = toStatusQuery(query, new Date());
  const seasons = await listSeasons(viewer);
  const season = query.season
    ? seasons.find((candidate) => candidate.key === query.season && candidate.kind === 'DAILY')
    : seasons.filter((candidate) => candidate.kind === 'DAILY' && candidate.opensAt <= asOf).at(-1);
  if (!season) notFound();
  const detail = await getDailyMunicipality(viewer, number, { seasonKey: season.key, asOf });
  if (!detail) notFound();
  // The reminders as they stand now (like the annual page's follow-up); a replay says so instead.
  const reminders = query.asOf ? null : await listMunicipalityReminders(viewer, number, { seasonKey: season.key });
  if (!query.asOf && !reminders) notFound();
  const { result } = detail;
  return (
    <>
      <Paragraph data-size="sm">
        <Link asChild>
          <NextLink href={{ pathname: '/', query: linkQuery({ season: season.key, asOf: query.asOf }) }}>
            Tilbake til oversikten
          </NextLink>
        </Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {detail.name} ({detail.number})
      </Heading>
      <Paragraph data-size="sm">
        Daglig rapportering, {detail.season.name}. {detail.countyName}.{' '}
        <Link asChild>
          <NextLink href={`/kommuner/${number}`}>Årsrapporteringen for kommunen</NextLink>
        </Link>
      </Paragraph>
      <AsOfForm
        path={`/kommuner/${number}/daglig`}
        asOf={query.asOf}
        shownAt={detail.asOf}
        keep={{ season: query.season }}
      />
      <PageSection id="status" title="Status">
        <Paragraph>
          <HelpBadge topic="daglig-tilstand" code={result.state} color={DAILY_STATE_COLORS[result.state]} size="md">
            {DAILY_STATE_LABELS[result.state]}
          </HelpBadge>{' '}
          {result.lastAcceptedAt
            ? `Siste godkjente levering ${formatDateTime(result.lastAcceptedAt)}.`
            : 'Ingen godkjent levering ennå.'}{' '}
          {result.firstDeliveryDay ? `Første daglige levering dekket ${formatIsoDate(result.firstDeliveryDay)}.` : ''}
        </Paragraph>
        <DailyFlagList flags={result.flags} state={result.state} headingLevel={3} />
      </PageSection>
      <PageSection id="tall" title="Tall">
        <Figures result={result} />
        <Paragraph data-size="sm">{describeDailyRules(detail.season.rules)}</Paragraph>
      </PageSection>
      <PageSection id="kalender" title={DAILY_WORDS.calendar}>
        <YearCalendar
          cells={detail.calendar}
          table={search.visning === 'tabell'}
          tableHref={`/kommuner/${number}/daglig?${new URLSearchParams({
            ...(query.season ? { season: query.season } : {}),
            ...(query.asOf ? { asOf: query.asOf } : {}),
            visning: 'tabell',
          })}#kalender`}
        />
      </PageSection>
      <RemindersSection reminders={reminders} fhi={isFhi(viewer)} intro={DAILY_REMINDERS_INTRO} />
    </>
  );
}
