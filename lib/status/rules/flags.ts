/** The flags: what needs attention, why (with evidence) and what to do next. */
import { formatDate, formatDateTime, formatDuration } from '../../core/format';
import { workingDaysBetween } from '../../core/calendar';
import {
  hasMunicipalityNumberProblem,
  hasPeriodProblem,
  isPositive,
  municipalityNumberStatus,
  type Facts,
} from './facts';
import {
  countOf,
  describeApprecErrors,
  describeFindings,
  describePeriod,
  describeSeasonPeriod,
  uniqueCodes,
} from './texts';
import type { ApprecInput, DeliveryFlag, DeliveryState, EvidenceTime, ResubmitCause, SeasonInput } from './types';
import { HOUR_MS } from '../../core/time';

export interface DeadlineDays {
  calendarDaysLeft: number;
  workingDaysLeft: number;
}

/** States in which the municipality has a delivery that FHI accepted (possibly with errors). */
const ACCEPTED_STATES: ReadonlySet<DeliveryState> = new Set(['DELIVERED', 'ACCEPTED_WITH_ERRORS']);
/** States in which nothing usable has been sent, so an extension may be needed. */
const UNDELIVERED_STATES: ReadonlySet<DeliveryState> = new Set(['NOT_STARTED', 'TESTING', 'REJECTED', 'INCOMPLETE']);

const WHOLE_YEAR_AGAIN = 'hele året på nytt – både fagmelding (KPR_IPL) og identmelding (KPR_IDE) – med nye MsgId-er';

