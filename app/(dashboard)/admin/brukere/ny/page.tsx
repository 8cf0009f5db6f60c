import { Heading } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/access/request';
import { isAdmin } from '@/lib/access/rules/actor';
import { UserForm } from '../_components/user-form';

export const metadata: Metadata = { title: 'Ny bruker' };

export default async function NewUserPage() {
  const viewer = await requireViewer();
  if (!isAdmin(viewer)) notFound();
  return (
    <>
      <Heading level={1} data-size="lg">
        Ny bruker
      </Heading>
      <UserForm
        submitLabel="Registrer bruker"
        values={{ name: '', email: '', role: 'MUNICIPAL_CONTACT', municipalityNumbers: '' }}
      />
    </>
  );
}
