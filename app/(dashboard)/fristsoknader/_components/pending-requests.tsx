import { Heading, Tag } from '@digdir/designsystemet-react';
import { ExtensionRequestFacts } from '@/components/status/extension-request';
import { osloDate } from '@/lib/core/calendar';
import { formatDate } from '@/lib/core/format';
import type { PendingExtensionRequestRow } from '@/lib/follow-up/rules/extension-requests';
import { countOf } from '@/lib/status/rules/texts';
import { DecideForm } from './decide-form';
import { MunicipalityLink } from './municipality-link';
import styles from '../page.module.css';

/** One pending request: whose, how long it has waited (marked when too long), the application and its decision form. */
function PendingRequest({
  request,
  dateBounds,
}: {
  request: PendingExtensionRequestRow;
  dateBounds: { earliest: string; latest: string };
}) {
  return (
    <li id={`soknad-${request.id}`} className={`${styles.item} ${request.needsFhiAttention ? styles.late : ''}`}>
      <Heading level={3} data-size="xs">
        <MunicipalityLink number={request.municipalityNumber} name={request.municipalityName} />{' '}
        {request.requestedDeadlinePassed ? (
          <Tag data-color="danger" data-size="sm">
            Ikke avgjort: ønsket frist {formatDate(request.requestedDeadline)} er passert
          </Tag>
        ) : (
          <Tag data-color={request.needsFhiAttention ? 'danger' : 'warning'} data-size="sm">
            {request.needsFhiAttention ? 'Har ventet for lenge: ' : 'Har ventet '}
            {countOf(request.workingDaysPending, 'arbeidsdag', 'arbeidsdager')}
          </Tag>
        )}
      </Heading>
      <ExtensionRequestFacts request={request} />
      <DecideForm
        id={request.id}
        municipalityName={request.municipalityName}
        requestedDate={osloDate(request.requestedDeadline)}
        dateBounds={dateBounds}
      />
    </li>
  );
}

/** The requests waiting for FHI's decision, oldest first. */
export function PendingRequests({
  pending,
  dateBounds,
}: {
  pending: readonly PendingExtensionRequestRow[];
  /** The days FHI may grant. */
  dateBounds: { earliest: string; latest: string };
}) {
  return (
    <section aria-labelledby="til-behandling">
      <Heading level={2} data-size="sm" id="til-behandling">
        Til behandling
      </Heading>
      {pending.length > 0 && (
        <ol className={styles.list}>
          {pending.map((request) => (
            <PendingRequest key={request.id} request={request} dateBounds={dateBounds} />
          ))}
        </ol>
      )}
    </section>
  );
}
