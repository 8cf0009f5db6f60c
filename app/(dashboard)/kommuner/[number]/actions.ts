'use server';

/** A municipality's follow-up: extension requests (apply, withdraw) and notes. */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { action, formAction, signedIn } from '@/lib/access/request';
import type { FormState } from '@/lib/core/form-state';
import { addNote, requestExtension, withdrawExtensionRequest } from '@/lib/follow-up';
import { NOTE_ADDED_MESSAGES } from '@/lib/follow-up/labels';
import { extensionRequestInputSchema } from '@/lib/follow-up/rules/extension-requests';
import { noteInputSchema } from '@/lib/follow-up/rules/notes';
import { seasonKeySchema } from '@/lib/status/rules/query';

export type ExtensionRequestField = 'requestedDate' | 'reasonCategory' | 'justification' | 'plannedFix';
export type NoteField = 'body' | 'kind';

const NO_SUCH_MUNICIPALITY = 'Fant ikke kommunen.';
const EXTENSION_NOT_FOUND: FormState<ExtensionRequestField> = { errors: { form: NO_SUCH_MUNICIPALITY } };
const NOTE_NOT_FOUND: FormState<NoteField> = { errors: { form: NO_SUCH_MUNICIPALITY } };

/** The municipality and season a form is about (hidden fields). */
const targetSchema = z.object({ number: z.string().regex(/^\d{4}$/), season: seasonKeySchema.optional() });

const targetFields = (formData: FormData) => ({
  number: formData.get('number'),
  season: formData.get('season') || undefined,
});

function target(formData: FormData): z.infer<typeof targetSchema> | null {
  return targetSchema.safeParse(targetFields(formData)).data ?? null;
}

/**
 * The query of the municipality's page after a request was sent (`soknad=<id>`) or the contact
 * asked to withdraw it (`trukket=<id>`); the page says what became of it when the request is so.
 */
function extensionChangeQuery(season: string | undefined, done: { soknad: string } | { trukket: string }) {
  return new URLSearchParams({ ...(season && { season }), ...done });
}

/** A contact applies for an extension for their own municipality. */
export const requestExtensionAction = formAction({
  caller: signedIn(),
  notFound: EXTENSION_NOT_FOUND,
  target,
  fields: ['requestedDate', 'reasonCategory', 'justification', 'plannedFix'],
  schema: extensionRequestInputSchema,
  run: (viewer, input, about) => requestExtension(viewer, about.number, input, { seasonKey: about.season }),
  done(result, _input, about) {
    revalidatePath(`/kommuner/${about.number}`);
    revalidatePath('/fristsoknader');
    // The form gives way to the pending request: the section says, at its top, that it was sent.
    redirect(`/kommuner/${about.number}?${extensionChangeQuery(about.season, { soknad: result.id })}#utsettelse`);
  },
});

/**
 * A contact withdraws their municipality's pending request. If FHI decided it in the meantime, the
 * page says so instead of saying nothing.
 */
export const withdrawExtensionAction = action({
  caller: signedIn(),
  read: (formData: FormData) => ({ ...targetFields(formData), id: formData.get('id') }),
  schema: targetSchema.extend({ id: z.uuid() }),
  async run(viewer, { id, number, season }) {
    const result = await withdrawExtensionRequest(viewer, id);
    if (!result) return;
    const municipality = result.ok ? result.municipalityNumber : number;
    if (result.ok) revalidatePath('/fristsoknader');
    revalidatePath(`/kommuner/${municipality}`);
    redirect(`/kommuner/${municipality}?${extensionChangeQuery(season, { trukket: id })}#utsettelse`);
  },
});

/** FHI or the municipality's contacts add a note; FHI may record it as an agreed resubmission. */
export const addNoteAction = formAction({
  caller: signedIn(),
  notFound: NOTE_NOT_FOUND,
  target,
  fields: ['body'],
  read: (values, formData) => ({
    body: values.body,
    kind: formData.get('kind') === 'RESUBMISSION_AGREED' ? 'RESUBMISSION_AGREED' : 'NOTE',
  }),
  schema: noteInputSchema,
  run: (viewer, input, about) => addNote(viewer, about.number, input, { seasonKey: about.season }),
  done(_result, input, about) {
    revalidatePath(`/kommuner/${about.number}`);
    if (input.kind === 'RESUBMISSION_AGREED') revalidatePath('/');
    return { done: NOTE_ADDED_MESSAGES[input.kind] };
  },
});
