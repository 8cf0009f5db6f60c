/**
 * The daily overview table's state, all of it in the URL like the annual table's (search, filters,
 * sort, page, columns), and the model the page renders: rows matching, sorted, one page of them.
 */
import { z } from 'zod';
import { DAILY_FLAG_LABELS, DAILY_STATE_LABELS } from '../labels';
import { reportingRate, timeliness } from './derive';
import type { DailyOverviewRow } from './overview';
import type { DailyFlagCode, DailyState } from './types';

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
/** Shown unless the person chooses: the season-to-date columns are one click away. */
export const DEFAULT_DAILY_COLUMNS: readonly DailyColumnId[] = [
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
  'streak',
];
export const DAILY_PAGE_SIZE = 50;

const keysOf = <T extends string>(record: Record<T, unknown>) => Object.keys(record) as [T, ...T[]];
const oneOrMany = (value: unknown) => (typeof value === 'string' ? [value] : value);

export const dailyTableParamsSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  fylke: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .catch(undefined),
  status: z.enum(keysOf<DailyState>(DAILY_STATE_LABELS)).optional().catch(undefined),
  flagg: z.enum(keysOf<DailyFlagCode>(DAILY_FLAG_LABELS)).optional().catch(undefined),
  sort: z.enum(DAILY_COLUMNS).optional().catch(undefined),
  retning: z.enum(['asc', 'desc']).optional().catch(undefined),
  side: z.coerce.number().int().min(1).max(1000).optional().catch(undefined),
  kol: z.preprocess(oneOrMany, z.array(z.enum(DAILY_COLUMNS)).optional()).catch(undefined),
});
export type DailyTableParams = z.infer<typeof dailyTableParamsSchema>;

export function dailyTableQuery(params: DailyTableParams): Record<string, string | string[] | undefined> {
  return {
    q: params.q,
    fylke: params.fylke,
    status: params.status,
    flagg: params.flagg,
    sort: params.sort,
    retning: params.retning,
    side: params.side ? String(params.side) : undefined,
    kol: params.kol,
  };
}

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

export function dailyTableModel(rows: readonly DailyOverviewRow[], params: DailyTableParams): DailyTableModel {
  const q = params.q?.toLocaleLowerCase('nb');
  const matching = rows.filter(
    (row) =>
      (!q || row.name.toLocaleLowerCase('nb').includes(q) || row.number.includes(q)) &&
      (!params.fylke || row.countyNumber === params.fylke) &&
      (!params.status || row.state === params.status) &&
      (!params.flagg || row.flags.some((flag) => flag.code === params.flagg)),
  );
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