function mustResubmit(facts: Facts): DeliveryFlag | null {
  const { latest, input, asOf } = facts;
  if (!latest) return null;
  const { ipl, ide } = latest;
  const iplApprec = ipl ? facts.apprecOf(ipl) : null;
  const ideApprec = ide ? facts.apprecOf(ide) : null;

  const causes: ResubmitCause[] = [];
  const sentences: string[] = [];
  const msgIds = new Set<string>();
  const apprecIds: string[] = [];
  const apprecErrorCodes: string[] = [];
  const times: EvidenceTime[] = [{ label: 'Sendt', at: latest.sentAt }];
  const citeApprec = (apprec: ApprecInput, label: string) => {
    apprecIds.push(apprec.apprecId);
    apprecErrorCodes.push(...apprec.errors.map((error) => error.code));
    times.push({ label, at: apprec.receivedAt });
  };

  if (ipl && iplApprec?.status === 'REJECTED') {
    causes.push('REJECTED');
    msgIds.add(ipl.msgId);
    citeApprec(iplApprec, 'Avvist');
    sentences.push(
      `Fagmeldingen (KPR_IPL) ble avvist i Apprec ${formatDateTime(iplApprec.receivedAt)}: ${describeApprecErrors(iplApprec)}.`,
    );
  }
  if (ipl && iplApprec?.status === 'OK_WITH_ERRORS') {
    causes.push('APPREC_ERRORS');
    msgIds.add(ipl.msgId);
    citeApprec(iplApprec, 'Godtatt med feil');
    sentences.push(
      `Fagmeldingen (KPR_IPL) ble godtatt med feil i delmelding ${formatDateTime(iplApprec.receivedAt)}: ${describeApprecErrors(iplApprec)}.`,
    );
  }

  let missing: 'KPR_IPL' | 'KPR_IDE' | null = null;
  if (!ipl && ide) {
    missing = 'KPR_IPL';
    causes.push('INCOMPLETE_DELIVERY');
    msgIds.add(ide.msgId);
    sentences.push(
      `Siste leveranse har bare identmelding (KPR_IDE, mottatt ${formatDateTime(ide.receivedAt)}); fagmeldingen (KPR_IPL) mangler.`,
    );
  } else if (ide && ideApprec?.status === 'REJECTED') {
    causes.push('INCOMPLETE_DELIVERY');
    msgIds.add(ide.msgId);
    citeApprec(ideApprec, 'Identmelding avvist');
    sentences.push(
      `Identmeldingen (KPR_IDE) ble avvist i Apprec ${formatDateTime(ideApprec.receivedAt)}: ${describeApprecErrors(ideApprec)}.`,
    );
  } else if (ipl && !ide && isPositive(iplApprec)) {
    missing = 'KPR_IDE';
    causes.push('INCOMPLETE_DELIVERY');
    msgIds.add(ipl.msgId);
    sentences.push(
      'Fagmeldingen (KPR_IPL) er godtatt, men identmeldingen (KPR_IDE) for samme kjøring er ikke mottatt.',
    );
  }

  if (ipl && hasMunicipalityNumberProblem(ipl)) {
    causes.push('MUNICIPALITY_NUMBER');
    msgIds.add(ipl.msgId);
    sentences.push(
      municipalityNumberStatus(ipl) === 'UNKNOWN'
        ? `Kommunenummeret ${ipl.municipalityNumberAsSent} i fagmeldingen er ukjent.`
        : `Fagmeldingen bruker det gamle kommunenummeret ${ipl.municipalityNumberAsSent}; gyldig nummer er ${ipl.municipalityNumber}.`,
    );
  }
  if (ipl && hasPeriodProblem(ipl, input.season)) {
    causes.push('PARTIAL_PERIOD');
    msgIds.add(ipl.msgId);
    sentences.push(
      `Fagmeldingen dekker ${describePeriod(ipl.periodFrom, ipl.periodTo)}, ikke hele perioden ${describeSeasonPeriod(input.season)}.`,
    );
  }

  const errors = facts.openFindingsFor(latest).filter((finding) => finding.severity === 'ERROR');
  if (errors.length > 0) {
    causes.push('OPEN_ERRORS');
    for (const finding of errors) if (finding.messageMsgId) msgIds.add(finding.messageMsgId);
    sentences.push(`${countOf(errors.length, 'åpen feil', 'åpne feil')}: ${describeFindings(errors)}.`);
  }

  if (causes.length === 0) return null;

  // Cleared when FHI and the municipality agreed on a resend after the problem became known.
  const problemSince = Math.max(
    latest.sentAt.getTime(),
    iplApprec?.status === 'REJECTED' ? iplApprec.receivedAt.getTime() : 0,
  );
  const agreement = input.resubmissionAgreements
    .filter((note) => note.createdAt.getTime() >= problemSince && note.createdAt <= asOf)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .at(-1);
  if (agreement) times.push({ label: 'Ny innsending avtalt', at: agreement.createdAt });

  let nextStep: string;
  if (agreement) {
    nextStep = `FHI har godkjent ny innsending (avtalt ${formatDate(agreement.createdAt)}). Kommunen kan nå sende ${WHOLE_YEAR_AGAIN}.`;
  } else if (missing && causes.length === 1) {
    nextStep =
      missing === 'KPR_IDE'
        ? 'Send identmeldingen (KPR_IDE) med samme løpenummer som fagmeldingen, eller send hele leveransen på nytt.'
        : 'Send fagmeldingen (KPR_IPL) med samme løpenummer som identmeldingen, eller send hele leveransen på nytt.';
  } else if (causes.every((cause) => cause === 'REJECTED' || cause === 'INCOMPLETE_DELIVERY')) {
    nextStep = `Rett feilene Apprec viser, og send ${WHOLE_YEAR_AGAIN}. Vent på Apprec før dere sender igjen.`;
  } else {
    nextStep = `Kontakt FHI og avtal ny innsending. Rett feilene, og send ${WHOLE_YEAR_AGAIN}.`;
  }

  const findingCodes = uniqueCodes(errors);
  return {
    code: 'MUST_RESUBMIT',
    reason: sentences.join(' '),
    evidence: {
      msgIds: [...msgIds],
      ...(apprecIds.length > 0 && { apprecIds, apprecErrorCodes: [...new Set(apprecErrorCodes)] }),
      ...(findingCodes.length > 0 && { findingCodes }),
      times,
    },
    nextStep,
    causes,
    ...(agreement && { resubmissionAgreedAt: agreement.createdAt }),
  };
}

