/**
 * A municipality's timeline entries in words: what happened and its details, for the municipality
 * page and its export alike.
 */
import { formatDate, formatDateTime, formatNumber } from '../../core/format';
import { EXTENSION_STATUS_LABELS } from '../../follow-up/labels';
import { APPREC_STATUS_LABELS, FINDING_SEVERITY_LABELS, apprecErrorText, findingTitle } from '../../ingest/labels';
import { transportErrorLabel } from '../../transport/labels';
import { ENVIRONMENT_LABELS } from '../labels';
import type { TimelineEntry } from './summaries';

export interface TimelineEntryText {
  event: string;
  /** '' when there is nothing more to say. */
  detail: string;
  /** An Apprec's errors, one line each (code, name, free text). */
  errors: string[];
}

export function timelineEntryText(entry: TimelineEntry): TimelineEntryText {
  const text = (event: string, detail = '', errors: string[] = []) => ({ event, detail, errors });
  switch (entry.kind) {
    case 'MESSAGE':
      return text(
        `${entry.type} sendt til ${ENVIRONMENT_LABELS[entry.environment]}`,
        `Melding ${entry.msgId}${entry.runNumber ? `, løpenummer ${entry.runNumber}` : ''}${entry.epjSystem ? `, ${entry.epjSystem}` : ''}`,
      );
    case 'APPREC':
      return text(
        `Apprec: ${APPREC_STATUS_LABELS[entry.status]}`,
        `Svar på ${entry.originalMsgId}`,
        entry.errors.map((error) =>
          [apprecErrorText(error.code, error.displayName), error.freeText && `– ${error.freeText}`]
            .filter(Boolean)
            .join(' '),
        ),
      );
    case 'FINDING': {
      const count = entry.count > 1 ? ` (${formatNumber(entry.count)} forekomster)` : '';
      const resolved = entry.resolvedAt ? ` Løst ${formatDateTime(entry.resolvedAt)}.` : '';
      return text(
        `Funn (${FINDING_SEVERITY_LABELS[entry.severity].toLowerCase()}): ${findingTitle(entry.code)}`,
        `${entry.message.replace(/\.$/, '')}${count}.${resolved}`,
      );
    }
    case 'EXTENSION_REQUESTED':
      return text('Søkt om utsettelse', `Ønsket frist ${formatDate(entry.requestedDeadline)}`);
    case 'EXTENSION_DECIDED':
      return text(
        `Utsettelse ${EXTENSION_STATUS_LABELS[entry.status].toLowerCase()}`,
        entry.grantedDeadline ? `Ny frist ${formatDate(entry.grantedDeadline)}` : '',
      );
    case 'RESUBMISSION_AGREED':
      return text('Avtalt ny innsending med FHI', 'Hele året sendes på nytt.');
    case 'TRANSPORT_ERROR':
      return text(
        transportErrorLabel(entry.condition),
        entry.apprecId ? `Gjelder Apprec ${entry.apprecId} (svar på ${entry.msgId})` : `Gjelder melding ${entry.msgId}`,
      );
  }
}
