'use client';
/** Municipalities per delivery state in each county, as stacked bars, and the same numbers as a table (its alternative). */
import { TableCell, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import dynamic from 'next/dynamic';
import { DataTable } from '@/components/tables/data-table';
import { DELIVERY_STATE_LABELS } from '@/lib/status/labels';
import type { DeliveryState } from '@/lib/status/rules';
import { formatNumber } from '@/lib/core/format';
import { ChartWithTable } from './chart-with-table';
import styles from './chart.module.css';

export type CountyStateCounts = { county: string } & Record<DeliveryState, number>;

/** Drawn in the browser only: Recharts measures its container, so on the server it would render nothing at a cost. */
const StatesByCountyPlot = dynamic(
  () => import('./states-by-county-plot').then((module) => module.StatesByCountyPlot),
  { ssr: false },
);

/** The table lists the states in their usual order. */
const STATES = Object.keys(DELIVERY_STATE_LABELS) as DeliveryState[];

export function StatesByCountyChart({ counties, label }: { counties: CountyStateCounts[]; label: string }) {
  return (
    <ChartWithTable className={styles.tall} label={label} plot={<StatesByCountyPlot counties={counties} />}>
      <DataTable
        scrollClassName={styles.scroll}
        caption="Antall kommuner per status og fylke"
        columns={['Fylke', ...STATES.map((state) => DELIVERY_STATE_LABELS[state])]}
      >
        {counties.map((county) => (
          <TableRow key={county.county}>
            <TableHeaderCell scope="row">{county.county}</TableHeaderCell>
            {STATES.map((state) => (
              <TableCell key={state}>{formatNumber(county[state])}</TableCell>
            ))}
          </TableRow>
        ))}
      </DataTable>
    </ChartWithTable>
  );
}
