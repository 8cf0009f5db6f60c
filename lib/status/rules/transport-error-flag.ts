/**
 * The TRANSPORT_ERROR flag: an `_error` queue reported a transport error (NHN's bus or the receiver
 * could not deliver, open or trust it) about the message that counts now: the latest production
 * delivery's KPR_IPL or KPR_IDE, or the latest test KPR_IPL while nothing has gone to production;
 * or about FHI's Apprec on it. It clears when a newer delivery replaces the message, or when the
 * message gets its Apprec after the error (it arrived after all).
 */
import { formatDateTime } from '../../core/format';
import { transportErrorLabel } from '../../transport/labels';
import type { Facts } from './facts';
import type { DeliveryFlag, MessageInput, TransportErrorInput } from './types';

const MESSAGE_NAMES: Record<MessageInput['type'], string> = {
  KPR_IPL: 'fagmeldingen (KPR_IPL)',
  KPR_IDE: 'identmeldingen (KPR_IDE)',
};

function currentMessages(facts: Facts): MessageInput[] {
  if (facts.latest) return [facts.latest.ipl, facts.latest.ide].filter((message) => message !== null);
  return facts.latestTestIpl ? [facts.latestTestIpl] : [];
}

function nextStep(errors: readonly TransportErrorInput[]): string {
  if (errors.some((error) => error.condition === 'abuse:spoofing-attack'))
    return 'FHI bør undersøke saken med kommunen og NHN: meldingen kan være sendt av noen andre enn kommunen.';
  if (errors.some((error) => !error.concernsApprec && /^transport:.*-certificate$/.test(error.condition)))
    return 'Kommunen og leverandøren av fagsystemet må rette eller fornye virksomhetssertifikatet, og så sende leveransen på nytt.';
  if (errors.every((error) => error.concernsApprec))
    return 'FHIs Apprec kom ikke fram til kommunen: avklar mottaket med kommunen og leverandøren, og gi kommunen svaret på annen måte.';
  return 'Meldingen kom ikke fram som den skulle: kommunen og leverandøren må rette feilen og sende leveransen på nytt.';
}

export function transportErrorFlag(facts: Facts): DeliveryFlag | null {
  const asOfTime = facts.asOf.getTime();
  const current = new Map(currentMessages(facts).map((message) => [message.msgId, message]));
  const errors = (facts.input.transportErrors ?? [])
    .filter((error) => {
      const message = current.get(error.msgId);
      if (!message || error.receivedAt.getTime() > asOfTime) return false;
      if (error.concernsApprec) return true;
      const apprec = facts.apprecOf(message);
      return !apprec || apprec.receivedAt.getTime() < error.receivedAt.getTime();
    })
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  if (errors.length === 0) return null;
  const sentences = errors.map((error) => {
    const message = current.get(error.msgId)!;
    const about = error.concernsApprec
      ? `gjelder FHIs Apprec på ${MESSAGE_NAMES[message.type]}`
      : `gjelder ${MESSAGE_NAMES[message.type]}`;
    return `${transportErrorLabel(error.condition)} (${about}, meldt ${formatDateTime(error.receivedAt)})`;
  });
  return {
    code: 'TRANSPORT_ERROR',
    reason: `Feilkøen meldte ${errors.length === 1 ? 'en transportfeil' : `${errors.length} transportfeil`}: ${sentences.join('; ')}.`,
    evidence: {
      msgIds: [...new Set(errors.map((error) => error.msgId))],
      transportErrorIds: errors.map((error) => error.id),
      times: errors.map((error) => ({ label: 'Transportfeil meldt', at: error.receivedAt })),
    },
    nextStep: nextStep(errors),
  };
}
