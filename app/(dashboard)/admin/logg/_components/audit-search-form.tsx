import { Button, Field, Label, Select, SelectOption } from '@digdir/designsystemet-react';
import { AUDIT_ACTION_LABELS } from '@/lib/access/labels';
import { TextField } from '@/components/ui/text-field';
import type { AuditSearch } from '@/lib/access';
import styles from '../page.module.css';

/** The audit log's search: municipality, person, action and how many days back; a plain GET form. */
export function AuditSearchForm({ search }: { search: AuditSearch }) {
  return (
    <form method="get" className={styles.filters} role="search" aria-label="Søk i tilgangsloggen">
      <TextField
        id="logg-municipality"
        name="municipality"
        label="Kommunenummer"
        defaultValue={search.municipality ?? ''}
        inputMode="numeric"
      />
      <TextField id="logg-user" name="user" label="Bruker (navn eller e-post)" defaultValue={search.user ?? ''} />
      <Field>
        <Label htmlFor="logg-action">Handling</Label>
        <Select id="logg-action" name="action" defaultValue={search.action ?? ''}>
          <SelectOption value="">Alle handlinger</SelectOption>
          {Object.entries(AUDIT_ACTION_LABELS).map(([action, label]) => (
            <SelectOption key={action} value={action}>
              {label}
            </SelectOption>
          ))}
        </Select>
      </Field>
      <TextField
        id="logg-days"
        name="days"
        label="Siste antall dager"
        defaultValue={String(search.days)}
        inputMode="numeric"
      />
      <div>
        <Button type="submit">Søk</Button>
      </div>
    </form>
  );
}
