'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getViewer } from '@/lib/access/viewer';
import {
  extensionRequestInputSchema,
  requestExtension,
  withdrawExtensionRequest,
} from '@/lib/follow-up/data/extensions';
import { addNote, noteInputSchema } from '@/lib/follow-up/data/notes';
import { fieldErrors, submittedValues, type FormState } from '@/lib/core/form-state';
import { seasonKeySchema } from '@/lib/status/query';

export type ExtensionRequestField = 'requestedDate' | 'reasonCategory' | 'justification' | 'plannedFix';
export type NoteField = 'body' | 'kind';

const NOT_FOUND = { errors: { form: 'Fant ikke kommunen.' } };

/** The municipality and season a form is about (hidden fields). */
const targetSchema = z.object({ number: z.string().regex(/^\d{4}$/), season: seasonKeySchema.optional() });

function target(formData: FormData) {
  return targetSchema.safeParse({ number: formData.get('number'), season: formData.get('season') || undefined });
}

const EXTENSION_FIELDS = ['requestedDate', 'reasonCategory', 'justification', 'plannedFix'] as const;

/** A contact applies for an extension for their own municipality. */
export async function requestExtensionAction(
  _state: FormState<ExtensionRequestField>,
  formData: FormData,
): Promise<FormState<ExtensionRequestField>> {
  const viewer = await getViewer();
  const about = target(formData);
  if (!viewer || !about.success) return NOT_FOUND;
  const values = submittedValues(formData, EXTENSION_FIELDS);
  const input = extensionRequestInputSchema.safeParse(values);
  if (!input.success) return { errors: fieldErrors<ExtensionRequestField>(input.error), values };
  const result = await requestExtension(viewer, about.data.number, input.data, { seasonKey: about.data.season });
  if (!result) return NOT_FOUND;
  if (!result.ok) return { errors: { [result.field]: result.message }, values };
  revalidatePath(`/kommuner/${about.data.number}`);
  revalidatePath('/fristsoknader');
  return { done: 'Søknaden er sendt til FHI.' };
}

/** A contact withdraws their municipality's pending request. */
export async function withdrawExtensionAction(formData: FormData): Promise<void> {
  const viewer = await getViewer();
  const about = target(formData);
  const id = z.uuid().safeParse(formData.get('id'));
  if (!viewer || !about.success || !id.success) return;
  const result = await withdrawExtensionRequest(viewer, id.data);
  if (result?.ok) {
    revalidatePath(`/kommuner/${result.municipalityNumber}`);
    revalidatePath('/fristsoknader');
  }
}

/** FHI or the municipality's contacts add a note; FHI may record it as an agreed resubmission. */
export async function addNoteAction(_state: FormState<NoteField>, formData: FormData): Promise<FormState<NoteField>> {
  const viewer = await getViewer();
  const about = target(formData);
  if (!viewer || !about.success) return NOT_FOUND;
  const values = submittedValues(formData, ['body'] as const);
  const input = noteInputSchema.safeParse({
    body: values.body,
    kind: formData.get('kind') === 'RESUBMISSION_AGREED' ? 'RESUBMISSION_AGREED' : 'NOTE',
  });
  if (!input.success) return { errors: fieldErrors<NoteField>(input.error), values };
  const result = await addNote(viewer, about.data.number, input.data, { seasonKey: about.data.season });
  if (!result) return NOT_FOUND;
  if (!result.ok) return { errors: { [result.field]: result.message }, values };
  revalidatePath(`/kommuner/${about.data.number}`);
  if (input.data.kind === 'RESUBMISSION_AGREED') revalidatePath('/');
  return {
    done: input.data.kind === 'RESUBMISSION_AGREED' ? 'Avtalt ny innsending er registrert.' : 'Notatet er lagt til.',
  };
}
