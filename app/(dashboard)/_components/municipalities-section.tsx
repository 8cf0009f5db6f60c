import { Link, Paragraph } from '@digdir/designsystemet-react';
import { StatusTable } from '@/components/tables/status-table';
import { PageSection } from '@/components/status/page-section';
import { linkQuery, type QueryParams } from '@/lib/status/rules/query';
import type { StatusTableModel } from '@/lib/status/rules/table';
import { statusTableQuery, type StatusTableParams } from '@/lib/status/rules/table-params';
import { formatNumber } from '@/lib/core/format';
import { ColumnChooser } from './column-chooser';
import { pageOf } from './overview-view';
import { TableFilters } from './table-filters';

/** The overview export (app/(dashboard)/eksport) of what the table shows: the same query, all pages. */
function exportHref(format: 'csv' | 'xlsx', query: QueryParams): string {
  const search = new URLSearchParams({ format });
  for (const [name, value] of Object.entries(linkQuery(query)))
    for (const item of typeof value === 'string' ? [value] : value) search.append(name, item);
  return `/eksport?${search}`;
}

/** Downloads of every row that matches (all pages), as CSV or Excel. */
function TableDownloads({ matching, query }: { matching: number; query: QueryParams }) {
  return (
    <Paragraph data-size="sm">
      Last ned {matching === 1 ? 'raden' : `alle ${formatNumber(matching)} radene`} i tabellen:{' '}
      <Link href={exportHref('csv', query)}>Last ned CSV</Link>
      {' · '}
      <Link href={exportHref('xlsx', query)}>Last ned Excel</Link>
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
}: {
  model: StatusTableModel;
  table: StatusTableParams;
  /** The page's query parameters that are not the table's (season, asOf). */
  keep: Record<string, string | undefined>;
  counties: readonly [number: string, name: string][];
  /** Municipalities in scope. */
  total: number;
  fhi: boolean;
}) {
  const tableQuery = statusTableQuery(table);
  return (
    <PageSection id="kommuner" title="Kommuner">
      {total > 1 && (
        <>
          <TableFilters table={table} keep={keep} counties={counties} />
          <ColumnChooser table={table} tableQuery={tableQuery} keep={keep} />
        </>
      )}
      {model.matching > 0 && (
        <TableDownloads matching={model.matching} query={{ ...keep, ...tableQuery, side: undefined }} />
      )}
      <StatusTable model={pageOf(model)} params={table} keep={keep} caption={fhi ? 'Alle kommuner' : 'Dine kommuner'} />
    </PageSection>
  );
}
