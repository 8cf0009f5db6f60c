'use client';

import { Button, Field, Label, Select } from '@digdir/designsystemet-react';
import { FieldError } from '@/components/ui/field-texts';
import { useActionState } from 'react';
import { FormFeedback } from '@/components/ui/form-errors';
import { TextField } from '@/components/ui/text-field';
import { EXTENSION_REASON_LABELS } from '@/lib/follow-up/labels';
import { EXTENSION_REASONS } from '@/lib/follow-up/rules/extension-requests';
import type { FormState } from '@/lib/core/form-state';
import { requestExtensionAction, type ExtensionRequestField } from '../actions';
import styles from './follow-up.module.css';

const LABELS: Record<ExtensionRequestField, string> = {
  requestedDate: 'Ny frist',
  reasonCategory: 'Grunn',
  justification: 'Begrunnelse',
  plannedFix: 'Hva kommunen skal gjøre',
};

/** Why the municipality cannot make the deadline: one of the fixed reasons. */
function ReasonField({ value, error }: { value: string | undefined; error: string | undefined }) {
  return (
    <Field>
      <Label htmlFor="reasonCategory">Grunn</Label>
      <Select
        // A new key when the server sends the value back, so React's reset after the action keeps it.
        key={value ?? ''}
        id="reasonCategory"
        name="reasonCategory"
        defaultValue={value ?? ''}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? 'reasonCategory-feil' : undefined}
        required
      >
        <Select.Option value="" disabled>
          Velg
        </Select.Option>
        {EXTENSION_REASONS.map((reason) => (
          <Select.Option key={reason} value={reason}>
            {EXTENSION_REASON_LABELS[reason]}
          </Select.Option>
        ))}
      </Select>
      {error && <FieldError id="reasonCategory-feil">{error}</FieldError>}
    </Field>
  );
}

/** A contact's application for an extension (works without JavaScript). */
export function ExtensionRequestForm({
  number,
  season,
  dateBounds,
}: {
  number: string;
  season: string;
  dateBounds: { earliest: string; latest: string };
}) {
  const [state, action, pending] = useActionState<FormState<ExtensionRequestField>, FormData>(
    requestExtensionAction,
    {},
  );
  const errors = state.errors ?? {};
  const values = state.values ?? {};
  return (
    <form action={action} className={styles.form} noValidate aria-labelledby="soknad-tittel">
      <h3 id="soknad-tittel" className={styles.formHeading}>
        Søk om utsatt frist
      </h3>
      <FormFeedback done={state.done} errors={errors} labels={LABELS} />
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="season" value={season} />
      <TextField
        id="requestedDate"
        name="requestedDate"
        type="date"
        label="Ny frist"
        description="Dagen kommunen kan levere innen (fristen gjelder ut dagen)."
        min={dateBounds.earliest}
        max={dateBounds.latest}
        defaultValue={values.requestedDate}
        error={errors.requestedDate}
        required
      />
      <ReasonField value={values.reasonCategory} error={errors.reasonCategory} />
      <TextField
        id="justification"
        name="justification"
        multiline
        rows={4}
        label="Begrunnelse"
        description="Hvorfor kommunen ikke rekker fristen."
        defaultValue={values.justification}
        error={errors.justification}
        maxLength={2000}
        required
      />
      <TextField
        id="plannedFix"
        name="plannedFix"
        multiline
        rows={3}
        label="Hva kommunen skal gjøre"
        description="Hva som skal rettes eller gjøres før dere sender."
        defaultValue={values.plannedFix}
        error={errors.plannedFix}
        maxLength={2000}
        required
      />
      <div>
        <Button type="submit" disabled={pending}>
          Send søknaden
        </Button>
      </div>
    </form>
  );
}
