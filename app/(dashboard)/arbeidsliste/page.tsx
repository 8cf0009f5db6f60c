import { Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import NextLink from 'next/link';
import { notFound } from 'next/navigation';
import { AsOfForm } from '@/components/filters/as-of-form';
import { FlagList } from '@/components/status/flag-list';
import { STATE_COLORS } from '@/components/status/state-colors';
import { requireViewer } from '@/lib/auth/viewer';
import { isFhi } from '@/lib/auth/viewer-types';
import { byUrgency, getStatusOverview, type StatusOverviewSummary } from '@/lib/dal/status';
import { DELIVERY_STATE_LABELS } from '@/lib/domain/delivery-state';
import { formatNumber } from '@/lib/format';
import { statusPageQuerySchema, toStatusQuery, type StatusQueryParams } from '@/lib/status-query';
import styles from './page.module.css';

export const metadata: Metadata = { title: 'Arbeidsliste' };

function Worklist({ overview, query }: { overview: StatusOverviewSummary; query: StatusQueryParams }) {
  const flagged = byUrgency(overview.rows);
  return (
    <>
      <Heading level={1} data-size="lg">
        Arbeidsliste – {overview.season.name}
      </Heading>
      <Paragraph>
        {formatNumber(flagged.length)} av {formatNumber(overview.rows.length)} kommuner har noe som bør følges opp. Den mest hastende står først.
      </Paragraph>
      <AsOfForm path="/arbeidsliste" asOf={query.asOf} shownAt={overview.asOf} keep={{ season: query.season }} />
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
    </>
  );
}

/** FHI's worklist: flagged municipalities, most urgent first, each with reasons, evidence and the next step. */
export default async function WorklistPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  if (!isFhi(viewer)) notFound();
  const query = statusPageQuerySchema.parse(await searchParams);
  // Loaded before anything streams, like the home page (works without JavaScript; 404 for an unknown season).
  const overview = await getStatusOverview(viewer, toStatusQuery(query, new Date()));
  if (!overview) notFound();
  return <Worklist overview={overview} query={query} />;
}
