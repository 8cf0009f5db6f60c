import { Field, Input, Label, type InputProps } from '@digdir/designsystemet-react';
import { FieldHint } from './field-texts';

type CheckboxFieldProps = { id: string; label: string; description?: string } & Omit<InputProps, 'id' | 'type'>;

/**
 * A checkbox whose label and description are tied to it in the server's HTML (for= and
 * aria-describedby), so it is labelled without JavaScript too (Designsystemet's Checkbox ties them
 * in the browser).
 */
export function CheckboxField({ id, label, description, ...attributes }: CheckboxFieldProps) {
  return (
    <Field>
      <Input {...attributes} type="checkbox" id={id} aria-describedby={description ? `${id}-beskrivelse` : undefined} />
      <Label htmlFor={id} weight="regular">
        {label}
      </Label>
      {description && <FieldHint id={`${id}-beskrivelse`}>{description}</FieldHint>}
    </Field>
  );
}
