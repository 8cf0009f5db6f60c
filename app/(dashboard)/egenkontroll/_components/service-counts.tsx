import { TableCell, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import { DataTable } from '@/components/tables/data-table';
import type { ServiceCodeReference } from '@/lib/ingest/rules/checks';
import { formatNumber } from '@/lib/core/format';

/** Services per service code in the KPR_IPL, against the last delivery's when there is one. */
export function ServiceCounts({
  serviceCodes,
  current,
  lastYear,
}: {
  serviceCodes: readonly ServiceCodeReference[];
  current: Record<string, number>;
  lastYear: Record<string, number> | null;
}) {
  const names = new Map(serviceCodes.map((s) => [String(s.code), s.name]));
  const codes = [...new Set([...Object.keys(current), ...Object.keys(lastYear ?? {})])].sort(
    (a, b) => Number(a) - Number(b),
  );
  return (
    <DataTable
      zebra
      caption={<>Antall tjenester per tjenestekode{lastYear ? ' mot forrige leveranse' : ''}</>}
      columns={['Tjenestekode', 'I år', ...(lastYear ? ['I fjor'] : [])]}
    >
      {codes.map((code) => (
        <TableRow key={code}>
          <TableHeaderCell scope="row">
            {code} {names.get(code) ?? ''}
          </TableHeaderCell>
          <TableCell>{formatNumber(current[code] ?? 0)}</TableCell>
          {lastYear && <TableCell>{formatNumber(lastYear[code] ?? 0)}</TableCell>}
        </TableRow>
      ))}
    </DataTable>
  );
}
