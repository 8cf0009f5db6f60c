'use client';
/** The Recharts stacked bars of StatesByCountyChart, loaded in the browser only. */
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { GRAPHIC_MARK } from '@/components/graphics/palette';
import { DELIVERY_STATE_LABELS } from '@/lib/status/labels';
import { AXIS_TICK, TOOLTIP_ITEM } from './chart-parts';
import type { CountyStateCounts } from './states-by-county-chart';
import { BAR_STATES, barPatternId } from './states-by-county-series';

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
        <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} />
        <YAxis type="category" dataKey="county" width={140} interval={0} tick={AXIS_TICK} />
        <Tooltip itemStyle={TOOLTIP_ITEM} />
        {BAR_STATES.map((state) => (
          <Bar
            key={state}
            dataKey={state}
            name={DELIVERY_STATE_LABELS[state]}
            className={`series-${state}`}
            stackId="states"
            fill={`url(#${barPatternId(state)})`}
            // A thin white edge between two segments, so two of one colour are seen as two.
            stroke={GRAPHIC_MARK}
            strokeWidth={1}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
