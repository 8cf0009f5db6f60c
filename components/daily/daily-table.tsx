/**
 * The daily overview table: one row per municipality, the columns chosen in the URL, headers that
 * sort by link and pages by link, so it all works without JavaScript.
 *
 * The body's rows, cells and links are the native elements with Designsystemet's classes (what its
 * TableRow, TableCell and Link render), without a client component per cell: the page's 50 rows
 * render on every request (as in the annual table, components/tables/status-table.tsx).
 */
import { Link, Paragraph, Table, TableHead, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import NextLink from 'next/link';
import { DAILY_COLUMN_LABELS, DAILY_FLAG_LABELS, DAILY_STATE_LABELS, DAILY_WORDS } from '@/lib/daily/labels';
import { reportingRate, timeliness, type RateCounts } from '@/lib/daily/rules';
import type { DailyOverviewRow } from '@/lib/daily/rules/overview';
import {
  dailyTableQuery,
  type DailyColumnId,
  type DailyTableModel,
  type DailyTableParams,
} from '@/lib/daily/rules/table';
import { formatNumber, formatPercent } from '@/lib/core/format';
import { linkQuery, pathWithQuery } from '@/lib/status/rules/query';
import { HelpBadge } from '@/components/status/help-link';
import { DAILY_STATE_COLORS } from './daily-colors';
import styles from './daily.module.css';

export const rateText = (value: number | null) => (value === null ? DAILY_WORDS.noRate : formatPercent(value));
const rate = (counts: RateCounts) => rateText(reportingRate(counts));
const timely = (counts: RateCounts) => rateText(timeliness(counts));

function cell(column: DailyColumnId, row: DailyOverviewRow, calendarHref: (number: string) => string) {
  switch (column) {
    case 'number':
      return row.number;
    case 'name':
      return (
        <a className="ds-link" href={calendarHref(row.number)}>
          {row.name}
        </a>
      );
    case 'county':
      return row.countyName;
    case 'state':
      return (
        <HelpBadge topic="daglig-tilstand" code={row.state} color={DAILY_STATE_COLORS[row.state]}>
          {DAILY_STATE_LABELS[row.state]}
        </HelpBadge>
      );
    case 'flags':
      return row.flags.length ? row.flags.map((flag) => DAILY_FLAG_LABELS[flag.code]).join(', ') : '–';
    case 'daysSince':
      return row.daysSinceLastAccepted === null ? DAILY_WORDS.never : formatNumber(row.daysSinceLastAccepted);
    case 'rate7':
      return rate(row.rates.last7.fromRequirement);
    case 'timely7':
      return timely(row.rates.last7.fromRequirement);
    case 'rate30':
      return rate(row.rates.last30.fromRequirement);
    case 'timely30':
      return timely(row.rates.last30.fromRequirement);
    case 'rateSeason':
      return rate(row.rates.season.fromRequirement);
    case 'rateSinceStart':
      return rate(row.rates.season.fromFirstDelivery);
    case 'streak':
      return formatNumber(row.streak);
  }
}

export function DailyTable({
  model,
  params,
  keep,
  caption,
}: {
  model: DailyTableModel;
  params: DailyTableParams;
  /** The page's query parameters that are not the table's (season, asOf). */
  keep: Record<string, string | undefined>;
  caption: string;
}) {
  const query = dailyTableQuery(params);
  const href = (change: Record<string, string | undefined>) => ({
    pathname: '/',
    query: linkQuery({ ...keep, ...query, ...change }),
  });
  const calendarHref = (number: string) =>
    pathWithQuery(`/kommuner/${number}/daglig`, { season: keep.season, asOf: keep.asOf });
  return (
    <>
      <div className={styles.scroll} tabIndex={0} role="region" aria-label={caption}>
        <Table data-size="sm" zebra>
          <caption>
            {caption}: {formatNumber(model.matching)} av {formatNumber(model.total)}, side {formatNumber(model.page)} av{' '}
            {formatNumber(model.pageCount)}
          </caption>
          <TableHead>
            <TableRow>
              {model.columns.map((column) => {
                const sorted = model.sort.column === column;
                const next = sorted && model.sort.direction === 'asc' ? 'desc' : 'asc';
                return (
                  <TableHeaderCell
                    key={column}
                    scope="col"
                    aria-sort={sorted ? (model.sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    <Link asChild>
                      <NextLink href={href({ sort: column, retning: next, side: undefined })}>
                        {DAILY_COLUMN_LABELS[column]}
                        {sorted ? (model.sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                      </NextLink>
                    </Link>
                  </TableHeaderCell>
                );
              })}
            </TableRow>
          </TableHead>
          <tbody>
            {model.pageRows.map((row) => (
              <tr key={row.number}>
                {model.columns.map((column) =>
                  column === 'name' ? (
                    <th key={column} scope="row">
                      {cell(column, row, calendarHref)}
                    </th>
                  ) : (
                    <td key={column}>{cell(column, row, calendarHref)}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      {model.pageCount > 1 && (
        <nav aria-label="Sider i tabellen">
          <Paragraph data-size="sm">
            Side {formatNumber(model.page)} av {formatNumber(model.pageCount)}.{' '}
            {model.page > 1 && (
              <Link asChild>
                <NextLink href={href({ side: String(model.page - 1) })}>Forrige side</NextLink>
              </Link>
            )}{' '}
            {model.page < model.pageCount && (
              <Link asChild>
                <NextLink href={href({ side: String(model.page + 1) })}>Neste side</NextLink>
              </Link>
            )}
          </Paragraph>
        </nav>
      )}
    </>
  );
}
