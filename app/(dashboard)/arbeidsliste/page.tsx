import { Heading, Link, Paragraph, TableCell, TableRow, Tag } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import NextLink from 'next/link';
import { notFound } from 'next/navigation';
import { AsOfForm } from '@/components/filters/as-of-form';
import { DAILY_STATE_COLORS } from '@/components/daily/daily-colors';
import { DailyFlagList } from '@/components/daily/daily-flag-list';
import { FlagList } from '@/components/status/flag-list';
import { PageSection } from '@/components/status/page-section';
import { PrintSummary } from '@/components/status/print-summary';
import { STATE_COLORS } from '@/components/status/state-colors';
import { DataTable } from '@/components/tables/data-table';
import { requireViewer } from '@/lib/access/request';
import { isFhi } from '@/lib/access/rules/actor';
import { getDailyOverview, listSeasons } from '@/lib/daily';
import { DAILY_STATE_LABELS } from '@/lib/daily/labels';
import type { DailyOverviewRow, DailyOverviewSummary } from '@/lib/daily/rules/overview';
import { listFailedReminders } from '@/lib/reminders';
import { listTransportErrors, type TransportErrorRow } from '@/lib/transport';
import { TRANSPORT_ERROR_LIST_LABELS } from '@/lib/transport/labels';
import type { FailedReminderRow } from '@/lib/reminders/rules/reminder-log';
import { getStatusOverview } from '@/lib/status';
import { DELIVERY_STATE_LABELS } from '@/lib/status/labels';
import { byUrgency, type StatusOverviewSummary } from '@/lib/status/rules';
import { REMINDER_TRIGGER_LABELS } from '@/lib/reminders/labels';
import { formatDateTime, formatList, formatNumber } from '@/lib/core/format';
import { statusPageQuerySchema, toStatusQuery, type StatusQueryParams } from '@/lib/status/rules/query';
import styles from './page.module.css';

export const metadata: Metadata = { title: 'Arbeidsliste' };

