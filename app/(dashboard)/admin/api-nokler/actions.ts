'use server';

/** API keys for machine clients (FHI admins): make one (its secret shown this once), or revoke one. */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { apiKeyInputSchema, createApiKey, isAdmin, revokeApiKey } from '@/lib/access';
import { action, formAction, signedIn } from '@/lib/access/request';
import type { FormState } from '@/lib/core/form-state';

export type ApiKeyField = 'name' | 'scopes';

export type ApiKeyFormState = FormState<ApiKeyField> & {
  /** The new key's secret: shown this once, never stored in clear. */
  created?: { name: string; secret: string };
};

const NOT_FOUND: ApiKeyFormState = { errors: { form: 'Fant ikke siden.' } };

export const createApiKeyAction = formAction({
  caller: signedIn(isAdmin),
  notFound: NOT_FOUND,
  fields: ['name', 'scopes'],
  read: (_values, formData) => ({ name: formData.get('name'), scopes: formData.getAll('scopes') }),
  schema: apiKeyInputSchema,
  async run(viewer, input) {
    const created = await createApiKey(viewer, input);
    return created && { ok: true as const, ...created };
  },
  done(created, input) {
    revalidatePath('/admin/api-nokler');
    return { created: { name: input.name, secret: created.secret } };
  },
});

/** Revokes a key; the page it comes back to says which (`?tilbakekalt=<id>`, said only of a revoked key). */
export const revokeApiKeyAction = action({
  caller: signedIn(isAdmin),
  read: (formData: FormData) => ({ apiKeyId: formData.get('apiKeyId') }),
  schema: z.object({ apiKeyId: z.uuid() }),
  async run(viewer, { apiKeyId }) {
    if (!(await revokeApiKey(viewer, apiKeyId, new Date()))) return;
    revalidatePath('/admin/api-nokler');
    redirect(`/admin/api-nokler?tilbakekalt=${apiKeyId}`);
  },
});
