'use client';
/**
 * The national daily reporting rate over the year: per expected day, the share of municipalities
 * that covered it and the share that covered it on time, with the same numbers as a table.
 */
import { TableCell, TableRow } from '@digdir/designsystemet-react';
import dynamic from 'next/dynamic';
import { DataTable } from '@/components/tables/data-table';
import { formatIsoDate, formatPercent } from '@/lib/core/format';
import { ChartWithTable } from './chart-with-table';
import styles from './chart.module.css';

export interface DailyRatePoint {
  date: string;
  rate: number;
  timely: number;
}

/** Drawn in the browser only: Recharts measures its container. */
const DailyRatePlot = dynamic(() => import('./daily-rate-plot').then((module) => module.DailyRatePlot), {
  ssr: false,
});

export function DailyRateChart({
  points,
  label,
  rateLabel,
  timelyLabel,
}: {
  points: DailyRatePoint[];
  label: string;
  rateLabel: string;
  timelyLabel: string;
}) {
  return (
    <ChartWithTable
      className={styles.chart}
      label={label}
      plot={<DailyRatePlot points={points} rateLabel={rateLabel} timelyLabel={timelyLabel} />}
    >
      <div className={styles.scroll} tabIndex={0} role="region" aria-label={label}>
        <DataTable caption={label} columns={['Dag', rateLabel, timelyLabel]}>
          {points.map((point) => (
            <TableRow key={point.date}>
              <TableCell>{formatIsoDate(point.date)}</TableCell>
              <TableCell>{formatPercent(point.rate, 1)}</TableCell>
              <TableCell>{formatPercent(point.timely, 1)}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      </div>
    </ChartWithTable>
  );
}
