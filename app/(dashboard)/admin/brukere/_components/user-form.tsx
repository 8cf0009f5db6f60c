'use client';

import { Button, ErrorSummary, Field, Label, Select } from '@digdir/designsystemet-react';
import { FieldError } from '@/components/ui/field-texts';
import { useActionState } from 'react';
import { TextField } from '@/components/ui/text-field';
import type { FormState } from '@/lib/core/form-state';
import { saveUserAction, type UserField } from '../actions';
import styles from './user-form.module.css';

export interface UserFormValues {
  userId?: string;
  name: string;
  email: string;
  role: 'FHI_ADMIN' | 'FHI_STAFF' | 'MUNICIPAL_CONTACT';
  municipalityNumbers: string;
}

const FIELD_LABELS: Record<string, string> = {
  name: 'Navn',
  email: 'E-post',
  role: 'Rolle',
  municipalityNumbers: 'Kommuner',
  form: 'Skjema',
};

export function UserForm({ values, submitLabel }: { values: UserFormValues; submitLabel: string }) {
  const [state, action, pending] = useActionState<FormState<UserField>, FormData>(saveUserAction, {});
  const errors = state.errors ?? {};
  const shown = { ...values, ...state.values };
  const errorEntries = Object.entries(errors);

  return (
    <form action={action} className={styles.form} noValidate>
      {errorEntries.length > 0 && (
        <ErrorSummary>
          <ErrorSummary.Heading>Rett opp dette før du lagrer:</ErrorSummary.Heading>
          <ErrorSummary.List>
            {errorEntries.map(([field, message]) => (
              <ErrorSummary.Item key={field}>
                <ErrorSummary.Link href={`#${field}`}>
                  {FIELD_LABELS[field]}: {message}
                </ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      {values.userId && <input type="hidden" name="userId" value={values.userId} />}
      <TextField
        id="name"
        name="name"
        label="Navn"
        defaultValue={shown.name}
        error={errors.name}
        autoComplete="off"
        required
      />
      <TextField
        id="email"
        name="email"
        type="email"
        label="E-post"
        defaultValue={shown.email}
        error={errors.email}
        required
      />
      <Field>
        <Label htmlFor="role">Rolle</Label>
        <Select
          id="role"
          name="role"
          defaultValue={shown.role}
          aria-invalid={Boolean(errors.role)}
          aria-describedby={errors.role ? 'role-feil' : undefined}
        >
          <Select.Option value="MUNICIPAL_CONTACT">Kontaktperson i kommunen</Select.Option>
          <Select.Option value="FHI_STAFF">FHI-saksbehandler</Select.Option>
          <Select.Option value="FHI_ADMIN">FHI-administrator</Select.Option>
        </Select>
        {errors.role && <FieldError id="role-feil">{errors.role}</FieldError>}
      </Field>
      <TextField
        id="municipalityNumbers"
        name="municipalityNumbers"
        label="Kommuner (kommunenummer, for kontaktpersoner)"
        description="Skill flere med komma, for eksempel 0301, 1103."
        defaultValue={shown.municipalityNumbers}
        error={errors.municipalityNumbers}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
