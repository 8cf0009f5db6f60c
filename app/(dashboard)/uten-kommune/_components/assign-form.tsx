'use client';

import { Button } from '@digdir/designsystemet-react';
import { useActionState } from 'react';
import { FormFeedback } from '@/components/ui/form-errors';
import { TextField } from '@/components/ui/text-field';
import type { FormState } from '@/lib/core/form-state';
import { assignMunicipalityAction, type AssignField } from '../actions';
import styles from '../page.module.css';

const LABELS: Record<AssignField, string> = { municipality: 'Kommune' };

/** Assign one document to a municipality by its number (suggested from the page's list); works without JavaScript. */
export function AssignForm({ id, msgId, listId }: { id: string; msgId: string; listId: string }) {
  const [state, action, pending] = useActionState<FormState<AssignField>, FormData>(assignMunicipalityAction, {});
  const errors = state.errors ?? {};
  const prefix = `${id}-`;
  return (
    <form action={action} className={styles.form} noValidate aria-label={`Tildel kommune til melding ${msgId}`}>
      <FormFeedback done={state.done} errors={errors} labels={LABELS} idPrefix={prefix} />
      <input type="hidden" name="id" value={id} />
      <TextField
        id={`${prefix}municipality`}
        name="municipality"
        label="Kommunenummer"
        description="Fire sifre, for eksempel 4601 for Bergen."
        inputMode="numeric"
        autoComplete="off"
        list={listId}
        defaultValue={state.values?.municipality}
        error={errors.municipality}
      />
      <div>
        <Button type="submit" disabled={pending}>
          Tildel kommune
        </Button>
      </div>
    </form>
  );
}
