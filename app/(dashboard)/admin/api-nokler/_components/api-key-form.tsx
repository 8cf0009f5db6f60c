'use client';

import { Alert, Button, Fieldset, Heading, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useActionState } from 'react';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { Confirmation } from '@/components/ui/confirmation';
import { CopyButton } from '@/components/ui/copy-button';
import { TextField } from '@/components/ui/text-field';
import { API_KEY_CHANGED_MESSAGES } from '@/lib/access/labels';
import { type ApiKeyFormState, createApiKeyAction } from '../actions';

export function ApiKeyForm() {
  const [state, action, pending] = useActionState<ApiKeyFormState, FormData>(createApiKeyAction, {});
  const errors = state.errors ?? {};
  return (
    <>
      <Confirmation>
        {state.created && (
          <>
            <Heading level={2} data-size="xs">
              {API_KEY_CHANGED_MESSAGES.created(state.created.name)}
            </Heading>
            <Paragraph>{API_KEY_CHANGED_MESSAGES.copyNow}</Paragraph>
            <TextField
              id="api-key-secret"
              label="API-nøkkel"
              readOnly
              value={state.created.secret}
              onFocus={(event) => event.currentTarget.select()}
            />
            <CopyButton text={state.created.secret} label="Kopier nøkkelen" />
          </>
        )}
      </Confirmation>
      {errors.form && <Alert data-color="danger">{errors.form}</Alert>}
      <form action={action} noValidate>
        <Heading level={2} data-size="sm">
          Ny API-nøkkel
        </Heading>
        <TextField
          id="name"
          name="name"
          label="Navn"
          description="Hvilket system som skal bruke nøkkelen."
          error={errors.name}
          autoComplete="off"
          required
        />
        <Fieldset>
          <Fieldset.Legend>Tilgang</Fieldset.Legend>
          <CheckboxField
            id="scope-ingest"
            name="scopes"
            value="INGEST"
            label="INGEST – sende meldinger, Apprec og funn"
          />
          <CheckboxField id="scope-read" name="scopes" value="READ" label="READ – lese status" />
          {errors.scopes && <ValidationMessage>{errors.scopes}</ValidationMessage>}
        </Fieldset>
        <Button type="submit" disabled={pending}>
          Lag nøkkel
        </Button>
      </form>
    </>
  );
}
