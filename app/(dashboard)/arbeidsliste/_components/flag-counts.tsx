/**
 * How many municipalities have each flag, per regime: with the flag at all (what the flag's link
 * lists), and with it as their most urgent flag (these add up to the municipalities with a flag).
 * Counted among those the search and county leave, whatever flag is chosen.
 */
import { Link, TableCell, TableRow } from '@digdir/designsystemet-react';
import NextLink from 'next/link';
import { FlagMark } from '@/components/status/flag-icon';
import { DataTable } from '@/components/tables/data-table';
import { formatNumber } from '@/lib/core/format';
import { WORKLIST_LABELS as LABELS } from '@/lib/status/labels';
import type { WorklistFlagCount } from '@/lib/status/rules/worklist';
import styles from '../page.module.css';

export function FlagCounts({
  counts,
  flagged,
  labels,
  href,
  chosen,
}: {
  counts: readonly WorklistFlagCount[];
  flagged: number;
  labels: Record<string, string>;
  /** The worklist filtered by a flag, keeping everything else. */
  href: (code: string) => { pathname: string; query: Record<string, string | string[]> };
  chosen: string | undefined;
}) {
  return (
    <DataTable
      zebra
      className={styles.countsTable}
      scrollClassName={styles.scroll}
      caption={LABELS.countsCaption}
      columns={[...LABELS.countsColumns]}
    >
      {counts.map((count) => (
        <TableRow key={count.code}>
          <TableCell>
            <Link asChild>
              <NextLink href={href(count.code)} aria-current={chosen === count.code ? 'true' : undefined}>
                <FlagMark code={count.code} label={labels[count.code] ?? count.code} />
              </NextLink>
            </Link>
          </TableCell>
          <TableCell className={styles.number}>{formatNumber(count.withFlag)}</TableCell>
          <TableCell className={styles.number}>{formatNumber(count.mostUrgent)}</TableCell>
        </TableRow>
      ))}
      <TableRow>
        <TableCell>
          <strong>{LABELS.countsTotal}</strong>
        </TableCell>
        <TableCell />
        <TableCell className={styles.number}>
          <strong>{formatNumber(flagged)}</strong>
        </TableCell>
      </TableRow>
    </DataTable>
  );
}
