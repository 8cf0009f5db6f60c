/**
 * One flagged municipality on the worklist, annual or daily: its name (a link to its page), its
 * state, county and deadline or last accepted delivery, then its flags with FHI's next steps. After
 * the deadline the card says the deadline has passed, not how long ago (what is still open shows in
 * its flags), so a replayed or late list does not count on.
 */
import { Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import NextLink from 'next/link';
import { DAILY_STATE_COLORS } from '@/components/daily/daily-colors';
import { DailyFlagList } from '@/components/daily/daily-flag-list';
import { FlagList } from '@/components/status/flag-list';
import { STATE_COLORS } from '@/components/status/state-colors';
import { formatDate, formatNumber } from '@/lib/core/format';
import { DAILY_STATE_LABELS, DAILY_WORDS } from '@/lib/daily/labels';
import type { DailyOverviewRow } from '@/lib/daily/rules/overview';
import { DELIVERY_STATE_LABELS, WORKLIST_LABELS as LABELS } from '@/lib/status/labels';
import { isSeasonClosed, type MunicipalityStatusRow } from '@/lib/status/rules';
import styles from '../page.module.css';

type Level = 3 | 4;

export function AnnualCard({
  row,
  level,
  asOf,
  query,
}: {
  row: MunicipalityStatusRow;
  level: Level;
  asOf: Date;
  /** The season and date of the municipality's page, as a query string. */
  query: string;
}) {
  const { effectiveDeadline, extensionGranted, workingDaysLeft } = row.figures;
  const deadline = `${formatDate(effectiveDeadline)}${extensionGranted ? ` (${LABELS.extended})` : ''}`;
  return (
    <li className={styles.item}>
      <Heading level={level} data-size="xs">
        <Link asChild>
          <NextLink href={`/kommuner/${row.number}${query ? `?${query}` : ''}#status`}>
            {row.name} ({row.number})
          </NextLink>
        </Link>{' '}
        <Tag data-color={STATE_COLORS[row.state]} data-size="sm">
          {DELIVERY_STATE_LABELS[row.state]}
        </Tag>
      </Heading>
      <Paragraph data-size="sm">
        {row.countyName} ·{' '}
        {isSeasonClosed(row.figures, asOf)
          ? LABELS.deadlinePassed(deadline)
          : LABELS.deadlineAhead(deadline, workingDaysLeft)}
      </Paragraph>
      <FlagList flags={row.flags} headingLevel={(level + 1) as 4 | 5} fhi />
    </li>
  );
}

export function DailyCard({ row, level, query }: { row: DailyOverviewRow; level: Level; query: string }) {
  return (
    <li className={styles.item}>
      <Heading level={level} data-size="xs">
        <Link asChild>
          <NextLink href={`/kommuner/${row.number}/daglig?${query}`}>
            {row.name} ({row.number})
          </NextLink>
        </Link>{' '}
        <Tag data-color={DAILY_STATE_COLORS[row.state]} data-size="sm">
          {DAILY_STATE_LABELS[row.state]}
        </Tag>
      </Heading>
      <Paragraph data-size="sm">
        {row.countyName} · {DAILY_WORDS.daysSinceLastAccepted}:{' '}
        {row.daysSinceLastAccepted === null ? DAILY_WORDS.never : formatNumber(row.daysSinceLastAccepted)}
      </Paragraph>
      <DailyFlagList flags={row.flags} state={row.state} headingLevel={(level + 1) as 4 | 5} fhi />
    </li>
  );
}
