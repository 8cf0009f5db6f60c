'use client';
/** The Recharts stacked bars of StatesByCountyChart, loaded in the browser only. */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DELIVERY_STATE_LABELS } from '@/lib/status/labels';
import type { DeliveryState } from '@/lib/status/rules';
import type { CountyStateCounts } from './states-by-county-chart';

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

/** Bars stack from delivered outwards. */
const BAR_STATES = Object.keys(STATE_FILLS) as DeliveryState[];

export function StatesByCountyPlot({ counties }: { counties: CountyStateCounts[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={counties}
        layout="vertical"
        accessibilityLayer={false}
        margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="county" width={140} interval={0} />
        <Tooltip />
        <Legend />
        {BAR_STATES.map((state) => (
          <Bar
            key={state}
            dataKey={state}
            name={DELIVERY_STATE_LABELS[state]}
            stackId="states"
            fill={STATE_FILLS[state]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
