/**
 * A municipality's year, one cell per day in four lanes: the fagmelding (covered on time, late,
 * rejected, missing, not expected), the identmelding, the Apprec, and test traffic apart. Each cell
 * carries a symbol as well as a colour, and its words as its title; the arrow keys move between
 * cells (CalendarKeys, an island listening on the grid). The screen-reader text is the table
 * alternative's (the same days as rows), not repeated in each of the ~1 500 cells.
 *
 * The grid is server markup written as one string: as ~3 000 React elements it was most of the
 * page's cost (rendered to HTML, serialized into the RSC payload, and the page's p95 at 10 clients
 * was several hundred ms); as a string it is built in about a millisecond and travels once in each.
 * Every text in it is escaped (lib/core/html.ts). The table alternative is rendered when asked for
 * (its link, `?visning=tabell`), not on every view; its 365 rows are DataTable's text rows, one
 * string as well.
 */
import { Link, Paragraph } from '@digdir/designsystemet-react';
import NextLink from 'next/link';
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
import { escapeHtml } from '@/lib/core/html';
import { CalendarKeys } from './calendar-keys';
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

/** One month as a table: a header row of day numbers, then a row per lane. */
function monthMarkup(month: number, cells: readonly (DayCell & { index: number })[], first: boolean): string {
  const header = cells.map((cell) => `<th scope="col">${Number(cell.date.slice(8))}</th>`).join('');
  const rows = LANES.map((lane, laneIndex) => {
    const days = cells.map((cell, position) => {
      const text = laneText(lane, cell);
      const tabIndex = first && laneIndex === 0 && position === 0 ? 0 : -1;
      const title = escapeHtml(`${formatIsoDate(cell.date)}: ${text.words}`);
      return (
        `<td class="${styles.cell} ${text.className}" tabindex="${tabIndex}" data-lane="${laneIndex}" data-day="${cell.index}" ` +
        `data-month="${month}" title="${title}"><span aria-hidden="true">${escapeHtml(text.symbol)}</span></td>`
      );
    });
    return `<tr><th scope="row">${escapeHtml(LANE_LABELS[lane])}</th>${days.join('')}</tr>`;
  });
  return (
    `<table class="${styles.month}"><caption>${MONTHS[month]}</caption>` +
    `<thead><tr><td></td>${header}</tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function calendarMarkup(cells: readonly DayCell[]): string {
  const months = Array.from({ length: 12 }, () => [] as (DayCell & { index: number })[]);
  cells.forEach((cell, index) => months[Number(cell.date.slice(5, 7)) - 1]!.push({ ...cell, index }));
  return months
    .map((monthCells, month) => (monthCells.length ? monthMarkup(month, monthCells, month === 0) : ''))
    .join('');
}

function CalendarTable({ cells }: { cells: readonly DayCell[] }) {
  return (
    <DataTable
      zebra
      caption="Dagene hittil i år"
      columns={['Dato', 'Forventet', LANE_LABELS.ipl, LANE_LABELS.ide, LANE_LABELS.apprec, LANE_LABELS.test]}
      rows={cells
        .filter((cell) => cell.ipl !== 'FUTURE')
        .map((cell) => [
          formatIsoDate(cell.date),
          cell.expected ? 'Ja' : 'Nei',
          DAY_STATUS_LABELS[cell.ipl],
          IDE_LANE_LABELS[cell.ide],
          APPREC_LANE_LABELS[cell.apprec],
          formatNumber(cell.test),
        ])}
    />
  );
}

const GRID_ID = 'kalender-dager';

/**
 * The legend, the grid and the table alternative: shown when `table` is true, else a link to the
 * same page with it (`tableHref`).
 */
export function YearCalendar({
  cells,
  table,
  tableHref,
}: {
  cells: readonly DayCell[];
  table: boolean;
  tableHref: `/kommuner/${string}/daglig?${string}`;
}) {
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
      <div className={styles.scroll}>
        <div
          id={GRID_ID}
          role="region"
          aria-label={`${DAILY_WORDS.calendar}: bruk piltastene for å gå mellom dagene`}
          dangerouslySetInnerHTML={{ __html: calendarMarkup(cells) }}
        />
      </div>
      <CalendarKeys gridId={GRID_ID} />
      {table ? (
        <CalendarTable cells={cells} />
      ) : (
        <Paragraph>
          <Link asChild>
            <NextLink href={tableHref}>{DAILY_WORDS.calendarTable}</NextLink>
          </Link>
        </Paragraph>
      )}
    </>
  );
}
