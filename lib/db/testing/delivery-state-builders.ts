/**
 * Builders for the delivery-state engine's tests (lib/status/rules/*.test.ts and its benchmark):
 * the 2025 season and events with sensible defaults, so that each test case states only what
 * matters to it. Test support, not a rule: it reads the fixtures' service codes from disk.
 */
import { endOfOsloDay } from '@/lib/core/calendar';
import { SERVICE_CODES } from './domain-fixtures';
import type {
  ApprecErrorInput,
  ApprecInput,
  ApprecStatus,
  DeliveryStateInput,
  ExtensionRequestInput,
  FindingInput,
  MessageInput,
  SeasonInput,
} from '@/lib/status/rules/types';
import type { DeadlineRiskCurve } from '@/lib/status/rules/deadline-risk';

/** An instant; write the Oslo offset into the string ('2026-01-15T23:59:00+01:00'). */
export const at = (iso: string) => new Date(iso);

export const SEASON_2025: SeasonInput = {
  key: '2025',
  kind: 'ANNUAL',
  periodStart: '2025-01-01',
  periodEnd: '2025-12-31',
  opensAt: at('2026-01-01T00:00:00+01:00'),
  deadline: endOfOsloDay('2026-01-15'),
  apprecOverdueHours: 96,
  extensionAdviceWorkingDays: 5,
  extensionPendingAlertWorkingDays: 3,
};

export const SERVICES_2025: Record<string, number> = { '1': 400, '6': 250, '15': 900, '21': 120, '27': 30 };

export function ipl(msgId: string, receivedAt: string, overrides: Partial<MessageInput> = {}): MessageInput {
  return {
    msgId,
    type: 'KPR_IPL',
    environment: 'PRODUCTION',
    genDate: at(receivedAt),
    receivedAt: at(receivedAt),
    municipalityNumberAsSent: '0301',
    municipalityNumber: '0301',
    runNumber: '1',
    periodFrom: '2025-01-01',
    periodTo: '2025-12-31',
    epjSystem: 'Gerica',
    epjVersion: '9.1',
    contentSummary: {
      kind: 'KPR_IPL',
      persons: 1000,
      servicesByCode: SERVICES_2025,
      organisationNumbers: { checked: 12, invalid: 0 },
    },
    ...overrides,
  };
}

/** A KPR_IDE; like the KPR_IPL builder, it defaults to run number '1'. */
export function ide(msgId: string, receivedAt: string, overrides: Partial<MessageInput> = {}): MessageInput {
  return {
    ...ipl(msgId, receivedAt),
    type: 'KPR_IDE',
    municipalityNumberAsSent: null,
    municipalityNumber: null,
    periodFrom: null,
    periodTo: null,
    contentSummary: { kind: 'KPR_IDE', persons: 1000, testPersons: 0 },
    ...overrides,
  };
}

/** A test message to KPR Validering. */
export function testIpl(msgId: string, receivedAt: string, overrides: Partial<MessageInput> = {}): MessageInput {
  return ipl(msgId, receivedAt, { environment: 'VALIDATION', ...overrides });
}

export function apprec(
  originalMsgId: string,
  status: ApprecStatus,
  receivedAt: string,
  errors: ApprecErrorInput[] = [],
): ApprecInput {
  return {
    apprecId: `apprec-${originalMsgId}-${receivedAt}`,
    originalMsgId,
    status,
    receivedAt: at(receivedAt),
    errors,
  };
}

export const T02: ApprecErrorInput = {
  codeSystem: '2.16.578.1.12.4.1.1.8221',
  code: 'T02',
  displayName: 'Meldingen validerer ikke',
  freeText: null,
};

export function finding(
  messageMsgId: string | null,
  detectedAt: string,
  overrides: Partial<FindingInput> = {},
): FindingInput {
  return {
    id: `finding-${messageMsgId}-${detectedAt}`,
    messageMsgId,
    code: 'ORGANISATION_NUMBER_INVALID',
    severity: 'ERROR',
    message: 'Ugyldig organisasjonsnummer',
    count: 1,
    status: 'OPEN',
    detectedAt: at(detectedAt),
    resolvedAt: null,
    ...overrides,
  };
}

export function extension(
  id: string,
  requestedAt: string,
  requestedDeadline: string,
  overrides: Partial<ExtensionRequestInput> = {},
): ExtensionRequestInput {
  return {
    id,
    requestedAt: at(requestedAt),
    requestedDeadline: endOfOsloDay(requestedDeadline),
    status: 'PENDING',
    grantedDeadline: null,
    decidedAt: null,
    ...overrides,
  };
}

/**
 * A last-season curve for the tests: of ten municipalities in any position but «sent, awaiting
 * Apprec», seven missed the deadline when they stood there 5 working days or fewer before it, one
 * when they stood there earlier; of those awaiting an Apprec, one missed it whenever they stood
 * there. Those that delivered took 7 working days on average.
 */
export const LAST_SEASON_CURVE: DeadlineRiskCurve = {
  seasonKey: '2024',
  seasonName: 'KPR 2024',
  municipalities: 357,
  deliveredByDeadline: 330,
  points: (['NOT_STARTED', 'TESTING', 'REJECTED', 'AWAITING_APPREC', 'INCOMPLETE'] as const).flatMap((position) =>
    Array.from({ length: 21 }, (_, workingDaysLeft) => ({
      position,
      workingDaysLeft,
      municipalities: 10,
      deliveredByDeadline: workingDaysLeft <= 5 && position !== 'AWAITING_APPREC' ? 3 : 9,
      meanWorkingDaysToAccepted: 7,
    })),
  ),
};

export function input(events: Partial<DeliveryStateInput> = {}): DeliveryStateInput {
  return {
    deadlineRiskCurve: LAST_SEASON_CURVE,
    season: SEASON_2025,
    messages: [],
    apprecs: [],
    findings: [],
    extensionRequests: [],
    resubmissionAgreements: [],
    previousSeason: { servicesByCode: SERVICES_2025 },
    serviceCodes: SERVICE_CODES,
    ...events,
  };
}

/**
 * A complete production delivery: KPR_IPL `${name}-ipl` at `sentAt`, its KPR_IDE a minute later
 * (same run), and optionally the KPR_IPL's Apprec.
 */
export function delivery(
  name: string,
  sentAt: string,
  answer?: { status: ApprecStatus; at: string; errors?: ApprecErrorInput[] },
): Pick<DeliveryStateInput, 'messages' | 'apprecs'> {
  const sent = at(sentAt);
  const ideAt = new Date(sent.getTime() + 60_000).toISOString();
  return {
    messages: [ipl(`${name}-ipl`, sentAt, { runNumber: name }), ide(`${name}-ide`, ideAt, { runNumber: name })],
    apprecs: answer ? [apprec(`${name}-ipl`, answer.status, answer.at, answer.errors)] : [],
  };
}
