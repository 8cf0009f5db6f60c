import { TableCell, TableHeaderCell, TableRow, Tag } from '@digdir/designsystemet-react';
import NextLink from 'next/link';
import { DataTable } from '@/components/tables/data-table';
import type { UserRow } from '@/lib/access';
import { ROLE_LABELS, USER_STATE_LABELS } from '@/lib/access/labels';
import { formatDateTime, formatNumber } from '@/lib/core/format';

function User({ user }: { user: UserRow }) {
  return (
    <TableRow>
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
  );
}

/** Every registered user: name (to their page), e-mail, role, municipalities, whether active, last sign-in. */
export function UsersTable({ users }: { users: readonly UserRow[] }) {
  return (
    <DataTable
      zebra
      caption={<>Registrerte brukere ({formatNumber(users.length)})</>}
      columns={['Navn', 'E-post', 'Rolle', 'Kommuner', 'Status', 'Sist innlogget']}
    >
      {users.map((user) => (
        <User key={user.id} user={user} />
      ))}
    </DataTable>
  );
}
