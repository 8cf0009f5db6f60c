/** The flags: what needs attention, why (with evidence) and what to do next. */
import { formatDate, formatDateTime, formatDuration, formatNumber } from '../../core/format';
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
import type { Delivery } from './deliveries';
import { estimateDeadlineRisk, riskPosition, type RiskPosition } from './deadline-risk';
import { transportErrorFlag } from './transport-error-flag';
import type {
  ApprecInput,
  DeliveryFlag,
  DeliveryState,
  EvidenceTime,
  FindingInput,
  MessageInput,
  ResubmissionAgreementInput,
  ResubmitCause,
  SeasonInput,
} from './types';
import { HOUR_MS } from '../../core/time';

export interface DeadlineDays {
  calendarDaysLeft: number;
  workingDaysLeft: number;
}

const WHOLE_YEAR_AGAIN = 'hele året på nytt – både fagmelding (KPR_IPL) og identmelding (KPR_IDE) – med nye MsgId-er';

/** What the resubmit rules look at: the latest production delivery, its messages' Apprecs and its open errors. */
interface LatestDelivery {
  facts: Facts;
  delivery: Delivery;
  ipl: MessageInput | null;
  ide: MessageInput | null;
  iplApprec: ApprecInput | null;
  ideApprec: ApprecInput | null;
  /** Open findings of severity ERROR about the delivery or the season. */
  openErrors: FindingInput[];
}

/** What a rule that applies cites: its sentence of the reason and its evidence. */
interface ResubmitMatch {
  reason: string;
  msgIds: readonly string[];
  /** The Apprec it rests on, with the label of its time in the evidence. */
  apprec?: { apprec: ApprecInput; label: string };
  /** The one message the delivery lacks, when that is the problem. */
  missing?: 'KPR_IPL' | 'KPR_IDE';
  findingCodes?: readonly string[];
}

/** One reason the whole year must be sent again: its cause, and what it cites when it applies (else null). */
interface ResubmitRule {
  cause: ResubmitCause;
  match(latest: LatestDelivery): ResubmitMatch | null;
}

/**
 * Why the latest delivery must be sent again, in the order the reason lists them. The three
 * INCOMPLETE_DELIVERY rules exclude one another (KPR_IPL missing, KPR_IDE rejected, KPR_IDE missing).
 */
