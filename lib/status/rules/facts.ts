/**
 * The facts about one municipality's season as they stood at `asOf`, collected once per derivation
 * and shared by the state, the flags, the figures and the checklist. Only events that had happened
 * by `asOf` count: a message or Apprec received later, a finding resolved later or an extension
 * decided later are seen as they were at `asOf`.
 */
import { byReceivedAt, pairDeliveries, type Delivery } from './deliveries';
import type { DeliveryRules } from './rules';
import type {
  ApprecInput,
  DeliveryStateInput,
  ExtensionRequestInput,
  FindingInput,
  MessageInput,
  SeasonInput,
} from './types';
import { HOUR_MS } from '../../core/time';

export interface AcceptedDelivery {
  delivery: Delivery;
  /** The later of the KPR_IPL's positive Apprec and the KPR_IDE's arrival. */
  acceptedAt: Date;
}

export interface Facts {
  input: DeliveryStateInput;
  asOf: Date;
  rules: DeliveryRules;
  /** Production deliveries, oldest first. */
  production: Delivery[];
  /** KPR Validering (test) deliveries, oldest first. */
  validation: Delivery[];
  /** The latest production delivery: the one that counts. */
  latest: Delivery | null;
  /** Production KPR_IPLs in the order received, superseded resends included. */
  productionIpls: MessageInput[];
  /** The latest production message of either type. */
  latestProductionMessage: MessageInput | null;
  latestTestIpl: MessageInput | null;
  /** The latest test KPR_IPL that has an Apprec. */
  latestAnsweredTestIpl: MessageInput | null;
  firstAccepted: AcceptedDelivery | null;
  effectiveDeadline: Date;
  /** The latest extension granted by `asOf`, if any. */
  grantedExtension: ExtensionRequestInput | null;
  /** Requests made but not decided by `asOf`, oldest first. */
  pendingExtensions: ExtensionRequestInput[];
  /** The latest request denied by `asOf`. */
  deniedExtension: ExtensionRequestInput | null;
  /** The message's Apprec received by `asOf` (the first one if several: an Apprec is final). */
  apprecOf(message: MessageInput): ApprecInput | null;
  /** Findings open at `asOf` about these messages or about the season as a whole. */
  openFindingsFor(delivery: Delivery | null): FindingInput[];
  /** Whether the message has waited longer than the season's Apprec threshold, in plain elapsed hours. */
  isApprecOverdue(message: MessageInput): boolean;
}

/** A positive Apprec: OK, or "OK, feil i delmelding". */
export function isPositive(apprec: ApprecInput | null): boolean {
  return apprec !== null && apprec.status !== 'REJECTED';
}

/**
 * The KPR_IPL's municipality number (iiKomnr): valid, an old (pre-2024) number that resolved to
 * another, unknown (resolved to nothing), or not read at all.
 */
export type MunicipalityNumberStatus = 'VALID' | 'RENUMBERED' | 'UNKNOWN' | 'NOT_READ';

export function municipalityNumberStatus(ipl: MessageInput): MunicipalityNumberStatus {
  const asSent = ipl.municipalityNumberAsSent?.trim();
  if (!asSent) return 'NOT_READ';
  if (ipl.municipalityNumber === null) return 'UNKNOWN';
  return asSent === ipl.municipalityNumber ? 'VALID' : 'RENUMBERED';
}

/** The KPR_IPL carries an old or unknown municipality number: it must be resent. */
export function hasMunicipalityNumberProblem(ipl: MessageInput): boolean {
  const status = municipalityNumberStatus(ipl);
  return status === 'RENUMBERED' || status === 'UNKNOWN';
}

/** The KPR_IPL's period is known and is not exactly the season's (a part of the year, or another year). */
export function hasPeriodProblem(
  ipl: MessageInput,
  season: SeasonInput,
): ipl is MessageInput & { periodFrom: string; periodTo: string } {
  return (
    ipl.periodFrom !== null &&
    ipl.periodTo !== null &&
    (ipl.periodFrom !== season.periodStart || ipl.periodTo !== season.periodEnd)
  );
}

/** A decision counts from `decidedAt`; a decision without a time is taken as made when requested. */
function decisionTime(request: ExtensionRequestInput): number {
  return (request.decidedAt ?? request.requestedAt).getTime();
}

/**
 * An open finding at `asOf`: detected by then and not resolved by then. A finding marked resolved
 * without a time is taken as resolved.
 */
function isOpenAt(finding: FindingInput, asOfTime: number): boolean {
  if (finding.detectedAt.getTime() > asOfTime) return false;
  if (finding.status === 'OPEN') return true;
  return finding.resolvedAt !== null && finding.resolvedAt.getTime() > asOfTime;
}

