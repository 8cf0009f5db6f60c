'use server';

/** User administration (FHI admins): register or edit a person, deactivate or reactivate them. */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createUser, isAdmin, setUserActive, updateUser, userInputSchema } from '@/lib/access';
import { action, formAction, signedIn } from '@/lib/access/request';
import type { FormState } from '@/lib/core/form-state';

export type UserField = 'name' | 'email' | 'role' | 'municipalityNumbers';

const NOT_FOUND: FormState<UserField> = { errors: { form: 'Fant ikke brukeren.' } };

/** Creates or updates a user; `userId` in the form means update. Municipality numbers may be separated by spaces, commas or semicolons. */
export const saveUserAction = formAction({
  caller: signedIn(isAdmin),
  notFound: NOT_FOUND,
  target: (formData) => ({ userId: String(formData.get('userId') ?? '') }),
  fields: ['name', 'email', 'role', 'municipalityNumbers'],
  read: (values) => ({
    ...values,
    municipalityNumbers: (values.municipalityNumbers ?? '').split(/[\s,;]+/).filter(Boolean),
  }),
  schema: userInputSchema,
  run: (viewer, input, { userId }) => (userId ? updateUser(viewer, userId, input) : createUser(viewer, input)),
  done(result, _input, { userId }) {
    revalidatePath('/admin/brukere');
    // The list says what was done (`?registrert=<id>` or `?endret=<id>`).
    redirect(`/admin/brukere?${userId ? 'endret' : 'registrert'}=${result.id}`);
  },
});

/** Deactivates or reactivates a user; their page says which (`?konto=deaktivert|aktivert`). */
export const setUserActiveAction = action({
  caller: signedIn(isAdmin),
  read: (formData: FormData) => ({ userId: formData.get('userId'), active: formData.get('active') }),
  schema: z.object({ userId: z.uuid(), active: z.enum(['true', 'false']) }),
  async run(viewer, { userId, active }) {
    if (!(await setUserActive(viewer, userId, active === 'true'))) return;
    revalidatePath('/admin/brukere');
    redirect(`/admin/brukere/${userId}?konto=${active === 'true' ? 'aktivert' : 'deaktivert'}`);
  },
});
