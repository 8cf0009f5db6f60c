import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import NextLink from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/access/request';
import { listUnderstaffedMunicipalities, listUsers } from '@/lib/access';
import { UnderstaffedMunicipalities } from './_components/understaffed-municipalities';
import { UsersTable } from './_components/users-table';

export const metadata: Metadata = { title: 'Brukere' };

export default async function UsersPage() {
  const viewer = await requireViewer();
  const [users, understaffed] = await Promise.all([listUsers(viewer), listUnderstaffedMunicipalities(viewer)]);
  if (!users || !understaffed) notFound();

  return (
    <>
      <Heading level={1} data-size="lg">
        Brukere
      </Heading>
      <Paragraph>
        <Link asChild>
          <NextLink href="/admin/brukere/ny">Registrer ny bruker</NextLink>
        </Link>
      </Paragraph>
      <UsersTable users={users} />
      <UnderstaffedMunicipalities municipalities={understaffed} />
    </>
  );
}
