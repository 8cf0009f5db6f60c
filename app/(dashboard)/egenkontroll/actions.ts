'use server';

/** The self-check (a contact's own municipality): recording it as done. */
import { revalidatePath } from 'next/cache';
import { action, signedIn } from '@/lib/access/request';
import { saveSelfCheck, selfCheckInputSchema } from '@/lib/ingest';

export type SaveSelfCheckResult = { ok: true } | { ok: false; message: string };

/** Records the self-check's summary (header fields, aggregates, counts — no personal data) as done. */
export const saveSelfCheckAction = action({
  caller: signedIn(),
  read: (input: unknown) => input,
  schema: selfCheckInputSchema,
  refused: {
    caller: { ok: false, message: 'Du er ikke logget inn.' },
    input: {
      ok: false,
      message: 'Sammendraget kunne ikke lagres fordi det er ufullstendig. Les inn fagmeldingen på nytt.',
    },
    scope: { ok: false, message: 'Du kan bare lagre egenkontroll for en kommune du er kontaktperson for.' },
  },
  async run(viewer, input): Promise<SaveSelfCheckResult | null> {
    if (!(await saveSelfCheck(viewer, input, new Date()))) return null;
    revalidatePath('/egenkontroll');
    return { ok: true };
  },
});
