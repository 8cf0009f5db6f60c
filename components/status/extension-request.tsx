import { Tag } from '@digdir/designsystemet-react';
import type { ExtensionRequestRow } from '@/lib/follow-up/rules/extension-requests';
import type { ExtensionStatus } from '@/lib/status/rules';
import { EXTENSION_REASON_LABELS, EXTENSION_STATUS_LABELS } from '@/lib/follow-up/labels';
import { formatDate, formatDateTime } from '@/lib/core/format';
import facts from './facts.module.css';

const STATUS_COLORS = { PENDING: 'warning', GRANTED: 'success', DENIED: 'danger', WITHDRAWN: 'neutral' } as const;

export function ExtensionStatusTag({ status }: { status: ExtensionStatus }) {
  return (
    <Tag data-color={STATUS_COLORS[status]} data-size="sm">
      {EXTENSION_STATUS_LABELS[status]}
    </Tag>
  );
}

/** What is known about one extension request: the application and, once made, the decision. */
export function ExtensionRequestFacts({ request }: { request: ExtensionRequestRow }) {
  return (
    <dl className={facts.facts}>
      <dt>Ønsket frist</dt>
      <dd>{formatDate(request.requestedDeadline)}</dd>
      <dt>Grunn</dt>
      <dd>{request.reasonCategory ? EXTENSION_REASON_LABELS[request.reasonCategory] : '–'}</dd>
      <dt>Begrunnelse</dt>
      <dd>{request.justification}</dd>
      <dt>Hva kommunen skal gjøre</dt>
      <dd>{request.plannedFix ?? '–'}</dd>
      <dt>Søkt</dt>
      <dd>
        {formatDateTime(request.requestedAt)}
        {request.requestedByName ? ` av ${request.requestedByName}` : ''}
      </dd>
      {request.status === 'GRANTED' && (
        <>
          <dt>Innvilget frist</dt>
          <dd>{formatDateTime(request.grantedDeadline ?? request.requestedDeadline)}</dd>
        </>
      )}
      {request.decidedAt && (
        <>
          <dt>{request.status === 'WITHDRAWN' ? EXTENSION_STATUS_LABELS.WITHDRAWN : 'Avgjort'}</dt>
          <dd>
            {formatDateTime(request.decidedAt)}
            {request.decidedByName ? ` av ${request.decidedByName}` : ''}
          </dd>
        </>
      )}
      {request.decisionNote && (
        <>
          <dt>FHIs merknad</dt>
          <dd>{request.decisionNote}</dd>
        </>
      )}
    </dl>
  );
}
