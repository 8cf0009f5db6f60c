'use server';

/** FHI assigns a document without a municipality to one (the form on /uten-kommune). */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction, signedIn } from '@/lib/access/request';
import { isFhi } from '@/lib/access/rules/actor';
import type { FormState } from '@/lib/core/form-state';
import { assignDocumentMunicipality } from '@/lib/ingest';

export type AssignField = 'municipality';

const NOT_FOUND: FormState<AssignField> = { errors: { form: 'Fant ikke dokumentet, eller det har fått kommune alt.' } };

const assignInputSchema = z.object({
  municipality: z
    .string({ error: 'Skriv kommunenummeret.' })
    .trim()
    .regex(/^\d{4}$/, 'Kommunenummeret har fire sifre, for eksempel 4601.'),
});

/**
 * Assigns the document from now on (before now, replay still shows it without a municipality); the
 * overview's data version changes with it, so the status shows it at once. The document then
 * leaves the list (and its form with it), so the page itself says what was done.
 */
export const assignMunicipalityAction = formAction({
  caller: signedIn(isFhi),
  notFound: NOT_FOUND,
  target: (formData) => z.uuid().safeParse(formData.get('id')).data ?? null,
  fields: ['municipality'],
  schema: assignInputSchema,
  run: (viewer, input, id) => assignDocumentMunicipality(viewer, id, input.municipality, new Date()),
  done(result) {
    revalidatePath('/uten-kommune');
    revalidatePath(`/kommuner/${result.municipalityNumber}`);
    revalidatePath('/');
    redirect(`/uten-kommune?tildelt=${result.municipalityNumber}`);
  },
});
