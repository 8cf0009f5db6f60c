'use client';

import { Button } from '@digdir/designsystemet-react';
import { useActionState } from 'react';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { FormFeedback } from '@/components/ui/form-errors';
import { TextField } from '@/components/ui/text-field';
import type { FormState } from '@/lib/core/form-state';
import { addNoteAction, type NoteField } from '../actions';
import styles from './follow-up.module.css';

const LABELS: Record<NoteField, string> = { body: 'Notat', kind: 'Type' };

/** A new note in the municipality's thread; FHI may mark it as an agreed resubmission. */
export function NoteForm({
  number,
  season,
  canAgreeResubmission,
  maxLength,
}: {
  number: string;
  season: string;
  canAgreeResubmission: boolean;
  maxLength: number;
}) {
  const [state, action, pending] = useActionState<FormState<NoteField>, FormData>(addNoteAction, {});
  const errors = state.errors ?? {};
  return (
    <form action={action} className={styles.form} noValidate aria-labelledby="notat-tittel">
      <h3 id="notat-tittel" className={styles.formHeading}>
        Nytt notat
      </h3>
      <FormFeedback done={state.done} errors={errors} labels={LABELS} />
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="season" value={season} />
      <TextField
        id="body"
        name="body"
        multiline
        rows={3}
        label="Notat"
        description={`Vises for FHI og kommunens kontaktpersoner, med navnet ditt og tidspunktet. Høyst ${maxLength} tegn.`}
        defaultValue={state.values?.body}
        error={errors.body}
        maxLength={maxLength}
        required
      />
      {canAgreeResubmission && (
        <CheckboxField
          id="kind"
          name="kind"
          value="RESUBMISSION_AGREED"
          label="Avtalt ny innsending: kommunen kan sende hele året på nytt"
          description="Registreres som avtale. Statusen viser da at kommunen kan sende på nytt."
        />
      )}
      <div>
        <Button type="submit" disabled={pending}>
          Legg til notat
        </Button>
      </div>
    </form>
  );
}