/** Reminders whose every attempt failed: FHI should reach these people another way (and check the address). */
function FailedReminders({ reminders }: { reminders: readonly FailedReminderRow[] }) {
  return (
    <section aria-labelledby="ikke-sendt">
      <Heading level={2} data-size="sm" id="ikke-sendt">
        Påminnelser som ikke kom fram
      </Heading>
      {reminders.length === 0 ? (
        <Paragraph>Alle påminnelser på e-post er sendt.</Paragraph>
      ) : (
        <DataTable
          zebra
          scrollClassName={styles.scroll}
          caption="Påminnelser der alle forsøk på å sende feilet, nyeste først"
          columns={['Tid', 'Til', 'Kommuner og hva', 'Forsøk', 'Siste feil']}
        >
          {reminders.map((reminder) => (
            <TableRow key={reminder.id}>
              <TableCell className={styles.nowrap}>{formatDateTime(reminder.createdAt)}</TableCell>
              <TableCell>
                {reminder.recipientName} &lt;{reminder.email}&gt;
              </TableCell>
              <TableCell>
                {formatList(
                  reminder.items.map((item) => `${item.municipalityNumber}: ${REMINDER_TRIGGER_LABELS[item.trigger]}`),
                )}
              </TableCell>
              <TableCell>{formatNumber(reminder.attempts)}</TableCell>
              <TableCell>{reminder.lastError ?? '–'}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}

/** Transport errors from the `_error` queue that concern no stored message: kept and shown, never hidden. */
function UnlinkedTransportErrors({ errors }: { errors: readonly TransportErrorRow[] }) {
  const labels = TRANSPORT_ERROR_LIST_LABELS;
  return (
    <section aria-labelledby="transportfeil">
      <Heading level={2} data-size="sm" id="transportfeil">
        {labels.heading}
      </Heading>
      {errors.length === 0 ? (
        <Paragraph>{labels.none}</Paragraph>
      ) : (
        <DataTable zebra scrollClassName={styles.scroll} caption={labels.caption} columns={[...labels.columns]}>
          {errors.map((error) => (
            <TableRow key={error.id}>
              <TableCell className={styles.nowrap}>{formatDateTime(error.receivedAt)}</TableCell>
              <TableCell>{error.label}</TableCell>
              <TableCell>{error.originalMessageId ?? labels.noMessageId}</TableCell>
              <TableCell>{error.queue ?? '–'}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}

/** The daily states that need following up, most troubled first. */
const DAILY_URGENCY = ['REJECTING', 'SILENT', 'VOLUME_DROP', 'LAGGING'] as const;

function dailyFlagged(overview: DailyOverviewSummary): DailyOverviewRow[] {
  const rank = (row: DailyOverviewRow) => DAILY_URGENCY.indexOf(row.state as (typeof DAILY_URGENCY)[number]);
  return overview.rows
    .filter((row) => rank(row) >= 0)
    .sort((a, b) => rank(a) - rank(b) || (b.daysSinceLastAccepted ?? 0) - (a.daysSinceLastAccepted ?? 0));
}

/** Daily reporting's flags: who is rejected, silent, dropping in volume or lagging, with reasons and the next step. */
function DailyWorklist({ overview, asOf }: { overview: DailyOverviewSummary; asOf: string | undefined }) {
  const flagged = dailyFlagged(overview);
  const query = new URLSearchParams({ season: overview.season.key, ...(asOf ? { asOf } : {}) });
  return (
    <PageSection id="daglig" title={`Daglig rapportering – ${overview.season.name}`}>
      <Paragraph>
        {formatNumber(flagged.length)} av {formatNumber(overview.rows.length)} kommuner har flagg i den daglige
        rapporteringen.
      </Paragraph>
      <ol className={styles.list}>
        {flagged.map((row) => (
          <li key={row.number} className={styles.item}>
            <Heading level={3} data-size="xs">
              <Link asChild>
                <NextLink href={`/kommuner/${row.number}/daglig?${query}`}>
                  {row.name} ({row.number})
                </NextLink>
              </Link>{' '}
              <Tag data-color={DAILY_STATE_COLORS[row.state]} data-size="sm">
                {DAILY_STATE_LABELS[row.state]}
              </Tag>
            </Heading>
            <Paragraph data-size="sm">{row.countyName}</Paragraph>
            <DailyFlagList flags={row.flags} state={row.state} headingLevel={4} />
          </li>
        ))}
      </ol>
    </PageSection>
  );
}

function Worklist({
  overview,
  query,
  failedReminders,
  unlinkedTransportErrors,
  daily,
}: {
  overview: StatusOverviewSummary;
  query: StatusQueryParams;
  failedReminders: readonly FailedReminderRow[];
  unlinkedTransportErrors: readonly TransportErrorRow[];
  daily: DailyOverviewSummary | null;
}) {
  const flagged = byUrgency(overview.rows);
  return (
    <>
      <Heading level={1} data-size="lg">
        Arbeidsliste – {overview.season.name}
      </Heading>
      <Paragraph>
        {formatNumber(flagged.length)} av {formatNumber(overview.rows.length)} kommuner har noe som bør følges opp. Den
        mest hastende står først.
      </Paragraph>
      <PrintSummary>
        {overview.season.name}. Status per {formatDateTime(overview.asOf)}. Kommuner med flagg, den mest hastende først.
      </PrintSummary>
      <AsOfForm path="/arbeidsliste" asOf={query.asOf} shownAt={overview.asOf} keep={{ season: query.season }} />
      {daily && <DailyWorklist overview={daily} asOf={query.asOf} />}
      <ol className={styles.list}>
        {flagged.map((row) => (
          <li key={row.number} className={styles.item}>
            <Heading level={2} data-size="xs">
              <Link asChild>
                <NextLink href={`/kommuner/${row.number}${query.asOf ? `?asOf=${query.asOf}` : ''}`}>
                  {row.name} ({row.number})
                </NextLink>
              </Link>{' '}
              <Tag data-color={STATE_COLORS[row.state]} data-size="sm">
                {DELIVERY_STATE_LABELS[row.state]}
              </Tag>
            </Heading>
            <Paragraph data-size="sm">{row.countyName}</Paragraph>
            <FlagList flags={row.flags} headingLevel={3} />
          </li>
        ))}
      </ol>
      <FailedReminders reminders={failedReminders} />
      <UnlinkedTransportErrors errors={unlinkedTransportErrors} />
    </>
  );
}

/** FHI's worklist: flagged municipalities, most urgent first, each with reasons, evidence and the next step; then the reminders that could not be sent, and the transport errors that concern no known message. */
export default async function WorklistPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  if (!isFhi(viewer)) notFound();
  const query = statusPageQuerySchema.parse(await searchParams);
  // Loaded before anything streams, like the home page (works without JavaScript; 404 for an unknown season).
  const statusQuery = toStatusQuery(query, new Date());
  // The annual list is for an annual season (the latest unless one is asked for); the daily list for
  // the latest daily season begun at the date shown.
  const seasons = await listSeasons(viewer);
  const asked = seasons.find((season) => season.key === query.season);
  const dailySeason = seasons.filter((season) => season.kind === 'DAILY' && season.opensAt <= statusQuery.asOf).at(-1);
  const overview = await getStatusOverview(viewer, {
    ...statusQuery,
    seasonKey: asked?.kind === 'DAILY' ? undefined : query.season,
  });
  if (!overview) notFound();
  const daily = dailySeason
    ? await getDailyOverview(viewer, { seasonKey: dailySeason.key, asOf: statusQuery.asOf })
    : null;
  const failedReminders = await listFailedReminders(viewer, { seasonKey: overview.season.key });
  if (!failedReminders) notFound();
  const unlinkedTransportErrors = await listTransportErrors(viewer, { unlinkedOnly: true, limit: 50 });
  return (
    <Worklist
      overview={overview}
      query={query}
      failedReminders={failedReminders}
      unlinkedTransportErrors={unlinkedTransportErrors}
      daily={daily}
    />
  );
}
