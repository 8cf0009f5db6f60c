import { Button, Field, Label, Select } from '@digdir/designsystemet-react';
import { TextField } from '@/components/ui/text-field';
import { DELIVERY_STATE_LABELS, FLAG_LABELS } from '@/lib/status/labels';
import type { StatusTableParams } from '@/lib/status/rules/table-params';
import { STATES } from './overview-view';
import styles from './status-overview.module.css';

type FilterOption = readonly [value: string, label: string];

/** A select of the filter form, labelled in the server's HTML; `groups` follow `options` as labelled option groups. */
export function FilterSelect({
  id,
  name,
  label,
  value,
  options,
  groups = [],
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  options: readonly FilterOption[];
  groups?: readonly { label: string; options: readonly FilterOption[] }[];
}) {
  return (
    <Field data-size="sm">
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} name={name} defaultValue={value ?? ''}>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map(([optionValue, optionLabel]) => (
              <option key={optionValue} value={optionValue}>
                {optionLabel}
              </option>
            ))}
          </optgroup>
        ))}
      </Select>
    </Field>
  );
}

/** Search and filters of the overview table: a plain GET form that keeps the date, sort and columns. */
export function TableFilters({
  table,
  keep,
  counties,
}: {
  table: StatusTableParams;
  /** The page's query parameters that are not the table's (season, asOf). */
  keep: Record<string, string | undefined>;
  counties: readonly [number: string, name: string][];
}) {
  return (
    <form method="get" action="/" className={styles.filters} role="search" aria-label="Filtrer kommunene">
      {Object.entries({ ...keep, sort: table.sort, retning: table.retning }).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      {table.kol?.map((column) => (
        <input key={column} type="hidden" name="kol" value={column} />
      ))}
      <TextField id="sok" name="q" label="Søk på navn eller nummer" defaultValue={table.q ?? ''} data-size="sm" />
      <FilterSelect
        id="filter-fylke"
        name="fylke"
        label="Fylke"
        value={table.fylke}
        options={[['', 'Alle fylker'], ...counties]}
      />
      <FilterSelect
        id="filter-status"
        name="status"
        label="Status"
        value={table.status}
        options={[['', 'Alle statuser'], ...STATES.map((state) => [state, DELIVERY_STATE_LABELS[state]] as const)]}
      />
      <FilterSelect
        id="filter-flagg"
        name="flagg"
        label="Flagg"
        value={table.flagg}
        options={[['', 'Alle'], ...Object.entries(FLAG_LABELS)]}
      />
      <div>
        <Button type="submit" data-size="sm">
          Filtrer
        </Button>
      </div>
    </form>
  );
}
