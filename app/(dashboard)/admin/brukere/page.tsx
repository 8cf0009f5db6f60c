import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import NextLink from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Confirmation } from '@/components/ui/confirmation';
import { requireViewer } from '@/lib/access/request';
import { listUnderstaffedMunicipalities, listUsers, type UserRow } from '@/lib/access';
import { ROLE_LABELS, USER_CHANGED_MESSAGES } from '@/lib/access/labels';
import { UnderstaffedMunicipalities } from './_components/understaffed-municipalities';
import { UsersTable } from './_components/users-table';

export const metadata: Metadata = { title: 'Brukere' };

/** `?registrert=<id>` or `?endret=<id>`: the user just registered or changed (the action redirects here). */
const pageQuerySchema = z.object({
  registrert: z.uuid().optional().catch(undefined),
  endret: z.uuid().optional().catch(undefined),
});

/** What was just done to a user, said of a user in the list. */
function savedMessage(users: readonly UserRow[], query: z.infer<typeof pageQuerySchema>): string | null {
  const created = users.find((user) => user.id === query.registrert);
  if (created) return USER_CHANGED_MESSAGES.created(created.name, ROLE_LABELS[created.role]);
  const updated = users.find((user) => user.id === query.endret);
  return updated ? USER_CHANGED_MESSAGES.updated(updated.name) : null;
}

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  const [users, understaffed] = await Promise.all([listUsers(viewer), listUnderstaffedMunicipalities(viewer)]);
  if (!users || !understaffed) notFound();
  const query = pageQuerySchema.parse(await searchParams);

  return (
    <>
      <Heading level={1} data-size="lg">
        Brukere
      </Heading>
      <Confirmation>{savedMessage(users, query)}</Confirmation>
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
