'use client';
/** The Recharts line chart of DailyRateChart, loaded in the browser only. */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatIsoDate, formatPercent } from '@/lib/core/format';
import type { DailyRatePoint } from './daily-rate-chart';

const dayMonth = (date: string) => formatIsoDate(date).slice(0, 5);

export function DailyRatePlot({
  points,
  rateLabel,
  timelyLabel,
}: {
  points: DailyRatePoint[];
  rateLabel: string;
  timelyLabel: string;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="date" tickFormatter={dayMonth} minTickGap={24} />
        <YAxis domain={[0, 1]} tickFormatter={(value: number) => formatPercent(value)} width={56} />
        <Tooltip
          labelFormatter={(date) => formatIsoDate(String(date))}
          formatter={(value) => formatPercent(Number(value), 1)}
        />
        <Legend />
        <Line dataKey="rate" name={rateLabel} stroke="#0062ba" strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line
          dataKey="timely"
          name={timelyLabel}
          stroke="#6b6b6b"
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
