import {
  Button,
  Details,
  DetailsContent,
  DetailsSummary,
  Fieldset,
  FieldsetLegend,
} from '@digdir/designsystemet-react';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { STATUS_COLUMN_LABELS } from '@/lib/status/labels';
import { OPTIONAL_STATUS_COLUMNS, type StatusTableParams } from '@/lib/status/rules/table-params';

/** Which optional columns the overview table shows: a plain GET form that keeps everything else. */
export function ColumnChooser({
  table,
  tableQuery,
  keep,
}: {
  table: StatusTableParams;
  /** The table's query parameters as strings. */
  tableQuery: Record<string, string | string[] | undefined>;
  /** The page's query parameters that are not the table's (season, asOf). */
  keep: Record<string, string | undefined>;
}) {
  return (
    <Details>
      <DetailsSummary>Velg kolonner</DetailsSummary>
      <DetailsContent>
        <form method="get" action="/">
          {Object.entries({ ...tableQuery, ...keep, kol: undefined, side: undefined }).map(([name, value]) =>
            typeof value === 'string' ? <input key={name} type="hidden" name={name} value={value} /> : null,
          )}
          <input type="hidden" name="kol" value="name" />
          <Fieldset data-size="sm">
            <FieldsetLegend>Kolonner som vises</FieldsetLegend>
            {OPTIONAL_STATUS_COLUMNS.map((column) => (
              <CheckboxField
                key={column}
                id={`kol-${column}`}
                name="kol"
                value={column}
                label={STATUS_COLUMN_LABELS[column]}
                defaultChecked={!table.kol || table.kol.includes(column)}
              />
            ))}
          </Fieldset>
          <Button type="submit" variant="secondary" data-size="sm">
            Bruk kolonnene
          </Button>
        </form>
      </DetailsContent>
    </Details>
  );
}
