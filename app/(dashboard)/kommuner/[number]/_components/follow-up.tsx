import { Alert, Button, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import NextLink from 'next/link';
import { ExtensionRequestFacts, ExtensionStatusTag } from '@/components/status/extension-request';
import { PageSection } from '@/components/status/page-section';
import { Confirmation } from '@/components/ui/confirmation';
import { ROLE_SIDE_LABELS } from '@/lib/access/labels';
import type { MunicipalityExtensionsSummary } from '@/lib/follow-up/rules/extension-requests';
import { NOTE_MAX_LENGTH, type MunicipalityNotesSummary } from '@/lib/follow-up/rules/notes';
import type { MunicipalityReminderRow } from '@/lib/reminders/rules/reminder-log';
import { formatDate, formatDateTime, formatIsoDate } from '@/lib/core/format';
import { EXTENSION_CHANGED_MESSAGES, EXTENSION_CLOSED_MESSAGES } from '@/lib/follow-up/labels';
import { withdrawExtensionAction } from '../actions';
import { ExtensionRequestForm } from './extension-request-form';
import { NoteForm } from './note-form';
import { RemindersSection } from './reminders-section';
import styles from './follow-up.module.css';

/** What a replayed page says instead of its follow-up: it shows the past and offers no actions. */
export function ReplayNotice() {
  return (
    <Alert data-color="info" role="status">
      <strong>Du ser et tilbakeblikk.</strong> Siden viser statusen slik den var på den valgte datoen, og har ingen
      handlinger. Fristsøknader, notater og påminnelser ser du på siden slik den er nå.
    </Alert>
  );
}

/** Why the contact cannot apply now, when that is not because a request is pending. */
function ApplicationClosed({ extensions }: { extensions: MunicipalityExtensionsSummary }) {
  if (!extensions.closedReason) return null;
  return (
    <Paragraph data-size="sm">
      {EXTENSION_CLOSED_MESSAGES[extensions.closedReason](formatIsoDate(extensions.lastApplicationDay))}
    </Paragraph>
  );
}

/**
 * What the contact just did (`changed`, from the URL), said while the request is so: sent (still
 * pending) or withdrawn; or, when FHI decided it before the contact's withdrawal reached us, that it
 * could not be withdrawn (a warning).
 */
function changedMessage(
  extensions: MunicipalityExtensionsSummary,
  changed: ExtensionChange,
): { text: string; color: 'success' | 'warning' } | null {
  const sent = extensions.requests.find((request) => request.id === changed.soknad && request.status === 'PENDING');
  if (sent) return { text: EXTENSION_CHANGED_MESSAGES.requested(formatDate(sent.requestedDeadline)), color: 'success' };
  const status = extensions.requests.find((request) => request.id === changed.trukket)?.status;
  if (status === 'WITHDRAWN') return { text: EXTENSION_CHANGED_MESSAGES.withdrawn, color: 'success' };
  if (status === 'GRANTED' || status === 'DENIED')
    return { text: EXTENSION_CHANGED_MESSAGES.notWithdrawn(status), color: 'warning' };
  return null;
}

function Extensions({
  number,
  extensions,
  changed,
}: {
  number: string;
  extensions: MunicipalityExtensionsSummary;
  changed: ExtensionChange;
}) {
  const message = changedMessage(extensions, changed);
  return (
    <PageSection id="utsettelse" title="Søknad om utsatt frist">
      <Confirmation color={message?.color}>{message?.text}</Confirmation>
      <Paragraph>
        Gjeldende frist: <strong>{formatDateTime(extensions.effectiveDeadline)}</strong>.
      </Paragraph>
      {extensions.requests.length === 0 ? (
        <Paragraph>Kommunen har ikke søkt om utsettelse for {extensions.season.name}.</Paragraph>
      ) : (
        <ol className={styles.items} aria-label="Søknader, nyeste først">
          {extensions.requests.map((request) => (
            <li key={request.id} className={styles.item}>
              <Heading level={3} data-size="2xs">
                Søknad sendt {formatDate(request.requestedAt)} <ExtensionStatusTag status={request.status} />
              </Heading>
              <ExtensionRequestFacts request={request} />
              {request.status === 'PENDING' && extensions.canWithdraw && (
                <form action={withdrawExtensionAction}>
                  <input type="hidden" name="id" value={request.id} />
                  <input type="hidden" name="number" value={number} />
                  <input type="hidden" name="season" value={extensions.season.key} />
                  <Button type="submit" variant="secondary" data-size="sm">
                    Trekk søknaden
                  </Button>
                </form>
              )}
              {request.status === 'PENDING' && extensions.canDecide && (
                <Paragraph data-size="sm">
                  <Link asChild>
                    <NextLink href={{ pathname: '/fristsoknader', hash: `soknad-${request.id}` }}>
                      Avgjør søknaden under Fristsøknader
                    </NextLink>
                  </Link>
                </Paragraph>
              )}
            </li>
          ))}
        </ol>
      )}
      {extensions.canApply ? (
        <ExtensionRequestForm number={number} season={extensions.season.key} dateBounds={extensions.dateBounds} />
      ) : (
        <ApplicationClosed extensions={extensions} />
      )}
    </PageSection>
  );
}

function Notes({ number, notes }: { number: string; notes: MunicipalityNotesSummary }) {
  return (
    <PageSection id="notater" title="Oppfølging og notater">
      {notes.notes.length === 0 ? (
        <Paragraph>Ingen notater for {notes.season.name} ennå.</Paragraph>
      ) : (
        <ol className={styles.items} aria-label="Notater, nyeste først">
          {notes.notes.map((note) => (
            <li key={note.id} className={styles.item}>
              <p className={styles.meta}>
                <strong>{note.authorName ?? 'Ukjent forfatter'}</strong>
                {note.authorRole ? ` (${ROLE_SIDE_LABELS[note.authorRole]})` : ''},{' '}
                <time dateTime={note.createdAt.toISOString()}>{formatDateTime(note.createdAt)}</time>{' '}
                {note.kind === 'RESUBMISSION_AGREED' && (
                  <Tag data-color="success" data-size="sm">
                    Ny innsending avtalt
                  </Tag>
                )}
              </p>
              <p className={styles.text}>{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      <NoteForm
        number={number}
        season={notes.season.key}
        canAgreeResubmission={notes.canAgreeResubmission}
        maxLength={NOTE_MAX_LENGTH}
      />
    </PageSection>
  );
}

/** A request the contact just sent (`soknad`) or asked to withdraw (`trukket`): its id. */
export interface ExtensionChange {
  soknad?: string;
  trukket?: string;
}

/** The follow-up of a municipality: extension requests, the notes thread and the reminders sent. */
export function FollowUp({
  number,
  extensions,
  notes,
  reminders,
  fhi,
  changed = {},
}: {
  number: string;
  extensions: MunicipalityExtensionsSummary;
  notes: MunicipalityNotesSummary;
  reminders: readonly MunicipalityReminderRow[];
  fhi: boolean;
  /** A request the contact just sent or withdrew (the page's URL, where the action sent them). */
  changed?: ExtensionChange;
}) {
  return (
    <>
      <Extensions number={number} extensions={extensions} changed={changed} />
      <Notes number={number} notes={notes} />
      <RemindersSection reminders={reminders} fhi={fhi} />
    </>
  );
}
