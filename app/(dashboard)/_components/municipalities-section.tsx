import { Link, Paragraph } from '@digdir/designsystemet-react';
import { StatusTable } from '@/components/tables/status-table';
import { PageSection } from '@/components/status/page-section';
import { searchParamsOf, type QueryParams } from '@/lib/status/rules/query';
import type { StatusTableModel } from '@/lib/status/rules/table';
import { statusTableQuery, type StatusTableParams } from '@/lib/status/rules/table-params';
import { formatNumber } from '@/lib/core/format';
import { ColumnChooser } from './column-chooser';
import { PrintSummary } from '@/components/status/print-summary';
import { allRowsOf, pageOf, PRINT_VIEW } from './overview-view';
import { TableFilters } from './table-filters';

/** The overview export (app/(dashboard)/eksport) of what the table shows: the same query, all pages. */
function exportHref(format: 'csv' | 'xlsx', query: QueryParams): string {
  return `/eksport?${new URLSearchParams([['format', format], ...searchParamsOf(query)])}`;
}

/** The overview's print view (every matching row on one page) of the same query, or back from it. */
function viewHref(query: QueryParams, printView: boolean): string {
  const search = searchParamsOf(query);
  if (printView) search.set('visning', PRINT_VIEW);
  return `/?${search}`;
}

/** Downloads of every row that matches (all pages), as CSV or Excel, and the print view of them all. */
function TableDownloads({ matching, query, printView }: { matching: number; query: QueryParams; printView: boolean }) {
  return (
    <Paragraph data-size="sm" data-print="hide">
      Last ned {matching === 1 ? 'raden' : `alle ${formatNumber(matching)} radene`} i tabellen:{' '}
      <Link href={exportHref('csv', query)}>Last ned CSV</Link>
      {' · '}
      <Link href={exportHref('xlsx', query)}>Last ned Excel</Link>
      {' · '}
      {printView ? (
        <Link href={viewHref(query, false)}>Vis tabellen side for side</Link>
      ) : (
        <Link href={viewHref(query, true)}>Utskriftsvisning av hele tabellen</Link>
      )}
    </Paragraph>
  );
}

/** The municipalities: filters and column choice (when there is more than one), downloads and the table. */
export function MunicipalitiesSection({
  model,
  table,
  keep,
  counties,
  total,
  fhi,
  printView,
}: {
  model: StatusTableModel;
  table: StatusTableParams;
  /** The page's query parameters that are not the table's (season, asOf). */
  keep: Record<string, string | undefined>;
  counties: readonly [number: string, name: string][];
  /** Municipalities in scope. */
  total: number;
  fhi: boolean;
  /** Every matching row on one page (?visning=utskrift). */
  printView: boolean;
}) {
  const tableQuery = statusTableQuery(table);
  const shown = printView ? allRowsOf(model) : pageOf(model);
  return (
    <PageSection id="kommuner" title="Kommuner">
      {total > 1 && (
        <div data-print="hide">
          <TableFilters table={table} keep={keep} counties={counties} />
          <ColumnChooser table={table} tableQuery={tableQuery} keep={keep} />
        </div>
      )}
      {model.matching > 0 && (
        <TableDownloads
          matching={model.matching}
          query={{ ...keep, ...tableQuery, side: undefined }}
          printView={printView}
        />
      )}
      {shown.pageCount > 1 && (
        <PrintSummary>
          Utskriften viser side {shown.page} av {shown.pageCount} i tabellen. Hele tabellen skrives ut fra
          «Utskriftsvisning av hele tabellen».
        </PrintSummary>
      )}
      <StatusTable model={shown} params={table} keep={keep} caption={fhi ? 'Alle kommuner' : 'Dine kommuner'} />
    </PageSection>
  );
}
