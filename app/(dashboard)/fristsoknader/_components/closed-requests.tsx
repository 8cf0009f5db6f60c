import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import { ExtensionStatusTag } from '@/components/status/extension-request';
import { DataTable } from '@/components/tables/data-table';
import type { ExtensionRequestRow } from '@/lib/follow-up/rules/extension-requests';
import { formatDate } from '@/lib/core/format';
import { MunicipalityLink } from './municipality-link';
import styles from '../page.module.css';

function ClosedRequest({ request }: { request: ExtensionRequestRow }) {
  return (
    <TableRow>
      <TableHeaderCell scope="row">
        <MunicipalityLink number={request.municipalityNumber} name={request.municipalityName} />
      </TableHeaderCell>
      <TableCell className={styles.nowrap}>{formatDate(request.requestedAt)}</TableCell>
      <TableCell className={styles.nowrap}>{formatDate(request.requestedDeadline)}</TableCell>
      <TableCell>
        <ExtensionStatusTag status={request.status} />
      </TableCell>
      <TableCell className={styles.nowrap}>
        {request.status === 'GRANTED' ? formatDate(request.grantedDeadline ?? request.requestedDeadline) : '–'}
      </TableCell>
      <TableCell className={styles.nowrap}>
        {request.decidedAt ? formatDate(request.decidedAt) : '–'}
        {request.decidedByName ? ` (${request.decidedByName})` : ''}
      </TableCell>
      <TableCell className={styles.text}>{request.decisionNote ?? '–'}</TableCell>
    </TableRow>
  );
}

/** The decided and withdrawn requests, the latest decided first. */
export function ClosedRequests({ closed }: { closed: readonly ExtensionRequestRow[] }) {
  return (
    <section aria-labelledby="avgjort">
      <Heading level={2} data-size="sm" id="avgjort">
        Avgjort og trukket
      </Heading>
      {closed.length === 0 ? (
        <Paragraph>Ingen søknader er avgjort ennå.</Paragraph>
      ) : (
        <DataTable
          zebra
          scrollClassName={styles.scroll}
          caption="Avgjorte og trukne søknader, sist avgjort først"
          columns={['Kommune', 'Søkt', 'Ønsket frist', 'Utfall', 'Ny frist', 'Avgjort', 'Merknad']}
        >
          {closed.map((request) => (
            <ClosedRequest key={request.id} request={request} />
          ))}
        </DataTable>
      )}
    </section>
  );
}
