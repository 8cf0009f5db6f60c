/**
 * What a form backed by a Server Action (with useActionState) gets back: the errors by field with
 * what was typed (React resets a form after its action, so the fields are filled in again from
 * `values`), or a line saying it went through.
 */
import type { z } from 'zod';

export interface FormState<Field extends string> {
  errors?: Partial<Record<Field | 'form', string>>;
  values?: Partial<Record<Field, string>>;
  /** Said in the form's live region after a successful send. */
  done?: string;
}

/** The first message for each field of a failed parse. */
export function fieldErrors<Field extends string>(error: z.ZodError): Partial<Record<Field, string>> {
  const errors: Partial<Record<string, string>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && !(field in errors)) errors[field] = issue.message;
  }
  return errors;
}

/** The text of each field as submitted (bounded), to fill the form in again. */
export function submittedValues<Field extends string>(
  formData: FormData,
  fields: readonly Field[],
): Partial<Record<Field, string>> {
  return Object.fromEntries(
    fields.map((field) => [field, String(formData.get(field) ?? '').slice(0, 4000)]),
  ) as Partial<Record<Field, string>>;
}
