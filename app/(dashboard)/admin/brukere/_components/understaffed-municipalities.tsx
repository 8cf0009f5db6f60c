import { Alert, Heading, TableCell, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import { DataTable } from '@/components/tables/data-table';
import { MIN_ACTIVE_CONTACTS, type UnderstaffedMunicipalityRow } from '@/lib/access';
import { formatNumber } from '@/lib/core/format';

/** The municipalities with fewer active contacts than they should have. */
export function UnderstaffedMunicipalities({
  municipalities,
}: {
  municipalities: readonly UnderstaffedMunicipalityRow[];
}) {
  return (
    <>
      <Heading level={2} data-size="md">
        Kommuner med færre enn {MIN_ACTIVE_CONTACTS} aktive kontaktpersoner
      </Heading>
      {municipalities.length === 0 ? (
        <Alert data-color="success">Alle kommuner har minst {MIN_ACTIVE_CONTACTS} aktive kontaktpersoner.</Alert>
      ) : (
        <DataTable
          zebra
          caption={
            <>
              {formatNumber(municipalities.length)} kommuner har færre enn {MIN_ACTIVE_CONTACTS} aktive kontaktpersoner
            </>
          }
          columns={['Kommune', 'Aktive kontaktpersoner']}
        >
          {municipalities.map((m) => (
            <TableRow key={m.number}>
              <TableHeaderCell scope="row">
                {m.name} ({m.number})
              </TableHeaderCell>
              <TableCell>{formatNumber(m.activeContacts)}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </>
  );
}
