import {
  Alert,
  Heading,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  Tag,
} from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import NextLink from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/access/request';
import { ROLE_LABELS, USER_STATE_LABELS } from '@/lib/access/labels';
import { listUnderstaffedMunicipalities, listUsers, MIN_ACTIVE_CONTACTS } from '@/lib/access';
import { formatDateTime, formatNumber } from '@/lib/core/format';

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
      <Table zebra data-size="sm">
        <caption>Registrerte brukere ({formatNumber(users.length)})</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell scope="col">Navn</TableHeaderCell>
            <TableHeaderCell scope="col">E-post</TableHeaderCell>
            <TableHeaderCell scope="col">Rolle</TableHeaderCell>
            <TableHeaderCell scope="col">Kommuner</TableHeaderCell>
            <TableHeaderCell scope="col">Status</TableHeaderCell>
            <TableHeaderCell scope="col">Sist innlogget</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {users.map((user) => (
            <TableRow key={user.id}>
              <TableHeaderCell scope="row">
                <NextLink href={`/admin/brukere/${user.id}`}>{user.name}</NextLink>
              </TableHeaderCell>
              <TableCell>{user.email}</TableCell>
              <TableCell>{ROLE_LABELS[user.role]}</TableCell>
              <TableCell>{user.municipalities.map((m) => `${m.name} (${m.number})`).join(', ') || '–'}</TableCell>
              <TableCell>
                <Tag data-color={user.active ? 'success' : 'neutral'} data-size="sm">
                  {user.active ? USER_STATE_LABELS.active : USER_STATE_LABELS.deactivated}
                </Tag>
              </TableCell>
              <TableCell>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : 'Aldri'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <Heading level={2} data-size="md">
        Kommuner med færre enn {MIN_ACTIVE_CONTACTS} aktive kontaktpersoner
      </Heading>
      {understaffed.length === 0 ? (
        <Alert data-color="success">Alle kommuner har minst {MIN_ACTIVE_CONTACTS} aktive kontaktpersoner.</Alert>
      ) : (
        <Table zebra data-size="sm">
          <caption>
            {formatNumber(understaffed.length)} kommuner har færre enn {MIN_ACTIVE_CONTACTS} aktive kontaktpersoner
          </caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell scope="col">Kommune</TableHeaderCell>
              <TableHeaderCell scope="col">Aktive kontaktpersoner</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {understaffed.map((m) => (
              <TableRow key={m.number}>
                <TableHeaderCell scope="row">
                  {m.name} ({m.number})
                </TableHeaderCell>
                <TableCell>{formatNumber(m.activeContacts)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
