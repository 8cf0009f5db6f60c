/**
 * The delivery state of one municipality in one season as it stood at `asOf`: derived from events,
 * never stored. Pure: the same input and `asOf` always give the same result.
 */
import { calendarDaysLeft, workingDaysLeft } from '../../core/calendar';
import { deriveChecklist } from './checklist';
import { collectFacts, hasMunicipalityNumberProblem, hasPeriodProblem, type Facts } from './facts';
import { deriveFlags } from './flags';
import { DEFAULT_DELIVERY_RULES, type DeliveryRules } from './rules';
import { compareFlagsByUrgency } from './urgency';
import type {
  DeliveryFigures,
  DeliveryState,
  DeliveryStateInput,
  DeliveryStateResult,
  MessageInput,
  MessageSummary,
} from './types';

/**
 * The latest production delivery decides:
 * - none: TESTING if anything went to KPR Validering, else NOT_STARTED;
 * - no KPR_IPL in it: INCOMPLETE;
 * - KPR_IPL without Apprec: SENT, or APPREC_OVERDUE after the season's threshold (elapsed hours);
 * - KPR_IPL Avvist: REJECTED;
 * - KPR_IPL positive but KPR_IDE missing or Avvist: INCOMPLETE (a KPR_IDE without an Apprec is
 *   taken as present: whether it gets one is not public);
 * - positive, but with "feil i delmelding", an old or unknown municipality number, a period other
 *   than the season's, or open error-level findings: ACCEPTED_WITH_ERRORS;
 * - otherwise DELIVERED.
 */
function stateOf(facts: Facts): DeliveryState {
  const { latest } = facts;
  if (!latest) return facts.validation.length > 0 ? 'TESTING' : 'NOT_STARTED';
  if (!latest.ipl) return 'INCOMPLETE';
  const iplApprec = facts.apprecOf(latest.ipl);
  if (!iplApprec) return facts.isApprecOverdue(latest.ipl) ? 'APPREC_OVERDUE' : 'SENT';
  if (iplApprec.status === 'REJECTED') return 'REJECTED';
  if (!latest.ide || facts.apprecOf(latest.ide)?.status === 'REJECTED') return 'INCOMPLETE';
  const hasErrors =
    iplApprec.status === 'OK_WITH_ERRORS' ||
    hasMunicipalityNumberProblem(latest.ipl) ||
    hasPeriodProblem(latest.ipl, facts.input.season) ||
    facts.openFindingsFor(latest).some((finding) => finding.severity === 'ERROR');
  return hasErrors ? 'ACCEPTED_WITH_ERRORS' : 'DELIVERED';
}

function summarise(facts: Facts, message: MessageInput | null): MessageSummary | null {
  if (!message) return null;
  const apprec = facts.apprecOf(message);
  return {
    msgId: message.msgId,
    type: message.type,
    receivedAt: message.receivedAt,
    runNumber: message.runNumber,
    apprec: apprec && {
      apprecId: apprec.apprecId,
      status: apprec.status,
      receivedAt: apprec.receivedAt,
      errorCodes: apprec.errors.map((error) => error.code),
    },
  };
}

function figuresOf(facts: Facts): DeliveryFigures {
  const { asOf, effectiveDeadline, firstAccepted, input } = facts;
  return {
    effectiveDeadline,
    extensionGranted: facts.grantedExtension !== null,
    calendarDaysLeft: calendarDaysLeft(asOf, effectiveDeadline),
    workingDaysLeft: workingDaysLeft(asOf, effectiveDeadline),
    deliveredOnTime: firstAccepted ? firstAccepted.delivery.sentAt <= effectiveDeadline : null,
    firstAcceptedAt: firstAccepted?.acceptedAt ?? null,
    firstAcceptedSentAt: firstAccepted?.delivery.sentAt ?? null,
    timeToFirstAcceptedDeliveryMs: firstAccepted
      ? Math.max(0, firstAccepted.acceptedAt.getTime() - input.season.opensAt.getTime())
      : null,
    productionDeliveries: facts.production.length,
    latestProductionMessage: summarise(facts, facts.latestProductionMessage),
    latestTestIpl: summarise(facts, facts.latestTestIpl),
  };
}

/**
 * Derives the state, flags (most urgent first), deadline figures and readiness checklist of one
 * municipality's season from its events up to and including `asOf`.
 */
export function deriveDeliveryState(
  input: DeliveryStateInput,
  asOf: Date,
  rules: DeliveryRules = DEFAULT_DELIVERY_RULES,
): DeliveryStateResult {
  const facts = collectFacts(input, asOf, rules);
  const state = stateOf(facts);
  const figures = figuresOf(facts);
  const flags = deriveFlags(facts, state, figures).sort(compareFlagsByUrgency);
  return { state, flags, figures, checklist: deriveChecklist(facts) };
}