const RESUBMIT_RULES: readonly ResubmitRule[] = [
  {
    cause: 'REJECTED',
    match: ({ ipl, iplApprec }) =>
      ipl && iplApprec?.status === 'REJECTED'
        ? {
            reason: `Fagmeldingen (KPR_IPL) ble avvist i Apprec ${formatDateTime(iplApprec.receivedAt)}: ${describeApprecErrors(iplApprec)}.`,
            msgIds: [ipl.msgId],
            apprec: { apprec: iplApprec, label: 'Avvist' },
          }
        : null,
  },
  {
    cause: 'APPREC_ERRORS',
    match: ({ ipl, iplApprec }) =>
      ipl && iplApprec?.status === 'OK_WITH_ERRORS'
        ? {
            reason: `Fagmeldingen (KPR_IPL) ble godtatt med feil i delmelding ${formatDateTime(iplApprec.receivedAt)}: ${describeApprecErrors(iplApprec)}.`,
            msgIds: [ipl.msgId],
            apprec: { apprec: iplApprec, label: 'Godtatt med feil' },
          }
        : null,
  },
  {
    cause: 'INCOMPLETE_DELIVERY',
    match: ({ ipl, ide }) =>
      !ipl && ide
        ? {
            reason: `Siste leveranse har bare identmelding (KPR_IDE, mottatt ${formatDateTime(ide.receivedAt)}); fagmeldingen (KPR_IPL) mangler.`,
            msgIds: [ide.msgId],
            missing: 'KPR_IPL',
          }
        : null,
  },
  {
    cause: 'INCOMPLETE_DELIVERY',
    match: ({ ipl, ide, ideApprec }) =>
      ipl && ide && ideApprec?.status === 'REJECTED'
        ? {
            reason: `Identmeldingen (KPR_IDE) ble avvist i Apprec ${formatDateTime(ideApprec.receivedAt)}: ${describeApprecErrors(ideApprec)}.`,
            msgIds: [ide.msgId],
            apprec: { apprec: ideApprec, label: 'Identmelding avvist' },
          }
        : null,
  },
  {
    cause: 'INCOMPLETE_DELIVERY',
    match: ({ ipl, ide, iplApprec }) =>
      ipl && !ide && isPositive(iplApprec)
        ? {
            reason:
              'Fagmeldingen (KPR_IPL) er godtatt, men identmeldingen (KPR_IDE) for samme kjøring er ikke mottatt.',
            msgIds: [ipl.msgId],
            missing: 'KPR_IDE',
          }
        : null,
  },
  {
    cause: 'MUNICIPALITY_NUMBER',
    match: ({ ipl }) =>
      ipl && hasMunicipalityNumberProblem(ipl)
        ? {
            reason:
              municipalityNumberStatus(ipl) === 'UNKNOWN'
                ? `Kommunenummeret ${ipl.municipalityNumberAsSent} i fagmeldingen er ukjent.`
                : `Fagmeldingen bruker det gamle kommunenummeret ${ipl.municipalityNumberAsSent}; gyldig nummer er ${ipl.municipalityNumber}.`,
            msgIds: [ipl.msgId],
          }
        : null,
  },
  {
    cause: 'PARTIAL_PERIOD',
    match: ({ ipl, facts }) =>
      ipl && hasPeriodProblem(ipl, facts.input.season)
        ? {
            reason: `Fagmeldingen dekker ${describePeriod(ipl.periodFrom, ipl.periodTo)}, ikke hele perioden ${describeSeasonPeriod(facts.input.season)}.`,
            msgIds: [ipl.msgId],
          }
        : null,
  },
  {
    cause: 'OPEN_ERRORS',
    match: ({ openErrors }) =>
      openErrors.length > 0
        ? {
            reason: `${countOf(openErrors.length, 'åpen feil', 'åpne feil')}: ${describeFindings(openErrors)}.`,
            msgIds: openErrors.flatMap((finding) => (finding.messageMsgId ? [finding.messageMsgId] : [])),
            findingCodes: uniqueCodes(openErrors),
          }
        : null,
  },
];

/** What the municipality is told to do, given the causes found: the first step that applies (else AGREE_WITH_FHI). */
type ResubmitNextStep = (found: {
  causes: readonly ResubmitCause[];
  missing: 'KPR_IPL' | 'KPR_IDE' | undefined;
  agreement: ResubmissionAgreementInput | undefined;
}) => string | null;

const RESUBMIT_NEXT_STEPS: readonly ResubmitNextStep[] = [
  ({ agreement }) =>
    agreement
      ? `FHI har godkjent ny innsending (avtalt ${formatDate(agreement.createdAt)}). Kommunen kan nå sende ${WHOLE_YEAR_AGAIN}.`
      : null,
  ({ missing, causes }) =>
    missing === 'KPR_IDE' && causes.length === 1
      ? 'Send identmeldingen (KPR_IDE) med samme løpenummer som fagmeldingen, eller send hele leveransen på nytt.'
      : null,
  ({ missing, causes }) =>
    missing === 'KPR_IPL' && causes.length === 1
      ? 'Send fagmeldingen (KPR_IPL) med samme løpenummer som identmeldingen, eller send hele leveransen på nytt.'
      : null,
  ({ causes }) =>
    causes.every((cause) => cause === 'REJECTED' || cause === 'INCOMPLETE_DELIVERY')
      ? `Rett feilene Apprec viser, og send ${WHOLE_YEAR_AGAIN}. Vent på Apprec før dere sender igjen.`
      : null,
];
/** When none of RESUBMIT_NEXT_STEPS applies. */
const AGREE_WITH_FHI = `Kontakt FHI og avtal ny innsending. Rett feilene, og send ${WHOLE_YEAR_AGAIN}.`;

/**
 * The latest agreement to resend made after the problem became known (the delivery was sent, or its
 * KPR_IPL rejected) and by `asOf`: it clears the municipality to resend.
 */
