'use client';
/** The Recharts line chart of DailyRateChart, loaded in the browser only. */
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { LINE_LOOKS } from '@/components/graphics/palette';
import { CHART_WORDS } from '@/lib/core/charts/labels';
import { formatIsoDate, formatPercent } from '@/lib/core/format';
import { AXIS_TICK, SHARE_TICKS, TOOLTIP_ITEM, dayMonth, lineProps, percentTick } from './chart-parts';
import type { DailyRatePoint } from './daily-rate-chart';

export function DailyRatePlot({ points }: { points: DailyRatePoint[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} accessibilityLayer={false} margin={{ top: 16, right: 16, bottom: 8, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="date" tickFormatter={dayMonth} minTickGap={24} tick={AXIS_TICK} />
        <YAxis domain={[0, 1]} ticks={SHARE_TICKS} tickFormatter={percentTick} width="auto" tick={AXIS_TICK} />
        <Tooltip
          labelFormatter={(date) => formatIsoDate(String(date))}
          formatter={(value) => formatPercent(Number(value), 1)}
          itemStyle={TOOLTIP_ITEM}
        />
        <Line
          dataKey="rate"
          name={CHART_WORDS.dailyRate.rate}
          className="series-rate"
          {...lineProps(LINE_LOOKS.main, points.length)}
        />
        <Line
          dataKey="timely"
          name={CHART_WORDS.dailyRate.timely}
          className="series-timely"
          {...lineProps(LINE_LOOKS.other, points.length)}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
