'use server';

/** FHI decides an extension request (the decision form on /fristsoknader). */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction, signedIn } from '@/lib/access/request';
import type { FormState } from '@/lib/core/form-state';
import { decideExtensionRequest } from '@/lib/follow-up';
import { extensionDecisionInputSchema } from '@/lib/follow-up/rules/extension-requests';
import { queueReminderRun } from '@/lib/jobs';

export type DecisionField = 'grantedDate' | 'confirmPastDate' | 'note';

const NOT_FOUND: FormState<DecisionField> = { errors: { form: 'Fant ikke søknaden.' } };

/**
 * FHI grants (the submit button "GRANT", with a date) or denies ("DENY", with a note) a pending
 * request; then the municipality's contacts are told by mail at once (a reminder run is queued).
 */
export const decideExtensionAction = formAction({
  caller: signedIn(),
  notFound: NOT_FOUND,
  target: (formData) => z.uuid().safeParse(formData.get('id')).data ?? null,
  fields: ['grantedDate', 'note'],
  read: (values, formData) => ({
    ...values,
    decision: formData.get('decision'),
    confirmPastDate: formData.get('confirmPastDate') === 'on',
  }),
  schema: extensionDecisionInputSchema,
  run: (viewer, input, id) => decideExtensionRequest(viewer, id, input),
  async done(result, _input, id) {
    await queueReminderRun();
    revalidatePath('/fristsoknader');
    revalidatePath(`/kommuner/${result.municipalityNumber}`);
    revalidatePath('/');
    // The decided request leaves the list its form stood in: the list says what was decided, at its top.
    redirect(`/fristsoknader?avgjort=${id}`);
  },
});
