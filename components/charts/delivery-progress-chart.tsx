'use client';
/**
 * Cumulative share of municipalities with an accepted delivery, this season against last, with the
 * deadline marked, and the same numbers as a table (its alternative). Both come from one copy of
 * the points, so the page sends them once. The legend names the lines short (the season's key, «I
 * fjor»); the caption says what they are.
 */
import dynamic from 'next/dynamic';
import { LINE_LOOKS } from '@/components/graphics/palette';
import { LineSwatch } from '@/components/graphics/patterns';
import { DataTable } from '@/components/tables/data-table';
import { CHART_WORDS } from '@/lib/core/charts/labels';
import { formatIsoDate, formatPercent } from '@/lib/core/format';
import { ChartWithTable } from './chart-with-table';
import styles from './chart.module.css';

export interface DeliveryProgressPoint {
  date: string;
  share: number;
  previousShare: number | null;
}

/** A season as the chart names it: its key ("2025") in the legend, its name in the caption and table. */
export interface ChartSeason {
  key: string;
  name: string;
}

export interface DeliveryProgressChartProps {
  points: DeliveryProgressPoint[];
  /** The deadline's Oslo date, marked when inside the range. */
  deadlineDate: string;
  season: ChartSeason;
  previousSeason: ChartSeason | null;
}

/** Drawn in the browser only: Recharts measures its container, so on the server it would render nothing at a cost. */
const DeliveryProgressPlot = dynamic(
  () => import('./delivery-progress-plot').then((module) => module.DeliveryProgressPlot),
  { ssr: false },
);

export function DeliveryProgressChart({ points, deadlineDate, season, previousSeason }: DeliveryProgressChartProps) {
  const words = CHART_WORDS.progress;
  const seasonLabel = season.key;
  const previousLabel = previousSeason && words.previous(previousSeason.key);
  return (
    <ChartWithTable
      className={styles.chart}
      label={words.label(previousSeason !== null)}
      plot={
        <DeliveryProgressPlot
          points={points}
          deadlineDate={deadlineDate}
          seasonLabel={seasonLabel}
          previousLabel={previousLabel}
        />
      }
      legend={[
        { key: 'share', swatch: <LineSwatch look={LINE_LOOKS.main} />, text: seasonLabel },
        ...(previousLabel
          ? [{ key: 'previousShare', swatch: <LineSwatch look={LINE_LOOKS.other} />, text: previousLabel }]
          : []),
      ]}
      description={words.description(season.name, previousSeason?.name ?? null)}
    >
      <DataTable
        caption={words.caption}
        columns={[
          CHART_WORDS.date,
          season.name,
          ...(previousSeason ? [words.previousColumn(previousSeason.name)] : []),
        ]}
        rows={points.map((point) => [
          formatIsoDate(point.date),
          formatPercent(point.share, 1),
          ...(previousSeason ? [point.previousShare === null ? '–' : formatPercent(point.previousShare, 1)] : []),
        ])}
      />
    </ChartWithTable>
  );
}