// Instants are compared as numbers throughout: this runs for every municipality on every page.
export function collectFacts(input: DeliveryStateInput, asOf: Date, rules: DeliveryRules): Facts {
  const asOfTime = asOf.getTime();

  const apprecByMsgId = new Map<string, ApprecInput>();
  for (const apprec of input.apprecs) {
    const time = apprec.receivedAt.getTime();
    if (time > asOfTime) continue;
    const known = apprecByMsgId.get(apprec.originalMsgId);
    if (!known || time < known.receivedAt.getTime()) apprecByMsgId.set(apprec.originalMsgId, apprec);
  }
  const apprecOf = (message: MessageInput) => apprecByMsgId.get(message.msgId) ?? null;

  const productionMessages: MessageInput[] = [];
  const validationMessages: MessageInput[] = [];
  for (const message of input.messages) {
    if (message.receivedAt.getTime() > asOfTime) continue;
    (message.environment === 'PRODUCTION' ? productionMessages : validationMessages).push(message);
  }
  productionMessages.sort(byReceivedAt);
  validationMessages.sort(byReceivedAt);
  const production = pairDeliveries(productionMessages, rules.pairingWindowHours);
  const validation = pairDeliveries(validationMessages, rules.pairingWindowHours);
  const testIpls = validationMessages.filter((message) => message.type === 'KPR_IPL');

  let firstAccepted: AcceptedDelivery | null = null;
  for (const delivery of production) {
    const iplApprec = delivery.ipl ? apprecOf(delivery.ipl) : null;
    if (!iplApprec || !isPositive(iplApprec) || !delivery.ide || apprecOf(delivery.ide)?.status === 'REJECTED')
      continue;
    const acceptedAt = Math.max(iplApprec.receivedAt.getTime(), delivery.ide.receivedAt.getTime());
    if (!firstAccepted || acceptedAt < firstAccepted.acceptedAt.getTime()) {
      firstAccepted = { delivery, acceptedAt: new Date(acceptedAt) };
    }
  }

  let grantedExtension: ExtensionRequestInput | null = null;
  let deniedExtension: ExtensionRequestInput | null = null;
  const pendingExtensions: ExtensionRequestInput[] = [];
  for (const request of input.extensionRequests) {
    if (request.requestedAt.getTime() > asOfTime) continue;
    if (request.status === 'PENDING' || decisionTime(request) > asOfTime) pendingExtensions.push(request);
    else if (
      request.status === 'GRANTED' &&
      (!grantedExtension || decisionTime(request) >= decisionTime(grantedExtension))
    ) {
      grantedExtension = request;
    } else if (
      request.status === 'DENIED' &&
      (!deniedExtension || decisionTime(request) >= decisionTime(deniedExtension))
    ) {
      deniedExtension = request;
    }
  }
  pendingExtensions.sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime());
  const grantedDeadline = grantedExtension
    ? (grantedExtension.grantedDeadline ?? grantedExtension.requestedDeadline)
    : null;
  // An extension never shortens the season deadline.
  const effectiveDeadline =
    grantedDeadline && grantedDeadline.getTime() > input.season.deadline.getTime()
      ? grantedDeadline
      : input.season.deadline;

  const overdueMs = input.season.apprecOverdueHours * HOUR_MS;
  const findings = input.findings.filter((finding) => isOpenAt(finding, asOfTime));

  return {
    input,
    asOf,
    rules,
    production,
    validation,
    latest: production.at(-1) ?? null,
    productionIpls: productionMessages.filter((message) => message.type === 'KPR_IPL'),
    latestProductionMessage: productionMessages.at(-1) ?? null,
    latestTestIpl: testIpls.at(-1) ?? null,
    latestAnsweredTestIpl: testIpls.findLast((message) => apprecOf(message) !== null) ?? null,
    firstAccepted,
    effectiveDeadline,
    grantedExtension,
    pendingExtensions,
    deniedExtension,
    apprecOf,
    openFindingsFor(delivery) {
      if (findings.length === 0) return findings;
      const iplId = delivery?.ipl?.msgId;
      const ideId = delivery?.ide?.msgId;
      return findings.filter(
        (finding) => finding.messageMsgId === null || finding.messageMsgId === iplId || finding.messageMsgId === ideId,
      );
    },
    isApprecOverdue(message) {
      return asOfTime - message.receivedAt.getTime() > overdueMs && apprecOf(message) === null;
    },
  };
}
