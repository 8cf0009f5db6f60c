'use client';
/** Municipalities per delivery state in each county, as stacked bars, and the same numbers as a table (its alternative). */
import { Details, DetailsContent, DetailsSummary, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DELIVERY_STATE_LABELS, type DeliveryState } from '@/lib/domain/delivery-state';
import { formatNumber } from '@/lib/format';
import styles from './chart.module.css';

export type CountyStateCounts = { county: string } & Record<DeliveryState, number>;

/** Colours distinguishable on white and from each other (and the legend names each state). */
const STATE_FILLS: Record<DeliveryState, string> = {
  DELIVERED: '#1e7b3c',
  ACCEPTED_WITH_ERRORS: '#b25e00',
  INCOMPLETE: '#e0a100',
  REJECTED: '#c01b1b',
  APPREC_OVERDUE: '#7a1212',
  SENT: '#0062ba',
  TESTING: '#7fb2e5',
  NOT_STARTED: '#b0b0b0',
};

/** Bars stack from delivered outwards; the table lists the states in their usual order. */
const BAR_STATES = Object.keys(STATE_FILLS) as DeliveryState[];
const STATES = Object.keys(DELIVERY_STATE_LABELS) as DeliveryState[];

export function StatesByCountyChart({ counties, label }: { counties: CountyStateCounts[]; label: string }) {
  return (
    <>
      <div className={styles.tall} role="img" aria-label={label}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={counties} layout="vertical" accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="county" width={140} interval={0} />
            <Tooltip />
            <Legend />
            {BAR_STATES.map((state) => (
              <Bar key={state} dataKey={state} name={DELIVERY_STATE_LABELS[state]} stackId="states" fill={STATE_FILLS[state]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Details>
        <DetailsSummary>Vis tallene som tabell</DetailsSummary>
        <DetailsContent>
          <div className={styles.scroll}>
            <Table data-size="sm">
              <caption>Antall kommuner per status og fylke</caption>
              <TableHead>
                <TableRow>
                  <TableHeaderCell scope="col">Fylke</TableHeaderCell>
                  {STATES.map((state) => (
                    <TableHeaderCell scope="col" key={state}>
                      {DELIVERY_STATE_LABELS[state]}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {counties.map((county) => (
                  <TableRow key={county.county}>
                    <TableHeaderCell scope="row">{county.county}</TableHeaderCell>
                    {STATES.map((state) => (
                      <TableCell key={state}>{formatNumber(county[state])}</TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </DetailsContent>
      </Details>
    </>
  );
}
