'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getViewer } from '@/lib/access/viewer';
import { isAdmin } from '@/lib/access/rules/actor';
import { createUser, setUserActive, updateUser, userInputSchema } from '@/lib/access/data/users';

type UserField = 'name' | 'email' | 'role' | 'municipalityNumbers';

export interface UserFormState {
  errors?: Partial<Record<UserField | 'form', string>>;
  /** What was submitted, shown again with the errors (React resets a form after its action). */
  values?: Partial<Record<UserField, string>>;
}

const NOT_FOUND: UserFormState = { errors: { form: 'Fant ikke brukeren.' } };

function parseInput(formData: FormData) {
  return userInputSchema.safeParse({
    name: formData.get('name'),
    email: formData.get('email'),
    role: formData.get('role'),
    municipalityNumbers: String(formData.get('municipalityNumbers') ?? '')
      .split(/[\s,;]+/)
      .filter(Boolean),
  });
}

function fieldErrors(error: z.ZodError): UserFormState {
  const errors: NonNullable<UserFormState['errors']> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && !(field in errors)) errors[field as keyof typeof errors] = issue.message;
  }
  return { errors };
}

function submitted(formData: FormData): UserFormState['values'] {
  const text = (name: UserField) => String(formData.get(name) ?? '').slice(0, 500);
  return {
    name: text('name'),
    email: text('email'),
    role: text('role'),
    municipalityNumbers: text('municipalityNumbers'),
  };
}

/** Creates or updates a user; `userId` in the form means update. */
export async function saveUserAction(_state: UserFormState, formData: FormData): Promise<UserFormState> {
  const viewer = await getViewer();
  if (!viewer || !isAdmin(viewer)) return NOT_FOUND;
  const parsed = parseInput(formData);
  if (!parsed.success) return { ...fieldErrors(parsed.error), values: submitted(formData) };
  const userId = formData.get('userId');
  const result =
    typeof userId === 'string' && userId
      ? await updateUser(viewer, userId, parsed.data)
      : await createUser(viewer, parsed.data);
  if (!result) return NOT_FOUND;
  if (!result.ok) return { errors: { [result.field]: result.message }, values: submitted(formData) };
  revalidatePath('/admin/brukere');
  redirect('/admin/brukere');
}

export async function setUserActiveAction(formData: FormData): Promise<void> {
  const viewer = await getViewer();
  if (!viewer || !isAdmin(viewer)) return;
  const parsed = z.object({ userId: z.uuid(), active: z.enum(['true', 'false']) }).safeParse({
    userId: formData.get('userId'),
    active: formData.get('active'),
  });
  if (!parsed.success) return;
  await setUserActive(viewer, parsed.data.userId, parsed.data.active === 'true');
  revalidatePath('/admin/brukere');
}
