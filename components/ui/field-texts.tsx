import { FieldDescription, ValidationMessage } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import styles from './field-texts.module.css';

/*
 * A field's description and error, tied to its input by the server's aria-describedby (so a field is
 * described without JavaScript too). Designsystemet's field script (the ds-field element) adds the ids
 * of the texts it finds by `data-field` in front of whatever aria-describedby the input already has:
 * before React hydrated, the server's "x-feil" became "x-feil x-feil", every form page logged a
 * hydration mismatch, and a screen reader read each text twice. These render the same texts without
 * `data-field`, so the script finds none and leaves the server's aria-describedby as it is.
 */

export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <FieldDescription id={id} data-field={undefined} className={styles.hint}>
      {children}
    </FieldDescription>
  );
}

export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <ValidationMessage id={id} data-field={undefined}>
      {children}
    </ValidationMessage>
  );
}
