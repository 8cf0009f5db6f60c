import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Confirmation } from '@/components/ui/confirmation';
import { requireViewer } from '@/lib/access/request';
import { isFhi } from '@/lib/access/rules/actor';
import { formatDateTime } from '@/lib/core/format';
import { listMunicipalityChoices, listUnattributedDocuments, type UnattributedDocumentRow } from '@/lib/ingest';
import { DOCUMENT_ASSIGNED_MESSAGE, MESSAGE_TYPE_LABELS, UNATTRIBUTED_REASON_LABELS } from '@/lib/ingest/labels';
import { ENVIRONMENT_LABELS } from '@/lib/status/labels';
import { countOf } from '@/lib/status/rules/texts';
import { AssignForm } from './_components/assign-form';
import styles from './page.module.css';

export const metadata: Metadata = { title: 'Uten kommune' };

const MUNICIPALITY_LIST_ID = 'kommuner';

/** `?tildelt=<number>`: the municipality a document was just assigned to (the action redirects here). */
const pageQuerySchema = z.object({
  tildelt: z
    .string()
    .regex(/^\d{4}$/)
    .optional()
    .catch(undefined),
});

/** What is known of one document without its payload: when, what, from whom, which MsgId and why. */
function UnattributedDocument({ document }: { document: UnattributedDocumentRow }) {
  const sender = [
    document.senderOrgNumber && `org.nr. ${document.senderOrgNumber}`,
    document.senderHerId !== null && `HER-id ${document.senderHerId}`,
  ].filter(Boolean);
  return (
    <li className={styles.item}>
      <Heading level={2} data-size="xs">
        {MESSAGE_TYPE_LABELS[document.type]}, mottatt {formatDateTime(document.receivedAt)}
      </Heading>
      <dl className={styles.facts}>
        <dt>MsgId</dt>
        <dd>{document.msgId}</dd>
        <dt>Avsender</dt>
        <dd>{sender.length > 0 ? sender.join(', ') : 'Ikke oppgitt'}</dd>
        <dt>Sesong</dt>
        <dd>
          {document.seasonName} ({ENVIRONMENT_LABELS[document.environment]})
        </dd>
        <dt>Årsak</dt>
        <dd>{document.reason ? UNATTRIBUTED_REASON_LABELS[document.reason] : 'Ikke registrert'}</dd>
      </dl>
      <AssignForm id={document.id} msgId={document.msgId} listId={MUNICIPALITY_LIST_ID} />
    </li>
  );
}

/**
 * FHI's list of documents stored without a municipality (a KPR_IDE whose payload, sender and run
 * did not tell it), newest first, each with the form to assign it to one. Anyone else: not found.
 */
export default async function UnattributedDocumentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  if (!isFhi(viewer)) notFound();
  const { tildelt: assignedTo } = pageQuerySchema.parse(await searchParams);
  const [documents, municipalities] = await Promise.all([
    listUnattributedDocuments(viewer),
    listMunicipalityChoices(viewer),
  ]);
  if (!documents) notFound();
  const assigned = municipalities.find((municipality) => municipality.number === assignedTo);
  return (
    <>
      <Heading level={1} data-size="lg">
        Uten kommune
      </Heading>
      <Confirmation>{assigned && DOCUMENT_ASSIGNED_MESSAGE(`${assigned.name} (${assigned.number})`)}</Confirmation>
      <Paragraph>
        {documents.length === 0
          ? 'Alle mottatte dokumenter er knyttet til en kommune.'
          : `${countOf(documents.length, 'dokument', 'dokumenter')} er lagret uten kommune, det nyeste først. ` +
            'Verken innholdet, avsenderen eller fagmeldingen i samme innsending viste hvilken kommune det gjelder. ' +
            'Når du tildeler en kommune, teller dokumentet med i kommunens status fra nå av.'}
      </Paragraph>
      {documents.length > 0 && (
        <>
          <datalist id={MUNICIPALITY_LIST_ID}>
            {municipalities.map((municipality) => (
              <option key={municipality.number} value={municipality.number}>
                {municipality.name}
              </option>
            ))}
          </datalist>
          <ol className={styles.list}>
            {documents.map((document) => (
              <UnattributedDocument key={document.id} document={document} />
            ))}
          </ol>
        </>
      )}
    </>
  );
}
