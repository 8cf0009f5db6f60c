'use client';
/** Municipalities per delivery state in each county, as stacked bars, and the same numbers as a table (its alternative). */
import dynamic from 'next/dynamic';
import { DELIVERY_STATE_LOOKS } from '@/components/graphics/palette';
import { PatternDefs, Swatch } from '@/components/graphics/patterns';
import { DataTable } from '@/components/tables/data-table';
import { CHART_WORDS } from '@/lib/core/charts/labels';
import { DELIVERY_STATE_LABELS } from '@/lib/status/labels';
import type { DeliveryState } from '@/lib/status/rules';
import { formatNumber } from '@/lib/core/format';
import { ChartWithTable } from './chart-with-table';
import styles from './chart.module.css';
import { BAR_STATES, barPatternId } from './states-by-county-series';

export type CountyStateCounts = { county: string } & Record<DeliveryState, number>;

/** Drawn in the browser only: Recharts measures its container, so on the server it would render nothing at a cost. */
const StatesByCountyPlot = dynamic(
  () => import('./states-by-county-plot').then((module) => module.StatesByCountyPlot),
  { ssr: false },
);

/** The table lists the states in their usual order. */
const STATES = Object.keys(DELIVERY_STATE_LABELS) as DeliveryState[];

/** The bars' patterns, drawn with the page so the legend shows them before the plot is loaded. */
const PATTERNS = BAR_STATES.map((state) => ({ id: barPatternId(state), look: DELIVERY_STATE_LOOKS[state] }));

export function StatesByCountyChart({ counties }: { counties: CountyStateCounts[] }) {
  const words = CHART_WORDS.byCounty;
  return (
    <>
      <PatternDefs patterns={PATTERNS} />
      <ChartWithTable
        className={styles.tall}
        label={words.label}
        plot={<StatesByCountyPlot counties={counties} />}
        legend={BAR_STATES.map((state) => ({
          key: state,
          swatch: <Swatch fill={`url(#${barPatternId(state)})`} />,
          text: DELIVERY_STATE_LABELS[state],
        }))}
        description={words.description}
      >
        <DataTable
          scrollClassName={styles.scroll}
          caption={words.caption}
          columns={[CHART_WORDS.county, ...STATES.map((state) => DELIVERY_STATE_LABELS[state])]}
          rows={counties.map((county) => [county.county, ...STATES.map((state) => formatNumber(county[state]))])}
        />
      </ChartWithTable>
    </>
  );
}
