'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getViewer } from '@/lib/access/viewer';
import { decideExtensionRequest, extensionDecisionInputSchema } from '@/lib/follow-up/data/extensions';
import { fieldErrors, submittedValues, type FormState } from '@/lib/core/form-state';
import { queueReminderRun } from '@/lib/jobs/start';

export type DecisionField = 'grantedDate' | 'note';

const NOT_FOUND: FormState<DecisionField> = { errors: { form: 'Fant ikke søknaden.' } };

/**
 * FHI grants (the submit button "GRANT", with a date) or denies ("DENY", with a note) a pending
 * request; then the municipality's contacts are told by mail at once (a reminder run is queued).
 */
export async function decideExtensionAction(
  _state: FormState<DecisionField>,
  formData: FormData,
): Promise<FormState<DecisionField>> {
  const viewer = await getViewer();
  const id = z.uuid().safeParse(formData.get('id'));
  if (!viewer || !id.success) return NOT_FOUND;
  const values = submittedValues(formData, ['grantedDate', 'note'] as const);
  const input = extensionDecisionInputSchema.safeParse({ ...values, decision: formData.get('decision') });
  if (!input.success) return { errors: fieldErrors<DecisionField>(input.error), values };
  const result = await decideExtensionRequest(viewer, id.data, input.data);
  if (!result) return NOT_FOUND;
  if (!result.ok) return { errors: { [result.field]: result.message }, values };
  await queueReminderRun();
  revalidatePath('/fristsoknader');
  revalidatePath(`/kommuner/${result.municipalityNumber}`);
  revalidatePath('/');
  return { done: input.data.decision === 'GRANT' ? 'Søknaden er innvilget.' : 'Søknaden er avslått.' };
}