function resubmissionAgreement({ facts, delivery, iplApprec }: LatestDelivery): ResubmissionAgreementInput | undefined {
  const problemSince = Math.max(
    delivery.sentAt.getTime(),
    iplApprec?.status === 'REJECTED' ? iplApprec.receivedAt.getTime() : 0,
  );
  return facts.input.resubmissionAgreements
    .filter((note) => note.createdAt.getTime() >= problemSince && note.createdAt <= facts.asOf)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .at(-1);
}

/** MUST_RESUBMIT: every rule of RESUBMIT_RULES that applies to the latest delivery, in one flag. */
function mustResubmit(facts: Facts): DeliveryFlag | null {
  const delivery = facts.latest;
  if (!delivery) return null;
  const { ipl, ide } = delivery;
  const latest: LatestDelivery = {
    facts,
    delivery,
    ipl,
    ide,
    iplApprec: ipl ? facts.apprecOf(ipl) : null,
    ideApprec: ide ? facts.apprecOf(ide) : null,
    openErrors: facts.openFindingsFor(delivery).filter((finding) => finding.severity === 'ERROR'),
  };
  const found = RESUBMIT_RULES.flatMap((rule) => {
    const match = rule.match(latest);
    return match ? [{ cause: rule.cause, ...match }] : [];
  });
  if (found.length === 0) return null;

  const causes = found.map((match) => match.cause);
  const apprecs = found.flatMap((match) => (match.apprec ? [match.apprec] : []));
  const apprecErrorCodes = apprecs.flatMap(({ apprec }) => apprec.errors.map((error) => error.code));
  const findingCodes = found.flatMap((match) => match.findingCodes ?? []);
  const agreement = resubmissionAgreement(latest);
  const missing = found.find((match) => match.missing)?.missing;
  const times: EvidenceTime[] = [
    { label: 'Sendt', at: delivery.sentAt },
    ...apprecs.map(({ apprec, label }) => ({ label, at: apprec.receivedAt })),
    ...(agreement ? [{ label: 'Ny innsending avtalt', at: agreement.createdAt }] : []),
  ];
  // A later sending on top of an accepted delivery: say what was accepted when, then what the later one lacks.
  const accepted = facts.firstAccepted && facts.firstAccepted.delivery !== delivery ? facts.firstAccepted : null;
  if (accepted) {
    times.unshift(
      { label: 'Godkjent levering sendt', at: accepted.delivery.sentAt },
      { label: 'Godkjent', at: accepted.acceptedAt },
    );
  }
  const before = accepted
    ? `Kommunen har godkjent levering: leveransen sendt ${formatDateTime(accepted.delivery.sentAt)} ble godkjent ${formatDateTime(accepted.acceptedAt)}. ` +
      `Den senere sendingen ${formatDateTime(delivery.sentAt)} gjelder nå, og den har feil: `
    : '';
  return {
    code: 'MUST_RESUBMIT',
    reason: before + found.map((match) => match.reason).join(' '),
    evidence: {
      msgIds: [...new Set(found.flatMap((match) => match.msgIds))],
      ...(apprecs.length > 0 && {
        apprecIds: apprecs.map(({ apprec }) => apprec.apprecId),
        apprecErrorCodes: [...new Set(apprecErrorCodes)],
      }),
      ...(findingCodes.length > 0 && { findingCodes }),
      times,
    },
    nextStep:
      RESUBMIT_NEXT_STEPS.map((step) => step({ causes, missing, agreement })).find((step) => step !== null) ??
      AGREE_WITH_FHI,
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

/**
 * OVERDUE («Forsinket»): the effective deadline has passed and the municipality has no accepted
 * delivery; a KPR_IPL sent by the deadline that still waits for its Apprec is not late (yet). A
 * municipality with an accepted delivery is never overdue, whatever it sent later: MUST_RESUBMIT
 * says what the later sending lacks.
 */
function overdue(facts: Facts, state: DeliveryState): DeliveryFlag | null {
  const { asOf, effectiveDeadline, latest } = facts;
  if (asOf <= effectiveDeadline || facts.firstAccepted) return null;
  const awaitingApprec = state === 'SENT' || state === 'APPREC_OVERDUE';
  if (awaitingApprec && latest?.ipl && latest.ipl.receivedAt <= effectiveDeadline) return null;
  return {
    code: 'OVERDUE',
    reason:
      // The date, not a count of days since: a count that grows by the day reads as live long after the season.
      `Fristen ${formatDateTime(effectiveDeadline)} er passert, ` +
      (awaitingApprec
        ? 'og fagmeldingen ble sendt etter fristen; den venter på Apprec.'
        : 'og kommunen har ingen godkjent levering.'),
    evidence: {
      ...(facts.grantedExtension && { extensionRequestIds: [facts.grantedExtension.id] }),
      times: [{ label: 'Frist', at: effectiveDeadline }],
    },
    nextStep: awaitingApprec
      ? 'Følg med på Apprec, og gi FHI beskjed hvis den ikke er positiv.'
      : 'Send en fullstendig leveranse (KPR_IPL og KPR_IDE) så snart som mulig, og hold FHI orientert.',
  };
}

/** How last season's municipalities in a position are named in the estimate's sentence. */
const POSITION_PHRASES: Record<RiskPosition, string> = {
  NOT_STARTED: 'ikke hadde startet',
  TESTING: 'fortsatt testet',
  REJECTED: 'hadde fått leveransen avvist',
  AWAITING_APPREC: 'hadde sendt uten å ha fått Apprec',
  INCOMPLETE: 'hadde en ufullstendig leveranse',
};

const oneDecimal = (value: number) => formatNumber(Math.round(value * 10) / 10);

/**
 * SHOULD_APPLY_FOR_EXTENSION: raised by the deadline-risk estimate, not by «not delivered yet».
 * Before the effective deadline, for a municipality without an accepted delivery and without an
 * extension granted or pending: last season's municipalities in the same position with as many
 * working days left (DeadlineRiskCurve) mostly did not deliver by the deadline. Never after the
 * deadline: then OVERDUE is raised.
 */
function shouldApplyForExtension(facts: Facts, state: DeliveryState, days: DeadlineDays): DeliveryFlag | null {
  const { input, asOf, effectiveDeadline, deniedExtension } = facts;
  const position = riskPosition(state);
  if (!position || facts.firstAccepted || facts.grantedExtension || facts.pendingExtensions.length > 0) return null;
  if (asOf > effectiveDeadline) return null;
  const estimate = estimateDeadlineRisk(
    input.deadlineRiskCurve,
    position,
    days.workingDaysLeft,
    facts.rules.deadlineRisk,
  );
  if (!estimate || estimate.missedShare < facts.rules.deadlineRisk.missedShare) return null;

  const { point } = estimate;
  const deadline = formatDateTime(effectiveDeadline);
  const when =
    days.calendarDaysLeft === 0
      ? `Fristen går ut i dag (${deadline}).`
      : `Fristen ${deadline} er om ${countOf(days.workingDaysLeft, 'arbeidsdag', 'arbeidsdager')}.`;
  const daysBefore =
    point.workingDaysLeft === 0
      ? 'på fristdagen'
      : `${countOf(point.workingDaysLeft, 'arbeidsdag', 'arbeidsdager')} før fristen`;
  const lastSeason =
    `I fjor (${input.deadlineRiskCurve!.seasonName}) rakk ${formatNumber(point.deliveredByDeadline)} av ` +
    `${countOf(point.municipalities, 'kommune', 'kommuner')} som ${POSITION_PHRASES[position]} ${daysBefore}, ` +
    'å få godkjent levering innen fristen' +
    (point.meanWorkingDaysToAccepted === null
      ? '.'
      : `; de som fikk godkjent levering, brukte i snitt ${oneDecimal(point.meanWorkingDaysToAccepted)} arbeidsdager på det.`);
  const denied = deniedExtension
    ? ` En søknad om utsettelse ble avslått ${formatDate(deniedExtension.decidedAt ?? deniedExtension.requestedAt)}.`
    : '';
  return {
    code: 'SHOULD_APPLY_FOR_EXTENSION',
    reason: `${when} ${lastSeason}${denied}`,
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
    overdue(facts, state),
    shouldApplyForExtension(facts, state, days),
    extensionPending(facts),
    transportErrorFlag(facts),
  ].filter((flag) => flag !== null);
}
