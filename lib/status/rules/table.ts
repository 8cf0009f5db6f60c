/**
 * The overview table's model, computed on the server: which municipalities match the search and
 * filters, in which order, and which of them are on the current page. The page sends only the
 * current page's rows to the browser; the overview's export uses the same function, so a download
 * holds exactly the rows the screen lists (all pages), in the same order.
 *
 * Pure (no I/O) and framework-free: the table logic is TanStack Table's core, run once per call.
 */
import {
  columnFilteringFeature,
  constructTable,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_arrIncludes,
  filterFn_equalsString,
  filterFn_includesString,
  globalFilteringFeature,
  rowSortingFeature,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
  type ColumnDef,
} from '@tanstack/table-core';
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings';
import { formatDate, formatNumber } from '../../core/format';
import { DELIVERY_STATE_LABELS, FLAG_LABELS, ON_TIME_LABELS, STATUS_CELL_LABELS } from '../labels';
import { isSeasonClosed } from './outcome';
import type { MunicipalityStatusRow } from './summaries';
import {
  OPTIONAL_STATUS_COLUMNS,
  STATUS_COLUMNS,
  STATUS_PAGE_SIZE,
  type StatusColumnId,
  type StatusTableParams,
} from './table-params';
import type { DeliveryState, FlagCode } from './types';

/** One municipality as the table shows it: plain data, small enough to send to the browser. */
export interface StatusTableRow {
  number: string;
  name: string;
  countyNumber: string;
  countyName: string;
  state: DeliveryState;
  flags: FlagCode[];
  latestSentAt: Date | null;
  effectiveDeadline: Date;
  extensionGranted: boolean;
  /** Null once the effective deadline has passed: a season that is over counts no time left. */
  workingDaysLeft: number | null;
  deliveredOnTime: boolean | null;
}

/** The municipality's row as the table shows it at the overview's `asOf`. */
export function toStatusTableRow(row: MunicipalityStatusRow, asOf: Date): StatusTableRow {
  return {
    number: row.number,
    name: row.name,
    countyNumber: row.countyNumber,
    countyName: row.countyName,
    state: row.state,
    flags: row.flags.map((flag) => flag.code),
    latestSentAt: row.figures.latestProductionMessage?.receivedAt ?? null,
    effectiveDeadline: row.figures.effectiveDeadline,
    extensionGranted: row.figures.extensionGranted,
    workingDaysLeft: isSeasonClosed(row.figures, asOf) ? null : row.figures.workingDaysLeft,
    deliveredOnTime: row.figures.deliveredOnTime,
  };
}

/** Each column's value as text, as the table shows it (and an export writes it). */
export const STATUS_CELL_TEXT: Record<StatusColumnId, (row: StatusTableRow) => string> = {
  number: (row) => row.number,
  name: (row) => row.name,
  county: (row) => row.countyName,
  state: (row) => DELIVERY_STATE_LABELS[row.state],
  flags: (row) => (row.flags.length ? row.flags.map((flag) => FLAG_LABELS[flag]).join(', ') : '–'),
  latestSent: (row) => (row.latestSentAt ? formatDate(row.latestSentAt) : STATUS_CELL_LABELS.notSent),
  deadline: (row) =>
    `${formatDate(row.effectiveDeadline)}${row.extensionGranted ? ` (${STATUS_CELL_LABELS.extended})` : ''}`,
  workingDaysLeft: (row) =>
    row.workingDaysLeft === null ? STATUS_CELL_LABELS.deadlinePassed : formatNumber(row.workingDaysLeft),
  onTime: (row) => ON_TIME_LABELS[String(row.deliveredOnTime) as keyof typeof ON_TIME_LABELS],
};

/** The columns shown, in table order: number and name always, the optional ones as chosen (all by default). */
export function visibleStatusColumns(params: Pick<StatusTableParams, 'kol'>): StatusColumnId[] {
  const chosen = params.kol ? new Set<StatusColumnId>(params.kol) : null;
  return STATUS_COLUMNS.filter((id) => !chosen || !OPTIONAL_STATUS_COLUMNS.includes(id) || chosen.has(id));
}

export interface StatusTableSort {
  id: StatusColumnId;
  desc: boolean;
}

/** The sort in effect: the chosen column and direction; by the municipality number when none (or an unsortable one) is chosen. */
export function statusTableSort(params: Pick<StatusTableParams, 'sort' | 'retning'>): StatusTableSort {
  return params.sort && SORTABLE_STATUS_COLUMNS.has(params.sort)
    ? { id: params.sort, desc: params.retning === 'desc' }
    : { id: 'number', desc: false };
}

