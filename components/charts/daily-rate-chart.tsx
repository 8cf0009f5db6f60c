'use client';
/**
 * The national daily reporting rate over the year: per expected day, the share of municipalities
 * that covered it and the share that covered it on time, with the same numbers as a table.
 */
import dynamic from 'next/dynamic';
import { LINE_LOOKS } from '@/components/graphics/palette';
import { LineSwatch } from '@/components/graphics/patterns';
import { DataTable } from '@/components/tables/data-table';
import { CHART_WORDS } from '@/lib/core/charts/labels';
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

export function DailyRateChart({ points }: { points: DailyRatePoint[] }) {
  const words = CHART_WORDS.dailyRate;
  return (
    <ChartWithTable
      className={styles.chart}
      label={words.label}
      plot={<DailyRatePlot points={points} />}
      legend={[
        { key: 'rate', swatch: <LineSwatch look={LINE_LOOKS.main} />, text: words.rate },
        { key: 'timely', swatch: <LineSwatch look={LINE_LOOKS.other} />, text: words.timely },
      ]}
      description={words.description}
    >
      <DataTable
        caption={words.label}
        columns={[CHART_WORDS.day, words.rate, words.timely]}
        rows={points.map((point) => [
          formatIsoDate(point.date),
          formatPercent(point.rate, 1),
          formatPercent(point.timely, 1),
        ])}
      />
    </ChartWithTable>
  );
}
