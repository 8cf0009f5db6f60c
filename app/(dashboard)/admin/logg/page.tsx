import {
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
} from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/access/request';
import { ROLE_LABELS } from '@/lib/access/labels';
import { TextField } from '@/components/ui/text-field';
import { AUDIT_PAGE_SIZE, auditSearchSchema, searchAuditLog } from '@/lib/access';
import { formatDateTime } from '@/lib/core/format';
import styles from './page.module.css';

export const metadata: Metadata = { title: 'Tilgangslogg' };

const OUTCOME_LABELS = { SUCCESS: 'Utført', DENIED: 'Avvist', FAILURE: 'Feilet' } as const;

export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  const search = auditSearchSchema.parse(await searchParams);
  const events = await searchAuditLog(viewer, search, new Date());
  if (!events) notFound();

  return (
    <>
      <Heading level={1} data-size="lg">
        Tilgangslogg
      </Heading>
      <Paragraph>Hvem har sett eller gjort hva. Loggen kan ikke endres eller slettes.</Paragraph>
      <form method="get" className={styles.filters} role="search" aria-label="Søk i tilgangsloggen">
        <TextField
          id="logg-municipality"
          name="municipality"
          label="Kommunenummer"
          defaultValue={search.municipality ?? ''}
          inputMode="numeric"
        />
        <TextField id="logg-user" name="user" label="Bruker (navn eller e-post)" defaultValue={search.user ?? ''} />
        <TextField
          id="logg-action"
          name="action"
          label="Handling (for eksempel municipality.view)"
          defaultValue={search.action ?? ''}
        />
        <TextField
          id="logg-days"
          name="days"
          label="Siste antall dager"
          defaultValue={String(search.days)}
          inputMode="numeric"
        />
        <div>
          <Button type="submit">Søk</Button>
        </div>
      </form>
      <Table zebra data-size="sm">
        <caption>
          Hendelser siste {search.days} dager
          {events.length === AUDIT_PAGE_SIZE ? ` (de ${AUDIT_PAGE_SIZE} nyeste)` : ''}
        </caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell scope="col">Tid</TableHeaderCell>
            <TableHeaderCell scope="col">Hvem</TableHeaderCell>
            <TableHeaderCell scope="col">Rolle</TableHeaderCell>
            <TableHeaderCell scope="col">Handling</TableHeaderCell>
            <TableHeaderCell scope="col">Kommune</TableHeaderCell>
            <TableHeaderCell scope="col">Utfall</TableHeaderCell>
            <TableHeaderCell scope="col">Forespørsel</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {events.length === 0 && (
            <TableRow>
              <TableCell colSpan={7}>Ingen hendelser.</TableCell>
            </TableRow>
          )}
          {events.map((event) => (
            <TableRow key={event.id}>
              <TableCell>{formatDateTime(event.at)}</TableCell>
              <TableCell>
                {event.actorName
                  ? `${event.actorName} (${event.actorEmail})`
                  : event.actorApiKeyId
                    ? `API-nøkkel ${event.actorApiKeyId}`
                    : '–'}
              </TableCell>
              <TableCell>{event.actorRole ? ROLE_LABELS[event.actorRole] : '–'}</TableCell>
              <TableCell>{event.action}</TableCell>
              <TableCell>{event.municipalityNumber ?? '–'}</TableCell>
              <TableCell>{OUTCOME_LABELS[event.outcome]}</TableCell>
              <TableCell>
                <code>{event.requestId?.slice(0, 8) ?? '–'}</code>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
