'use client';
/**
 * The overview table of every municipality in scope. Its state comes from the URL only (sorting,
 * filters, search, page, columns), and every control is a link, so the server-rendered markup
 * works without JavaScript; in the browser the links navigate without a full reload. The server
 * filters, sorts and pages (`statusTableModel`); only the current page's rows come here.
 */
import { Link, Table, TableHead, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import {
  columnVisibilityFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
} from '@tanstack/react-table';
import NextLink from 'next/link';
import type { ReactNode } from 'react';
import { formatNumber } from '@/lib/core/format';
import { linkQuery } from '@/lib/status/rules/query';
import {
  SORTABLE_STATUS_COLUMNS,
  STATUS_CELL_TEXT,
  visibleStatusColumns,
  type StatusTableModel,
  type StatusTableRow,
} from '@/lib/status/rules/table';
import { HelpBadge } from '@/components/status/help-link';
import { STATE_COLORS } from '@/components/status/state-colors';
import { DELIVERY_STATE_LABELS, STATUS_COLUMN_LABELS } from '@/lib/status/labels';
import { statusTableQuery, type StatusColumnId, type StatusTableParams } from '@/lib/status/rules/table-params';
import styles from './status-table.module.css';

/** Sorting is manual (done on the server); TanStack lays out the page's rows and the sort state of the headers. */
const features = tableFeatures({ rowSortingFeature, columnVisibilityFeature });

/**
 * Cells that are more than their text. Like the body's rows and cells, they are the native elements
 * with Designsystemet's classes (what its Link and Tag render), without its React wrappers: the
 * page's 50 rows render on every request.
 */
const CELLS: Partial<Record<StatusColumnId, (row: StatusTableRow) => ReactNode>> = {
  name: (row) => (
    <a className="ds-link" href={`/kommuner/${row.number}`}>
      {row.name}
    </a>
  ),
  state: (row) => (
    <HelpBadge topic="tilstand" code={row.state} color={STATE_COLORS[row.state]}>
      {DELIVERY_STATE_LABELS[row.state]}
    </HelpBadge>
  ),
};

const columns: ColumnDef<typeof features, StatusTableRow>[] = (
  Object.keys(STATUS_COLUMN_LABELS) as StatusColumnId[]
).map((id) => ({
  id,
  accessorFn: STATUS_CELL_TEXT[id],
  header: STATUS_COLUMN_LABELS[id],
  enableSorting: SORTABLE_STATUS_COLUMNS.has(id),
}));

/** A link to the table with some of its parameters changed (page, sort), keeping the rest and the page's own. */
type TableHref = (changes: Partial<StatusTableParams>) => {
  pathname: string;
  query: Record<string, string | string[]>;
};

/** A column's header: a link that sorts by it (ascending first, then the other way) when it can be sorted. */
function ColumnHeader({
  id,
  sorted,
  sortable,
  href,
}: {
  id: StatusColumnId;
  sorted: false | 'asc' | 'desc';
  sortable: boolean;
  href: TableHref;
}) {
  const label = STATUS_COLUMN_LABELS[id];
  return (
    <TableHeaderCell scope="col" aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}>
      {sortable ? (
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
}

/** The previous and next page, around where the table is. */
function TablePages({ page, pageCount, href }: { page: number; pageCount: number; href: TableHref }) {
  return (
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
  );
}

interface StatusTableProps {
  /** The model's page and counts (not its other pages: only the page's rows come to the browser). */
  model: Pick<StatusTableModel, 'pageRows' | 'page' | 'pageCount' | 'matching' | 'total' | 'sort'>;
  params: StatusTableParams;
  /** Query parameters of the page that are not the table's (season, asOf). */
  keep: Record<string, string | undefined>;
  caption: string;
}

export function StatusTable({ model, params, keep, caption }: StatusTableProps) {
  const visible = new Set<StatusColumnId>(visibleStatusColumns(params));
  const table = useTable({
    features,
    columns,
    data: model.pageRows,
    getRowId: (row) => row.number,
    manualSorting: true,
    state: {
      sorting: [model.sort],
      columnVisibility: Object.fromEntries(
        columns.map((column) => [column.id, visible.has(column.id as StatusColumnId)]),
      ),
    },
  });
  const href: TableHref = (changes) => ({
    pathname: '/',
    query: linkQuery({ ...keep, ...statusTableQuery({ ...params, ...changes }) }),
  });
  const { matching, page, pageCount } = model;
  const columnIds = table.getVisibleLeafColumns().map((column) => column.id as StatusColumnId);

  return (
    <>
      <div className={styles.scroll}>
        <Table zebra data-size="sm" className={styles.table}>
          <caption>
            {caption}: {formatNumber(matching)} av {formatNumber(model.total)}
            {pageCount > 1 ? `, side ${page} av ${pageCount}` : ''}
          </caption>
          <TableHead>
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id}>
                {group.headers.map((header) => (
                  <ColumnHeader
                    key={header.id}
                    id={header.column.id as StatusColumnId}
                    sorted={header.column.getIsSorted()}
                    sortable={header.column.getCanSort()}
                    href={href}
                  />
                ))}
              </TableRow>
            ))}
          </TableHead>
          <tbody>
            {matching === 0 && (
              <tr>
                <td colSpan={columnIds.length}>Ingen kommuner passer til utvalget.</td>
              </tr>
            )}
            {/* Cells straight from the row (not TanStack's cell objects, 450 a page): this runs on every request. */}
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {columnIds.map((id) =>
                  id === 'name' ? (
                    <th key={id} scope="row">
                      {CELLS.name!(row.original)}
                    </th>
                  ) : (
                    <td key={id}>{CELLS[id]?.(row.original) ?? STATUS_CELL_TEXT[id](row.original)}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      {pageCount > 1 && <TablePages page={page} pageCount={pageCount} href={href} />}
    </>
  );
}
