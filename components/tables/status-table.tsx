'use client';
/**
 * The overview table of every municipality in scope. Its state comes from the URL only (sorting,
 * filters, search, page, columns), and every control is a link, so the server-rendered markup
 * works without JavaScript; in the browser the links navigate without a full reload.
 */
import { Link, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Tag } from '@digdir/designsystemet-react';
import {
  columnFilteringFeature,
  columnVisibilityFeature,
  createFilteredRowModel,
  createPaginatedRowModel,
  createSortedRowModel,
  filterFn_arrIncludes,
  filterFn_equalsString,
  filterFn_includesString,
  globalFilteringFeature,
  rowPaginationFeature,
  rowSortingFeature,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
  useTable,
  type ColumnDef,
} from '@tanstack/react-table';
import NextLink from 'next/link';
import { DELIVERY_STATE_LABELS, FLAG_LABELS, type DeliveryState, type FlagCode } from '@/lib/domain/delivery-state';
import { formatDate, formatNumber } from '@/lib/format';
import { linkQuery } from '@/lib/status-query';
import { STATE_COLORS } from '@/components/status/state-colors';
import {
  OPTIONAL_STATUS_COLUMNS,
  STATUS_COLUMN_LABELS,
  STATUS_PAGE_SIZE,
  statusTableQuery,
  type StatusColumnId,
  type StatusTableParams,
} from './status-table-params';
import styles from './status-table.module.css';

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
  workingDaysLeft: number;
  deliveredOnTime: boolean | null;
}

const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  columnVisibilityFeature,
  rowPaginationFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  paginatedRowModel: createPaginatedRowModel(),
  sortFns: { basic: sortFn_basic, text: sortFn_text },
  filterFns: { includesString: filterFn_includesString, equalsString: filterFn_equalsString, arrIncludes: filterFn_arrIncludes },
});

const ON_TIME_LABELS = { true: 'Ja', false: 'Nei', null: '–' } as const;

const columns: ColumnDef<typeof features, StatusTableRow>[] = [
  { id: 'number', accessorKey: 'number', header: STATUS_COLUMN_LABELS.number, sortFn: 'text' },
  {
    id: 'name',
    accessorKey: 'name',
    header: STATUS_COLUMN_LABELS.name,
    sortFn: 'text',
    cell: ({ row }) => (
      <Link asChild>
        <NextLink href={`/kommuner/${row.original.number}`}>{row.original.name}</NextLink>
      </Link>
    ),
  },
  { id: 'county', accessorKey: 'countyNumber', header: STATUS_COLUMN_LABELS.county, sortFn: 'text', filterFn: 'equalsString', enableGlobalFilter: false, cell: ({ row }) => row.original.countyName },
  {
    id: 'state',
    accessorKey: 'state',
    header: STATUS_COLUMN_LABELS.state,
    sortFn: 'text',
    filterFn: 'equalsString',
    enableGlobalFilter: false,
    cell: ({ row }) => (
      <Tag data-color={STATE_COLORS[row.original.state]} data-size="sm">
        {DELIVERY_STATE_LABELS[row.original.state]}
      </Tag>
    ),
  },
  {
    id: 'flags',
    accessorKey: 'flags',
    header: STATUS_COLUMN_LABELS.flags,
    enableSorting: false,
    filterFn: 'arrIncludes',
    enableGlobalFilter: false,
    cell: ({ row }) => (row.original.flags.length ? row.original.flags.map((flag) => FLAG_LABELS[flag]).join(', ') : '–'),
  },
  {
    id: 'latestSent',
    accessorFn: (row) => row.latestSentAt?.getTime() ?? 0,
    header: STATUS_COLUMN_LABELS.latestSent,
    sortFn: 'basic',
    enableGlobalFilter: false,
    cell: ({ row }) => (row.original.latestSentAt ? formatDate(row.original.latestSentAt) : 'Ikke sendt'),
  },
  {
    id: 'deadline',
    accessorFn: (row) => row.effectiveDeadline.getTime(),
    header: STATUS_COLUMN_LABELS.deadline,
    sortFn: 'basic',
    enableGlobalFilter: false,
    cell: ({ row }) => `${formatDate(row.original.effectiveDeadline)}${row.original.extensionGranted ? ' (utsatt)' : ''}`,
  },
  {
    id: 'workingDaysLeft',
    accessorKey: 'workingDaysLeft',
    header: STATUS_COLUMN_LABELS.workingDaysLeft,
    sortFn: 'basic',
    enableGlobalFilter: false,
    cell: ({ row }) => formatNumber(row.original.workingDaysLeft),
  },
  {
    id: 'onTime',
    accessorFn: (row) => (row.deliveredOnTime === null ? 0 : row.deliveredOnTime ? 2 : 1),
    header: STATUS_COLUMN_LABELS.onTime,
    sortFn: 'basic',
    enableGlobalFilter: false,
    cell: ({ row }) => ON_TIME_LABELS[String(row.original.deliveredOnTime) as keyof typeof ON_TIME_LABELS],
  },
];

