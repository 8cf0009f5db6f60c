/**
 * The daily overview table's state, all of it in the URL like the annual table's (search, filters,
 * sort, page, columns), and the model the page renders: rows matching, sorted, one page of them.
 */
import type { z } from 'zod';
import { tableParamsSchema, tableQuery } from '@/lib/core/table-params';
import { DAILY_FLAG_LABELS, DAILY_STATE_LABELS } from '../labels';
import { reportingRate, timeliness } from './derive';
import type { DailyOverviewRow } from './overview';
import type { DailyState } from './types';

export const DAILY_COLUMNS = [
  'number',
  'name',
  'county',
  'state',
  'flags',
  'daysSince',
  'rate7',
  'timely7',
  'rate30',
  'timely30',
  'rateSeason',
  'rateSinceStart',
  'streak',
] as const;
export type DailyColumnId = (typeof DAILY_COLUMNS)[number];
/** Shown unless the person chooses: all but the season-to-date columns, which are one click away. */
const SEASON_TO_DATE_COLUMNS: readonly DailyColumnId[] = ['rateSeason', 'rateSinceStart'];
export const DEFAULT_DAILY_COLUMNS: readonly DailyColumnId[] = DAILY_COLUMNS.filter(
  (column) => !SEASON_TO_DATE_COLUMNS.includes(column),
);
export const DAILY_PAGE_SIZE = 50;

export const dailyTableParamsSchema = tableParamsSchema(DAILY_STATE_LABELS, DAILY_FLAG_LABELS, DAILY_COLUMNS);
export type DailyTableParams = z.infer<typeof dailyTableParamsSchema>;

/** The query parameters of `params` as strings, for links and hidden form fields. */
export const dailyTableQuery: (params: DailyTableParams) => Record<string, string | string[] | undefined> = tableQuery;

/** State order for sorting: the most troubled first. */
const STATE_RANK: Record<DailyState, number> = {
  REJECTING: 0,
  SILENT: 1,
  VOLUME_DROP: 2,
  LAGGING: 3,
  ONLY_TESTING: 4,
  NOT_STARTED: 5,
  ACTIVE: 6,
};

type SortValue = number | string | null;
const SORT_VALUE: Record<DailyColumnId, (row: DailyOverviewRow) => SortValue> = {
  number: (row) => row.number,
  name: (row) => row.name,
  county: (row) => row.countyName,
  state: (row) => STATE_RANK[row.state],
  flags: (row) => -row.flags.length,
  daysSince: (row) => row.daysSinceLastAccepted,
  rate7: (row) => reportingRate(row.rates.last7.fromRequirement),
  timely7: (row) => timeliness(row.rates.last7.fromRequirement),
  rate30: (row) => reportingRate(row.rates.last30.fromRequirement),
  timely30: (row) => timeliness(row.rates.last30.fromRequirement),
  rateSeason: (row) => reportingRate(row.rates.season.fromRequirement),
  rateSinceStart: (row) => reportingRate(row.rates.season.fromFirstDelivery),
  streak: (row) => row.streak,
};

function compare(a: SortValue, b: SortValue): number {
  // Empty values last, whichever the direction.
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return typeof a === 'string' ? a.localeCompare(String(b), 'nb') : a - (b as number);
}

export interface DailyTableModel {
  pageRows: DailyOverviewRow[];
  page: number;
  pageCount: number;
  matching: number;
  total: number;
  columns: readonly DailyColumnId[];
  sort: { column: DailyColumnId; direction: 'asc' | 'desc' };
}

/** The rows the search and filters keep (the table's, and the map's, which honours the same filters). */
export function matchingDailyRows(rows: readonly DailyOverviewRow[], params: DailyTableParams): DailyOverviewRow[] {
  const q = params.q?.toLocaleLowerCase('nb');
  return rows.filter(
    (row) =>
      (!q || row.name.toLocaleLowerCase('nb').includes(q) || row.number.includes(q)) &&
      (!params.fylke || row.countyNumber === params.fylke) &&
      (!params.status || row.state === params.status) &&
      (!params.flagg || row.flags.some((flag) => flag.code === params.flagg)),
  );
}

export function dailyTableModel(rows: readonly DailyOverviewRow[], params: DailyTableParams): DailyTableModel {
  const matching = matchingDailyRows(rows, params);
  const column = params.sort ?? 'number';
  const direction = params.retning ?? 'asc';
  const value = SORT_VALUE[column];
  const sorted = [...matching].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const order = va === null || vb === null ? compare(va, vb) : compare(va, vb) * (direction === 'asc' ? 1 : -1);
    return order || a.number.localeCompare(b.number);
  });
  const pageCount = Math.max(1, Math.ceil(sorted.length / DAILY_PAGE_SIZE));
  const page = Math.min(params.side ?? 1, pageCount);
  const chosen = params.kol?.length ? params.kol : DEFAULT_DAILY_COLUMNS;
  return {
    pageRows: sorted.slice((page - 1) * DAILY_PAGE_SIZE, page * DAILY_PAGE_SIZE),
    page,
    pageCount,
    matching: sorted.length,
    total: rows.length,
    columns: DAILY_COLUMNS.filter((id) => id === 'number' || id === 'name' || chosen.includes(id)),
    sort: { column, direction },
  };
}
