'use client';
/**
 * Cumulative share of municipalities with an accepted delivery, this season against last, with the
 * deadline marked, and the same numbers as a table (its alternative). Both come from one copy of
 * the points, so the page sends them once.
 */
import { Details, DetailsContent, DetailsSummary, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatIsoDate, formatPercent } from '@/lib/format';
import styles from './chart.module.css';

export interface DeliveryProgressPoint {
  date: string;
  share: number;
  previousShare: number | null;
}

interface DeliveryProgressChartProps {
  points: DeliveryProgressPoint[];
  /** The deadline's Oslo date, marked when inside the range. */
  deadlineDate: string;
  seasonName: string;
  previousSeasonName: string | null;
  /** Describes the chart for screen readers; the data are in the table next to it. */
  label: string;
}

const dayMonth = (date: string) => formatIsoDate(date).slice(0, 5);

export function DeliveryProgressChart({ points, deadlineDate, seasonName, previousSeasonName, label }: DeliveryProgressChartProps) {
  return (
    <>
      <div className={styles.chart} role="img" aria-label={label}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="date" tickFormatter={dayMonth} minTickGap={24} />
            <YAxis domain={[0, 1]} tickFormatter={(value: number) => formatPercent(value)} width={56} />
            <Tooltip labelFormatter={(date) => formatIsoDate(String(date))} formatter={(value) => formatPercent(Number(value), 1)} />
            <Legend />
            <Line type="stepAfter" dataKey="share" name={seasonName} stroke="#0062ba" strokeWidth={2} dot={false} isAnimationActive={false} />
            {previousSeasonName && (
              <Line type="stepAfter" dataKey="previousShare" name={`${previousSeasonName} (samme dag før fristen)`} stroke="#6b6b6b" strokeDasharray="6 4" dot={false} isAnimationActive={false} />
            )}
            <ReferenceLine x={deadlineDate} stroke="#c01b1b" label={{ value: 'Frist', position: 'insideTopRight', fill: '#a01515' }} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <Details>
        <DetailsSummary>Vis tallene som tabell</DetailsSummary>
        <DetailsContent>
          <Table data-size="sm">
            <caption>Andel kommuner med godkjent levering ved utgangen av hver dag</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">Dato</TableHeaderCell>
                <TableHeaderCell scope="col">{seasonName}</TableHeaderCell>
                {previousSeasonName && <TableHeaderCell scope="col">{previousSeasonName} (samme dag før fristen)</TableHeaderCell>}
              </TableRow>
            </TableHead>
            <TableBody>
              {points.map((point) => (
                <TableRow key={point.date}>
                  <TableHeaderCell scope="row">{formatIsoDate(point.date)}</TableHeaderCell>
                  <TableCell>{formatPercent(point.share, 1)}</TableCell>
                  {previousSeasonName && <TableCell>{point.previousShare === null ? '–' : formatPercent(point.previousShare, 1)}</TableCell>}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </DetailsContent>
      </Details>
    </>
  );
}