function apprecMissing(facts: Facts, state: DeliveryState): DeliveryFlag | null {
  const ipl = facts.latest?.ipl;
  if (state !== 'APPREC_OVERDUE' || !ipl) return null;
  const hours = facts.input.season.apprecOverdueHours;
  const waited = facts.asOf.getTime() - ipl.receivedAt.getTime();
  return {
    code: 'APPREC_MISSING',
    reason: `Fagmeldingen (KPR_IPL) ble mottatt ${formatDateTime(ipl.receivedAt)}. Etter ${formatDuration(waited)} har det ikke kommet Apprec (grensen er ${hours} timer).`,
    evidence: {
      msgIds: [ipl.msgId],
      times: [
        { label: 'Mottatt', at: ipl.receivedAt },
        { label: 'Apprec ventet senest', at: new Date(ipl.receivedAt.getTime() + hours * HOUR_MS) },
      ],
    },
    nextStep: `Ikke send på nytt før dette er avklart. Meld fra til FHI om at Apprec mangler for MsgId ${ipl.msgId}.`,
  };
}

function resentBeforeApprec(facts: Facts): DeliveryFlag | null {
  const [previous, latest] = facts.productionIpls.slice(-2);
  if (!previous || !latest) return null;
  const previousApprec = facts.apprecOf(previous);
  if (previousApprec && previousApprec.receivedAt <= latest.receivedAt) return null;
  const times: EvidenceTime[] = [
    { label: 'Forrige sendt', at: previous.receivedAt },
    { label: 'Ny sendt', at: latest.receivedAt },
  ];
  if (previousApprec) times.push({ label: 'Apprec for forrige', at: previousApprec.receivedAt });
  return {
    code: 'RESENT_BEFORE_APPREC',
    reason:
      `En ny fagmelding (KPR_IPL) ble sendt ${formatDateTime(latest.receivedAt)}, før Apprec for forrige fagmelding ` +
      `(sendt ${formatDateTime(previous.receivedAt)}) var kommet` +
      (previousApprec ? ` (den kom ${formatDateTime(previousApprec.receivedAt)}).` : '.'),
    evidence: {
      msgIds: [previous.msgId, latest.msgId],
      ...(previousApprec && { apprecIds: [previousApprec.apprecId] }),
      times,
    },
    nextStep: 'Vent på Apprec før dere sender igjen. Avklar med FHI hvilken innsending som skal gjelde.',
  };
}

function overdue(facts: Facts, state: DeliveryState, days: DeadlineDays): DeliveryFlag | null {
  const { asOf, effectiveDeadline, latest } = facts;
  if (asOf <= effectiveDeadline || ACCEPTED_STATES.has(state)) return null;
  // Sent in time and still waiting for its Apprec: not late (yet).
  const awaitingApprec = state === 'SENT' || state === 'APPREC_OVERDUE';
  if (awaitingApprec && latest?.ipl && latest.ipl.receivedAt <= effectiveDeadline) return null;
  return {
    code: 'OVERDUE',
    reason:
      `Fristen ${formatDateTime(effectiveDeadline)} gikk ut for ${countOf(-days.calendarDaysLeft, 'dag', 'dager')} siden, ` +
      (awaitingApprec ? 'og fagmeldingen ble sendt etter fristen.' : 'og kommunen har ingen godkjent leveranse.'),
    evidence: {
      ...(facts.grantedExtension && { extensionRequestIds: [facts.grantedExtension.id] }),
      times: [{ label: 'Frist', at: effectiveDeadline }],
    },
    nextStep: awaitingApprec
      ? 'Følg med på Apprec, og gi FHI beskjed hvis den ikke er positiv.'
      : 'Send en fullstendig leveranse (KPR_IPL og KPR_IDE) så snart som mulig, og hold FHI orientert.',
  };
}

