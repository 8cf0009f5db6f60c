import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Confirmation } from '@/components/ui/confirmation';
import { requireViewer } from '@/lib/access/request';
import { getUser, type UserRow } from '@/lib/access';
import { USER_CHANGED_MESSAGES, USER_STATE_LABELS } from '@/lib/access/labels';
import { formatDateTime } from '@/lib/core/format';
import { setUserActiveAction } from '../actions';
import { UserForm } from '../_components/user-form';

export const metadata: Metadata = { title: 'Rediger bruker' };

/** `?konto=deaktivert|aktivert`: the user was just deactivated or reactivated (the action redirects here). */
const pageQuerySchema = z.object({ konto: z.enum(['deaktivert', 'aktivert']).optional().catch(undefined) });

/** What was just done to the user's account, said only while it is so. */
function accountMessage(user: UserRow, konto: 'deaktivert' | 'aktivert' | undefined): string | null {
  if (konto === 'deaktivert' && !user.active) return USER_CHANGED_MESSAGES.deactivated(user.name);
  if (konto === 'aktivert' && user.active) return USER_CHANGED_MESSAGES.reactivated(user.name);
  return null;
}

export default async function EditUserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  const { id } = await params;
  const user = await getUser(viewer, id);
  if (!user) notFound();
  const { konto } = pageQuerySchema.parse(await searchParams);
  return (
    <>
      <Heading level={1} data-size="lg">
        {user.name}
      </Heading>
      <Confirmation>{accountMessage(user, konto)}</Confirmation>
      <Paragraph>
        {user.active ? USER_STATE_LABELS.active : USER_STATE_LABELS.deactivated}.{' '}
        {user.lastSignInAt ? `Sist innlogget ${formatDateTime(user.lastSignInAt)}.` : 'Har aldri logget inn.'}
      </Paragraph>
      <UserForm
        submitLabel="Lagre endringer"
        values={{
          userId: user.id,
          name: user.name,
          email: user.email,
          role: user.role,
          municipalityNumbers: user.municipalities.map((m) => m.number).join(', '),
        }}
      />
      {user.id !== viewer.userId && (
        <form action={setUserActiveAction}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="active" value={String(!user.active)} />
          <Button type="submit" variant="secondary" data-color={user.active ? 'danger' : 'accent'}>
            {user.active ? 'Deaktiver bruker' : 'Aktiver bruker igjen'}
          </Button>
        </form>
      )}
    </>
  );
}