const features = tableFeatures({
  coreReactivityFeature: storeReactivityBindings(),
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: { basic: sortFn_basic, text: sortFn_text },
  filterFns: {
    includesString: filterFn_includesString,
    equalsString: filterFn_equalsString,
    arrIncludes: filterFn_arrIncludes,
  },
});

/** Search (`q`) looks at number and name; county, state and flag are filters of their own. */
const columns: ColumnDef<typeof features, StatusTableRow>[] = [
  { id: 'number', accessorKey: 'number', sortFn: 'text' },
  { id: 'name', accessorKey: 'name', sortFn: 'text' },
  { id: 'county', accessorKey: 'countyNumber', sortFn: 'text', filterFn: 'equalsString', enableGlobalFilter: false },
  { id: 'state', accessorKey: 'state', sortFn: 'text', filterFn: 'equalsString', enableGlobalFilter: false },
  { id: 'flags', accessorKey: 'flags', enableSorting: false, filterFn: 'arrIncludes', enableGlobalFilter: false },
  {
    id: 'latestSent',
    accessorFn: (row) => row.latestSentAt?.getTime() ?? 0,
    sortFn: 'basic',
    enableGlobalFilter: false,
  },
  { id: 'deadline', accessorFn: (row) => row.effectiveDeadline.getTime(), sortFn: 'basic', enableGlobalFilter: false },
  // A passed deadline sorts before the last day (0 left).
  {
    id: 'workingDaysLeft',
    accessorFn: (row) => row.workingDaysLeft ?? -1,
    sortFn: 'basic',
    enableGlobalFilter: false,
  },
  {
    id: 'onTime',
    accessorFn: (row) => (row.deliveredOnTime === null ? 0 : row.deliveredOnTime ? 2 : 1),
    sortFn: 'basic',
    enableGlobalFilter: false,
  },
];

/** Columns a person can sort by (the flags column lists several values and has no order). */
export const SORTABLE_STATUS_COLUMNS: ReadonlySet<StatusColumnId> = new Set(
  columns.filter((column) => column.enableSorting !== false).map((column) => column.id as StatusColumnId),
);

const byNumber = (a: StatusTableRow, b: StatusTableRow) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);

export interface StatusTableModel<Row extends StatusTableRow = StatusTableRow> {
  /** Every row that matches the search and filters, in the table's order (all pages). */
  rows: Row[];
  /** The rows on the current page. */
  pageRows: Row[];
  /** The current page, 1-based, within 1..pageCount (a page past the end shows the last one). */
  page: number;
  /** At least 1, even when nothing matches. */
  pageCount: number;
  /** How many rows match: rows.length. */
  matching: number;
  /** How many rows there are before filtering. */
  total: number;
  /** The sort in effect. */
  sort: StatusTableSort;
}

/**
 * Filters (`q` on number and name, `fylke`, `status`, `flagg`), sorts (`sort`, `retning`; by
 * number by default, ties by number) and pages (`side`, STATUS_PAGE_SIZE a page) `rows`.
 * Extra properties of the rows are kept, so a caller can carry more than the table shows.
 */
export function statusTableModel<Row extends StatusTableRow>(
  rows: readonly Row[],
  params: StatusTableParams,
): StatusTableModel<Row> {
  const sort = statusTableSort(params);
  const state = {
    sorting: [sort],
    globalFilter: params.q ?? '',
    columnFilters: [
      ...(params.fylke ? [{ id: 'county', value: params.fylke }] : []),
      ...(params.status ? [{ id: 'state', value: params.status }] : []),
      ...(params.flagg ? [{ id: 'flags', value: [params.flagg] }] : []),
    ],
  };
  const table = constructTable({
    features,
    columns: columns as ColumnDef<typeof features, Row>[],
    // In number order first: TanStack breaks ties by the data's order.
    data: [...rows].sort(byNumber),
    getRowId: (row) => row.number,
    globalFilterFn: 'includesString',
    state,
  });
  const matchingRows = table.getSortedRowModel().rows.map((row) => row.original);
  const pageCount = Math.max(1, Math.ceil(matchingRows.length / STATUS_PAGE_SIZE));
  const page = Math.min(params.side ?? 1, pageCount);
  const start = (page - 1) * STATUS_PAGE_SIZE;
  return {
    rows: matchingRows,
    pageRows: matchingRows.slice(start, start + STATUS_PAGE_SIZE),
    page,
    pageCount,
    matching: matchingRows.length,
    total: rows.length,
    sort,
  };
}
