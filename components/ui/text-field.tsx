import { Field, Input, Label, Textarea, type InputProps } from '@digdir/designsystemet-react';
import type { TextareaHTMLAttributes } from 'react';
import { FieldError, FieldHint } from './field-texts';

type Shared = { id: string; label: string; description?: string; error?: string };
type TextFieldProps =
  | (Shared & { multiline?: false } & Omit<InputProps, 'id'>)
  | (Shared & { multiline: true } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>);

/**
 * A text field whose label, description and error are tied to it in the server's HTML (for= and
 * aria-describedby), so it is labelled without JavaScript too (Designsystemet's Textfield ties
 * them in the browser); field-texts.tsx says why its texts carry no data-field.
 */
export function TextField(props: TextFieldProps) {
  const { id, label, description, error, multiline, ...attributes } = props;
  const describedBy =
    [description && `${id}-beskrivelse`, error && `${id}-feil`].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined };
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {description && <FieldHint id={`${id}-beskrivelse`}>{description}</FieldHint>}
      {multiline ? (
        <Textarea {...(attributes as TextareaHTMLAttributes<HTMLTextAreaElement>)} {...common} />
      ) : (
        <Input {...(attributes as InputProps)} {...common} />
      )}
      {error && <FieldError id={`${id}-feil`}>{error}</FieldError>}
    </Field>
  );
}
