import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/access/request';
import { getUser } from '@/lib/access';
import { USER_STATE_LABELS } from '@/lib/access/labels';
import { formatDateTime } from '@/lib/core/format';
import { setUserActiveAction } from '../actions';
import { UserForm } from '../_components/user-form';

export const metadata: Metadata = { title: 'Rediger bruker' };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer();
  const { id } = await params;
  const user = await getUser(viewer, id);
  if (!user) notFound();
  return (
    <>
      <Heading level={1} data-size="lg">
        {user.name}
      </Heading>
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
