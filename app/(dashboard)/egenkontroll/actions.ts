'use server';

import { revalidatePath } from 'next/cache';
import { getViewer } from '@/lib/access/viewer';
import { saveSelfCheck, selfCheckInputSchema } from '@/lib/ingest/data/self-checks';

export type SaveSelfCheckResult = { ok: true } | { ok: false; message: string };

/** Records the self-check's summary (header fields, aggregates, counts — no personal data) as done. */
export async function saveSelfCheckAction(input: unknown): Promise<SaveSelfCheckResult> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, message: 'Du er ikke logget inn.' };
  const parsed = selfCheckInputSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      message: 'Sammendraget kunne ikke lagres fordi det er ufullstendig. Les inn fagmeldingen på nytt.',
    };
  const saved = await saveSelfCheck(viewer, parsed.data, new Date());
  if (!saved) return { ok: false, message: 'Du kan bare lagre egenkontroll for en kommune du er kontaktperson for.' };
  revalidatePath('/egenkontroll');
  return { ok: true };
}
