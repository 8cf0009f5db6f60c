'use client';

import { Button } from '@digdir/designsystemet-react';
import { useActionState } from 'react';
import { FormFeedback } from '@/components/ui/form-errors';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { TextField } from '@/components/ui/text-field';
import type { FormState } from '@/lib/core/form-state';
import { decideExtensionAction, type DecisionField } from '../actions';
import styles from '../page.module.css';

const LABELS: Record<DecisionField, string> = {
  grantedDate: 'Ny frist',
  confirmPastDate: 'Bekreft datoen',
  note: 'Merknad',
};

/** Grant (with the requested or another date) or deny (with a note) one pending request; works without JavaScript. */
export function DecideForm({
  id,
  municipalityName,
  requestedDate,
  dateBounds,
}: {
  id: string;
  municipalityName: string;
  requestedDate: string;
  dateBounds: { earliest: string; latest: string };
}) {
  const [state, action, pending] = useActionState<FormState<DecisionField>, FormData>(decideExtensionAction, {});
  const errors = state.errors ?? {};
  const prefix = `${id}-`;
  return (
    <form action={action} className={styles.form} noValidate aria-label={`Avgjør søknaden fra ${municipalityName}`}>
      <FormFeedback done={state.done} errors={errors} labels={LABELS} idPrefix={prefix} />
      <input type="hidden" name="id" value={id} />
      <TextField
        id={`${prefix}grantedDate`}
        name="grantedDate"
        type="date"
        label="Ny frist ved innvilgelse"
        description="Den kommunen ba om, eller en annen dag."
        min={dateBounds.earliest}
        max={dateBounds.latest}
        defaultValue={state.values?.grantedDate ?? requestedDate}
        error={errors.grantedDate}
      />
      {errors.confirmPastDate && (
        <CheckboxField
          id={`${prefix}confirmPastDate`}
          name="confirmPastDate"
          label="Ja, innvilg med denne datoen selv om den er passert"
          aria-invalid
        />
      )}
      <TextField
        id={`${prefix}note`}
        name="note"
        multiline
        rows={2}
        label="Merknad til kommunen"
        description="Må fylles ut ved avslag."
        defaultValue={state.values?.note}
        error={errors.note}
        maxLength={2000}
      />
      <div className={styles.buttons}>
        <Button type="submit" name="decision" value="GRANT" disabled={pending}>
          Innvilg
        </Button>
        <Button type="submit" name="decision" value="DENY" variant="secondary" disabled={pending}>
          Avslå
        </Button>
      </div>
    </form>
  );
}
