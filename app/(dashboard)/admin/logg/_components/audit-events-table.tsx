import { TableCell, TableRow } from '@digdir/designsystemet-react';
import { DataTable } from '@/components/tables/data-table';
import { AUDIT_PAGE_SIZE, type AuditEventRow } from '@/lib/access';
import { AUDIT_OUTCOME_LABELS, ROLE_LABELS, auditActionLabel } from '@/lib/access/labels';
import { formatDateTime } from '@/lib/core/format';

/** Who acted: the person with their e-mail, or the API key. */
function actorText(event: AuditEventRow): string {
  if (event.actorName) return `${event.actorName} (${event.actorEmail})`;
  return event.actorApiKeyId ? `API-nøkkel ${event.actorApiKeyId}` : '–';
}

function AuditEvent({ event }: { event: AuditEventRow }) {
  return (
    <TableRow>
      <TableCell>{formatDateTime(event.at)}</TableCell>
      <TableCell>{actorText(event)}</TableCell>
      <TableCell>{event.actorRole ? ROLE_LABELS[event.actorRole] : '–'}</TableCell>
      <TableCell>{auditActionLabel(event.action)}</TableCell>
      <TableCell>{event.municipalityNumber ?? '–'}</TableCell>
      <TableCell>{AUDIT_OUTCOME_LABELS[event.outcome]}</TableCell>
      <TableCell>
        <code>{event.requestId?.slice(0, 8) ?? '–'}</code>
      </TableCell>
    </TableRow>
  );
}

const COLUMNS = ['Tid', 'Hvem', 'Rolle', 'Handling', 'Kommune', 'Utfall', 'Forespørsel'];

/** The events found, newest first (at most AUDIT_PAGE_SIZE). */
export function AuditEventsTable({ events, days }: { events: readonly AuditEventRow[]; days: number }) {
  return (
    <DataTable
      zebra
      caption={
        <>
          Hendelser siste {days} dager
          {events.length === AUDIT_PAGE_SIZE ? ` (de ${AUDIT_PAGE_SIZE} nyeste)` : ''}
        </>
      }
      columns={COLUMNS}
    >
      {events.length === 0 && (
        <TableRow>
          <TableCell colSpan={COLUMNS.length}>Ingen hendelser.</TableCell>
        </TableRow>
      )}
      {events.map((event) => (
        <AuditEvent key={event.id} event={event} />
      ))}
    </DataTable>
  );
}
