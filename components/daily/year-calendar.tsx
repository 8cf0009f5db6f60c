/**
 * A municipality's year, one cell per day in four lanes: the fagmelding (covered on time, late,
 * rejected, missing, not expected), the identmelding, the Apprec, and test traffic apart. Each cell
 * carries a symbol as well as a colour, and its words as its title; the arrow keys move between
 * cells (CalendarKeys). The screen-reader text is the table alternative's (the same days as rows),
 * not repeated in each of the ~1 500 cells: that doubled the page and its render time.
 */
import { Details, DetailsContent, DetailsSummary, TableCell, TableRow } from '@digdir/designsystemet-react';
import { DataTable } from '@/components/tables/data-table';
import {
  APPREC_LANE_LABELS,
  DAY_STATUS_LABELS,
  DAY_STATUS_SYMBOLS,
  DAILY_WORDS,
  IDE_LANE_LABELS,
  LANE_LABELS,
} from '@/lib/daily/labels';
import type { DayCell } from '@/lib/daily/rules';
import { formatIsoDate, formatNumber } from '@/lib/core/format';
import { CalendarKeys } from './calendar-keys';
import { ScrollRegion } from './scroll-region';
import { DAY_STATUS_CLASS } from './daily-colors';
import styles from './daily.module.css';

const MONTHS = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
];
const LANES = ['ipl', 'ide', 'apprec', 'test'] as const;
type Lane = (typeof LANES)[number];

const IDE_SYMBOL = { RECEIVED: '✓', REJECTED: '✕', MISSING: '!', NONE: '' } as const;
const APPREC_SYMBOL = { OK: '✓', REJECTED: '✕', AWAITING: '…', NONE: '' } as const;

function laneText(lane: Lane, cell: DayCell): { symbol: string; words: string; className: string } {
  switch (lane) {
    case 'ipl':
      return {
        symbol: DAY_STATUS_SYMBOLS[cell.ipl],
        words: DAY_STATUS_LABELS[cell.ipl],
        className: styles[DAY_STATUS_CLASS[cell.ipl]]!,
      };
    case 'ide':
      return { symbol: IDE_SYMBOL[cell.ide], words: IDE_LANE_LABELS[cell.ide], className: '' };
    case 'apprec':
      return { symbol: APPREC_SYMBOL[cell.apprec], words: APPREC_LANE_LABELS[cell.apprec], className: '' };
    case 'test':
      return {
        symbol: cell.test ? String(cell.test) : '',
        words: cell.test ? `${formatNumber(cell.test)} testsendinger` : 'Ingen testsendinger',
        className: '',
      };
  }
}

function Month({
  month,
  cells,
  first,
}: {
  month: number;
  cells: readonly (DayCell & { index: number })[];
  first: boolean;
}) {
  return (
    <table className={styles.month}>
      <caption>{MONTHS[month]}</caption>
      <thead>
        <tr>
          <td />
          {cells.map((cell) => (
            <th key={cell.date} scope="col">
              {Number(cell.date.slice(8))}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {LANES.map((lane, laneIndex) => (
          <tr key={lane}>
            <th scope="row">{LANE_LABELS[lane]}</th>
            {cells.map((cell, position) => {
              const text = laneText(lane, cell);
              return (
                <td
                  key={cell.date}
                  className={`${styles.cell} ${text.className}`}
                  tabIndex={first && laneIndex === 0 && position === 0 ? 0 : -1}
                  data-lane={laneIndex}
                  data-day={cell.index}
                  data-month={month}
                  title={`${formatIsoDate(cell.date)}: ${text.words}`}
                >
                  <span aria-hidden="true">{text.symbol}</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function YearCalendar({ cells }: { cells: readonly DayCell[] }) {
  const months = Array.from({ length: 12 }, (_, month) =>
    cells.map((cell, index) => ({ ...cell, index })).filter((cell) => Number(cell.date.slice(5, 7)) === month + 1),
  );
  return (
    <>
      <ul className={styles.legend} aria-label="Tegnforklaring">
        {(['ON_TIME', 'LATE', 'REJECTED', 'MISSING', 'NOT_DUE', 'NOT_EXPECTED'] as const).map((status) => (
          <li key={status}>
            <span className={styles[DAY_STATUS_CLASS[status]]} aria-hidden="true">
              {DAY_STATUS_SYMBOLS[status]}
            </span>
            {DAY_STATUS_LABELS[status]}
          </li>
        ))}
      </ul>
      <CalendarKeys className={styles.scroll}>
        <div role="region" aria-label={`${DAILY_WORDS.calendar}: bruk piltastene for å gå mellom dagene`}>
          {months.map((monthCells, month) =>
            monthCells.length ? <Month key={month} month={month} cells={monthCells} first={month === 0} /> : null,
          )}
        </div>
      </CalendarKeys>
      <Details>
        <DetailsSummary>{DAILY_WORDS.calendarTable}</DetailsSummary>
        <DetailsContent>
          <ScrollRegion label={DAILY_WORDS.calendarTable}>
            <DataTable
              zebra
              caption="Dagene hittil i år"
              columns={['Dato', 'Forventet', LANE_LABELS.ipl, LANE_LABELS.ide, LANE_LABELS.apprec, LANE_LABELS.test]}
            >
              {cells
                .filter((cell) => cell.ipl !== 'FUTURE')
                .map((cell) => (
                  <TableRow key={cell.date}>
                    <TableCell>{formatIsoDate(cell.date)}</TableCell>
                    <TableCell>{cell.expected ? 'Ja' : 'Nei'}</TableCell>
                    <TableCell>{DAY_STATUS_LABELS[cell.ipl]}</TableCell>
                    <TableCell>{IDE_LANE_LABELS[cell.ide]}</TableCell>
                    <TableCell>{APPREC_LANE_LABELS[cell.apprec]}</TableCell>
                    <TableCell>{formatNumber(cell.test)}</TableCell>
                  </TableRow>
                ))}
            </DataTable>
          </ScrollRegion>
        </DetailsContent>
      </Details>
    </>
  );
}
