import {
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
import { ExtensionRequestFacts, ExtensionStatusTag } from '@/components/status/extension-request';
import { requireViewer } from '@/lib/access/request';
import { isFhi } from '@/lib/access/rules/actor';
import { listExtensionRequests, type ExtensionListSummary } from '@/lib/follow-up/data/extensions';
import { osloDate } from '@/lib/core/calendar';
import { countOf } from '@/lib/status/rules/texts';
import { grantDateBounds } from '@/lib/follow-up/rules/extension-requests';
import { formatDate, formatDateTime, formatNumber } from '@/lib/core/format';
import { statusPageQuerySchema } from '@/lib/status/query';
import { DecideForm } from './_components/decide-form';
import styles from './page.module.css';

export const metadata: Metadata = { title: 'Fristsøknader' };

function ExtensionRequests({ list, now }: { list: ExtensionListSummary; now: Date }) {
  const { season, pending, closed } = list;
  const late = pending.filter((request) => request.needsFhiAttention).length;
  const bounds = grantDateBounds(now, season.deadline);
  return (
    <>
      <Heading level={1} data-size="lg">
        Fristsøknader – {season.name}
      </Heading>
      <Paragraph>
        {pending.length === 0
          ? 'Ingen søknader om utsatt frist venter.'
          : `${countOf(pending.length, 'søknad', 'søknader')} om utsatt frist venter, den eldste først. ` +
            `${formatNumber(late)} har ventet mer enn ${countOf(season.extensionPendingAlertWorkingDays, 'arbeidsdag', 'arbeidsdager')} og bør avgjøres nå.`}{' '}
        Fristen for {season.name} er {formatDateTime(season.deadline)}.
      </Paragraph>

      <section aria-labelledby="til-behandling">
        <Heading level={2} data-size="sm" id="til-behandling">
          Til behandling
        </Heading>
        {pending.length > 0 && (
          <ol className={styles.list}>
            {pending.map((request) => (
              <li
                key={request.id}
                id={`soknad-${request.id}`}
                className={`${styles.item} ${request.needsFhiAttention ? styles.late : ''}`}
              >
                <Heading level={3} data-size="xs">
                  <Link asChild>
                    <NextLink href={`/kommuner/${request.municipalityNumber}`}>
                      {request.municipalityName} ({request.municipalityNumber})
                    </NextLink>
                  </Link>{' '}
                  <Tag data-color={request.needsFhiAttention ? 'danger' : 'warning'} data-size="sm">
                    {request.needsFhiAttention ? 'Har ventet for lenge: ' : 'Har ventet '}
                    {countOf(request.workingDaysPending, 'arbeidsdag', 'arbeidsdager')}
                  </Tag>
                </Heading>
                <ExtensionRequestFacts request={request} />
                <DecideForm
                  id={request.id}
                  municipalityName={request.municipalityName}
                  requestedDate={osloDate(request.requestedDeadline)}
                  dateBounds={bounds}
                />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="avgjort">
        <Heading level={2} data-size="sm" id="avgjort">
          Avgjort og trukket
        </Heading>
        {closed.length === 0 ? (
          <Paragraph>Ingen søknader er avgjort ennå.</Paragraph>
        ) : (
          <div className={styles.scroll}>
            <Table zebra data-size="sm">
              <caption>Avgjorte og trukne søknader, sist avgjort først</caption>
              <TableHead>
                <TableRow>
                  <TableHeaderCell scope="col">Kommune</TableHeaderCell>
                  <TableHeaderCell scope="col">Søkt</TableHeaderCell>
                  <TableHeaderCell scope="col">Ønsket frist</TableHeaderCell>
                  <TableHeaderCell scope="col">Utfall</TableHeaderCell>
                  <TableHeaderCell scope="col">Ny frist</TableHeaderCell>
                  <TableHeaderCell scope="col">Avgjort</TableHeaderCell>
                  <TableHeaderCell scope="col">Merknad</TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {closed.map((request) => (
                  <TableRow key={request.id}>
                    <TableHeaderCell scope="row">
                      <Link asChild>
                        <NextLink href={`/kommuner/${request.municipalityNumber}`}>
                          {request.municipalityName} ({request.municipalityNumber})
                        </NextLink>
                      </Link>
                    </TableHeaderCell>
                    <TableCell className={styles.nowrap}>{formatDate(request.requestedAt)}</TableCell>
                    <TableCell className={styles.nowrap}>{formatDate(request.requestedDeadline)}</TableCell>
                    <TableCell>
                      <ExtensionStatusTag status={request.status} />
                    </TableCell>
                    <TableCell className={styles.nowrap}>
                      {request.status === 'GRANTED'
                        ? formatDate(request.grantedDeadline ?? request.requestedDeadline)
                        : '–'}
                    </TableCell>
                    <TableCell className={styles.nowrap}>
                      {request.decidedAt ? formatDate(request.decidedAt) : '–'}
                      {request.decidedByName ? ` (${request.decidedByName})` : ''}
                    </TableCell>
                    <TableCell className={styles.text}>{request.decisionNote ?? '–'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
    </>
  );
}

/**
 * FHI's extension requests: the pending ones first (oldest first, how long each has waited, and a
 * mark when longer than the season's alert threshold), each with its decision form; then the
 * decided and withdrawn ones. Anyone else: not found.
 */
export default async function ExtensionRequestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  if (!isFhi(viewer)) notFound();
  const query = statusPageQuerySchema.parse(await searchParams);
  const now = new Date();
  const list = await listExtensionRequests(viewer, { seasonKey: query.season }, now);
  if (!list) notFound();
  return <ExtensionRequests list={list} now={now} />;
}