interface StatusTableProps {
  rows: StatusTableRow[];
  params: StatusTableParams;
  /** Query parameters of the page that are not the table's (season, asOf). */
  keep: Record<string, string | undefined>;
  caption: string;
}

export function StatusTable({ rows, params, keep, caption }: StatusTableProps) {
  const visible = params.kol ? new Set<string>(params.kol) : null;
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.number,
    globalFilterFn: 'includesString',
    state: {
      sorting: params.sort ? [{ id: params.sort, desc: params.retning === 'desc' }] : [{ id: 'number', desc: false }],
      globalFilter: params.q ?? '',
      columnFilters: [
        ...(params.fylke ? [{ id: 'county', value: params.fylke }] : []),
        ...(params.status ? [{ id: 'state', value: params.status }] : []),
        ...(params.flagg ? [{ id: 'flags', value: [params.flagg] }] : []),
      ],
      columnVisibility: Object.fromEntries(OPTIONAL_STATUS_COLUMNS.map((id) => [id, !visible || visible.has(id)])),
      pagination: { pageIndex: (params.side ?? 1) - 1, pageSize: STATUS_PAGE_SIZE },
    },
  });
  const href = (changes: Partial<StatusTableParams>) => ({ pathname: '/', query: linkQuery({ ...keep, ...statusTableQuery({ ...params, ...changes }) }) });
  const matching = table.getFilteredRowModel().rows.length;
  const pageCount = Math.max(1, table.getPageCount());
  const page = Math.min(params.side ?? 1, pageCount);

  return (
    <>
      <div className={styles.scroll}>
        <Table zebra data-size="sm" className={styles.table}>
          <caption>
            {caption}: {formatNumber(matching)} av {formatNumber(rows.length)}
            {pageCount > 1 ? `, side ${page} av ${pageCount}` : ''}
          </caption>
          <TableHead>
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id}>
                {group.headers.map((header) => {
                  const id = header.column.id as StatusColumnId;
                  const sorted = header.column.getIsSorted();
                  const label = STATUS_COLUMN_LABELS[id];
                  return (
                    <TableHeaderCell key={header.id} scope="col" aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}>
                      {header.column.getCanSort() ? (
                        <NextLink
                          className={styles.sortLink}
                          href={href({ sort: id, retning: sorted === 'asc' ? 'desc' : 'asc', side: undefined })}
                          aria-label={`Sorter etter ${label.toLowerCase()}${sorted === 'asc' ? ', synkende' : ', stigende'}`}
                        >
                          {label}
                          <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ' ↕'}</span>
                        </NextLink>
                      ) : (
                        label
                      )}
                    </TableHeaderCell>
                  );
                })}
              </TableRow>
            ))}
          </TableHead>
          <TableBody>
            {matching === 0 && (
              <TableRow>
                <TableCell colSpan={table.getVisibleLeafColumns().length}>Ingen kommuner passer til utvalget.</TableCell>
              </TableRow>
            )}
            {table.getRowModel().rows.map((row) => (
              <TableRow key={row.id}>
                {row.getVisibleCells().map((cell) =>
                  cell.column.id === 'name' ? (
                    <TableHeaderCell key={cell.id} scope="row">
                      <table.FlexRender cell={cell} />
                    </TableHeaderCell>
                  ) : (
                    <TableCell key={cell.id}>
                      <table.FlexRender cell={cell} />
                    </TableCell>
                  ),
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {pageCount > 1 && (
        <nav aria-label="Sider i tabellen" className={styles.pages}>
          {page > 1 && (
            <Link asChild>
              <NextLink href={href({ side: page - 1 })}>Forrige side</NextLink>
            </Link>
          )}
          <span>
            Side {page} av {pageCount}
          </span>
          {page < pageCount && (
            <Link asChild>
              <NextLink href={href({ side: page + 1 })}>Neste side</NextLink>
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
