'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getViewer } from '@/lib/access/viewer';
import { isAdmin } from '@/lib/access/rules/actor';
import { apiKeyInputSchema, createApiKey, revokeApiKey } from '@/lib/access/data/api-keys';

export interface ApiKeyFormState {
  errors?: { name?: string; scopes?: string; form?: string };
  /** The new key's secret: shown this once, never stored in clear. */
  created?: { name: string; secret: string };
}

const NOT_FOUND: ApiKeyFormState = { errors: { form: 'Fant ikke siden.' } };

export async function createApiKeyAction(_state: ApiKeyFormState, formData: FormData): Promise<ApiKeyFormState> {
  const viewer = await getViewer();
  if (!viewer || !isAdmin(viewer)) return NOT_FOUND;
  const parsed = apiKeyInputSchema.safeParse({ name: formData.get('name'), scopes: formData.getAll('scopes') });
  if (!parsed.success) {
    const errors: NonNullable<ApiKeyFormState['errors']> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === 'name' ? 'name' : 'scopes';
      errors[field] ??= field === 'scopes' && issue.code !== 'too_small' ? 'Velg INGEST og/eller READ.' : issue.message;
    }
    return { errors };
  }
  const created = await createApiKey(viewer, parsed.data);
  if (!created) return NOT_FOUND;
  revalidatePath('/admin/api-nokler');
  return { created: { name: parsed.data.name, secret: created.secret } };
}

export async function revokeApiKeyAction(formData: FormData): Promise<void> {
  const viewer = await getViewer();
  if (!viewer || !isAdmin(viewer)) return;
  const parsed = z.object({ apiKeyId: z.uuid() }).safeParse({ apiKeyId: formData.get('apiKeyId') });
  if (!parsed.success) return;
  await revokeApiKey(viewer, parsed.data.apiKeyId, new Date());
  revalidatePath('/admin/api-nokler');
}