function shouldApplyForExtension(facts: Facts, state: DeliveryState, days: DeadlineDays): DeliveryFlag | null {
  const { input, asOf, effectiveDeadline, deniedExtension } = facts;
  if (!UNDELIVERED_STATES.has(state) || facts.grantedExtension || facts.pendingExtensions.length > 0) return null;
  const passed = asOf > effectiveDeadline;
  if (!passed && days.workingDaysLeft > input.season.extensionAdviceWorkingDays) return null;

  const deadline = formatDateTime(effectiveDeadline);
  const when = passed
    ? `Fristen ${deadline} er passert`
    : days.calendarDaysLeft === 0
      ? `Fristen går ut i dag (${deadline})`
      : `Fristen ${deadline} er om ${countOf(days.workingDaysLeft, 'arbeidsdag', 'arbeidsdager')}`;
  const denied = deniedExtension
    ? ` En søknad om utsettelse ble avslått ${formatDate(deniedExtension.decidedAt ?? deniedExtension.requestedAt)}.`
    : '';
  return {
    code: 'SHOULD_APPLY_FOR_EXTENSION',
    reason: `${when}, og kommunen har ikke levert.${denied}`,
    evidence: {
      ...(deniedExtension && { extensionRequestIds: [deniedExtension.id] }),
      times: [{ label: 'Frist', at: effectiveDeadline }],
    },
    nextStep: deniedExtension
      ? 'Lever så snart som mulig. Søk om utsettelse på nytt bare med ny begrunnelse.'
      : 'Søk om utsatt frist på kommunens side i KPR-status, med begrunnelse og datoen kommunen kan levere innen.',
  };
}

/**
 * How long a pending extension request has waited at `asOf` (working days), and whether that is
 * longer than the season's alert threshold, so FHI should decide it now.
 */
export function extensionPendingWait(
  requestedAt: Date,
  asOf: Date,
  season: Pick<SeasonInput, 'extensionPendingAlertWorkingDays'>,
): { workingDays: number; needsFhiAttention: boolean } {
  const workingDays = workingDaysBetween(requestedAt, asOf);
  return { workingDays, needsFhiAttention: workingDays > season.extensionPendingAlertWorkingDays };
}

function extensionPending(facts: Facts): DeliveryFlag | null {
  const pending = facts.pendingExtensions;
  const oldest = pending[0];
  if (!oldest) return null;
  const alertDays = facts.input.season.extensionPendingAlertWorkingDays;
  const { workingDays: waited, needsFhiAttention } = extensionPendingWait(
    oldest.requestedAt,
    facts.asOf,
    facts.input.season,
  );
  const subject =
    pending.length === 1
      ? 'Søknaden om utsettelse'
      : `${countOf(pending.length, 'søknad', 'søknader')} om utsettelse venter. Den eldste`;
  return {
    code: 'EXTENSION_PENDING',
    reason:
      `${subject} (til ${formatDate(oldest.requestedDeadline)}) ble sendt ${formatDateTime(oldest.requestedAt)} ` +
      `og er ikke avgjort etter ${countOf(waited, 'arbeidsdag', 'arbeidsdager')}.`,
    evidence: {
      extensionRequestIds: pending.map((request) => request.id),
      times: [
        { label: 'Søkt', at: oldest.requestedAt },
        { label: 'Ønsket frist', at: oldest.requestedDeadline },
      ],
    },
    nextStep: needsFhiAttention
      ? `FHI bør avgjøre søknaden nå: den har ventet mer enn ${countOf(alertDays, 'arbeidsdag', 'arbeidsdager')}.`
      : 'FHI behandler søknaden. Fortsett arbeidet med leveransen i mellomtiden.',
    needsFhiAttention,
  };
}

/** Every flag that applies at `asOf`, unordered. */
export function deriveFlags(facts: Facts, state: DeliveryState, days: DeadlineDays): DeliveryFlag[] {
  return [
    mustResubmit(facts),
    apprecMissing(facts, state),
    resentBeforeApprec(facts),
    overdue(facts, state, days),
    shouldApplyForExtension(facts, state, days),
    extensionPending(facts),
  ].filter((flag) => flag !== null);
}
