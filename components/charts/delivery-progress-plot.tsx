'use client';
/** The Recharts line chart of DeliveryProgressChart, loaded in the browser only. */
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { GRAPHIC_FILLS, LINE_LOOKS } from '@/components/graphics/palette';
import { CHART_WORDS } from '@/lib/core/charts/labels';
import { formatIsoDate, formatPercent } from '@/lib/core/format';
import { AXIS_TICK, SHARE_TICKS, TOOLTIP_ITEM, dayMonth, lineProps, percentTick } from './chart-parts';
import type { DeliveryProgressPoint } from './delivery-progress-chart';

export function DeliveryProgressPlot({
  points,
  deadlineDate,
  seasonLabel,
  previousLabel,
}: {
  points: DeliveryProgressPoint[];
  deadlineDate: string;
  /** The legend's short names of the two lines. */
  seasonLabel: string;
  previousLabel: string | null;
}) {
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
          type="stepAfter"
          dataKey="share"
          name={seasonLabel}
          className="series-share"
          {...lineProps(LINE_LOOKS.main, points.length)}
        />
        {previousLabel && (
          <Line
            type="stepAfter"
            dataKey="previousShare"
            name={previousLabel}
            className="series-previousShare"
            {...lineProps(LINE_LOOKS.other, points.length)}
          />
        )}
        <ReferenceLine
          x={deadlineDate}
          stroke={GRAPHIC_FILLS.danger}
          strokeWidth={2}
          label={{ value: CHART_WORDS.deadline, position: 'insideTopRight', fill: GRAPHIC_FILLS.danger }}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
