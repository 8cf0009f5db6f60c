'use client';
/**
 * Cumulative share of municipalities with an accepted delivery, this season against last, with the
 * deadline marked, and the same numbers as a table (its alternative). Both come from one copy of
 * the points, so the page sends them once.
 */
import { TableCell, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import dynamic from 'next/dynamic';
import { DataTable } from '@/components/tables/data-table';
import { formatIsoDate, formatPercent } from '@/lib/core/format';
import { ChartWithTable } from './chart-with-table';
import styles from './chart.module.css';

export interface DeliveryProgressPoint {
  date: string;
  share: number;
  previousShare: number | null;
}

export interface DeliveryProgressChartProps {
  points: DeliveryProgressPoint[];
  /** The deadline's Oslo date, marked when inside the range. */
  deadlineDate: string;
  seasonName: string;
  previousSeasonName: string | null;
  /** Describes the chart for screen readers; the data are in the table next to it. */
  label: string;
}

/** Drawn in the browser only: Recharts measures its container, so on the server it would render nothing at a cost. */
const DeliveryProgressPlot = dynamic(
  () => import('./delivery-progress-plot').then((module) => module.DeliveryProgressPlot),
  { ssr: false },
);

export function DeliveryProgressChart({
  points,
  deadlineDate,
  seasonName,
  previousSeasonName,
  label,
}: DeliveryProgressChartProps) {
  return (
    <ChartWithTable
      className={styles.chart}
      label={label}
      plot={
        <DeliveryProgressPlot
          points={points}
          deadlineDate={deadlineDate}
          seasonName={seasonName}
          previousSeasonName={previousSeasonName}
        />
      }
    >
      <DataTable
        caption="Andel kommuner med godkjent levering ved utgangen av hver dag"
        columns={[
          'Dato',
          seasonName,
          ...(previousSeasonName ? [<>{previousSeasonName} (samme dag før fristen)</>] : []),
        ]}
      >
        {points.map((point) => (
          <TableRow key={point.date}>
            <TableHeaderCell scope="row">{formatIsoDate(point.date)}</TableHeaderCell>
            <TableCell>{formatPercent(point.share, 1)}</TableCell>
            {previousSeasonName && (
              <TableCell>{point.previousShare === null ? '–' : formatPercent(point.previousShare, 1)}</TableCell>
            )}
          </TableRow>
        ))}
      </DataTable>
    </ChartWithTable>
  );
}
