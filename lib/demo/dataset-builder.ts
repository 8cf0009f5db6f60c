/**
 * Turns the stories' events into rows, the way the ingest API and the follow-up screens would have
 * written them, and applies the story clock: an event after `now` has not happened yet, so it is
 * left out (a resolution or a decision still to come leaves its finding open or its request pending).
 */
import type { ApprecStatus, Environment, FindingStatus, NoteKind } from '@/lib/db/generated/enums';
import type { MunicipalityReference, SeasonPeriod } from '@/lib/ingest/rules/checks';
import type { DeliveryContent, FindingSpec } from './content';
import type {
  DemoApprec,
  DemoDataset,
  DemoExtensionRequest,
  DemoMessage,
  DemoReference,
  ReferenceSeason,
} from './model';
import type { EpjInstallation, MunicipalityProfile } from './municipality-profile';
import { addMilliseconds, dateOfDay, type Day } from './oslo-time';
import { MINUTE_MS } from '@/lib/core/time';
import type { Random } from './random';

/** OID of the general Apprec error list (Volven 8221). */
export const APPREC_ERROR_CODE_SYSTEM = '2.16.578.1.12.4.1.1.8221';

/** What a season's story is told with. */
export interface SeasonContext {
  seed: number;
  reference: DemoReference;
  builder: DatasetBuilder;
  season: ReferenceSeason;
  profiles: ReadonlyMap<string, MunicipalityProfile>;
  welfareCodes: ReadonlySet<number>;
  /** The season's data period, for the ingest checks. */
  seasonPeriod: SeasonPeriod;
  /** The municipality numbers valid for the season's data year, for the ingest checks. */
  municipalityReference: MunicipalityReference;
  /** The daily season at the benchmark's scale (DemoOptions.dailyEveryNight). */
  dailyEveryNight: boolean;
  /** The last annual season: the one whose reception the demo tells as going on (its January has an EPJ vendor's wave). */
  latestAnnual: boolean;
}

export interface ApprecPlan {
  /** From the message's arrival to the Apprec's GenDate. */
  delayMs: number;
  status: ApprecStatus;
  errors: readonly { code: string; freeText: string | null }[];
}

export interface DeliveryPlan {
  environment: Environment;
  /** GenDate of the KPR_IPL. */
  sentAt: Date;
  /** How long after the KPR_IPL the KPR_IDE is sent; null when it never is. */
  ideDelayMs: number | null;
  /** null: no Apprec ever comes. */
  iplApprec: ApprecPlan | null;
  ideApprec: ApprecPlan | null;
  municipalityNumberAsSent: string;
  /** The municipality the number resolves to; null when it resolves to none. */
  municipalityNumber: string | null;
  epj: EpjInstallation;
  periodFrom: Day;
  periodTo: Day;
  runNumber: string;
  content: DeliveryContent;
}

export interface SentDelivery {
  ipl: DemoMessage;
  ide: DemoMessage | null;
}

function compactTimestamp(at: Date): string {
  return at.toISOString().replace(/\D/g, '').slice(0, 14);
}

export class DatasetBuilder {
  readonly dataset: DemoDataset;
  private readonly productionHerId: number;
  private readonly validationHerId: number;
  private readonly errorNames: ReadonlyMap<string, string>;

  constructor(reference: DemoReference, now: Date) {
    this.dataset = {
      now,
      seasons: [],
      messages: [],
      apprecs: [],
      apprecErrors: [],
      findings: [],
      extensionRequests: [],
      notes: [],
    };
    this.productionHerId = levelTwoHerId(reference, 'PRODUCTION');
    this.validationHerId = levelTwoHerId(reference, 'VALIDATION');
    this.errorNames = new Map(reference.apprecErrorCodes.map((entry) => [entry.code, entry.name]));
    this.clock = now;
  }

  /** The clock of the story being told: the dataset's, or a season's own (the daily season runs to its own today). */
  clock: Date;

  private happened(at: Date): boolean {
    return at.getTime() <= this.clock.getTime();
  }

  /** Sends the two messages of a delivery and the Apprecs that answer them. */
  send(random: Random, profile: MunicipalityProfile, seasonId: string, plan: DeliveryPlan): SentDelivery {
    const ipl = this.message(random, profile, seasonId, plan, 'KPR_IPL', plan.sentAt);
    if (plan.iplApprec) this.apprec(random, ipl, plan.iplApprec);
    let ide: DemoMessage | null = null;
    if (plan.ideDelayMs !== null) {
      ide = this.message(random, profile, seasonId, plan, 'KPR_IDE', addMilliseconds(plan.sentAt, plan.ideDelayMs));
      if (plan.ideApprec) this.apprec(random, ide, plan.ideApprec);
    }
    return { ipl, ide };
  }

  private message(
    random: Random,
    profile: MunicipalityProfile,
    seasonId: string,
    plan: DeliveryPlan,
    type: DemoMessage['type'],
    genDate: Date,
  ): DemoMessage {
    const transitMs = profile.transport === 'EDI' ? random.int(60_000, 20 * MINUTE_MS) : random.int(2_000, 90_000);
    const receivedAt = addMilliseconds(genDate, transitMs);
    const production = plan.environment === 'PRODUCTION';
    const row: DemoMessage = {
      id: random.uuidV7(receivedAt),
      msgId: this.msgId(random, profile, plan.epj, genDate),
      type,
      seasonId,
      genDate,
      receivedAt,
      transport: profile.transport,
      senderHerId: profile.herId,
      senderOrgNumber: profile.orgNumber,
      senderName: `${profile.name} kommune`,
      receiverHerId: production ? this.productionHerId : this.validationHerId,
      environment: plan.environment,
      processingStatus: production
        ? random.weighted([
            ['P', 97],
            [null, 3],
          ])
        : random.weighted([
            ['P', 50],
            ['D', 35],
            ['T', 10],
            [null, 5],
          ]),
      municipalityNumberAsSent: plan.municipalityNumberAsSent,
      municipalityNumber: plan.municipalityNumber,
      epjSystem: plan.epj.system,
      epjVersion: plan.epj.version,
      periodFrom: dateOfDay(plan.periodFrom),
      periodTo: dateOfDay(plan.periodTo),
      runNumber: plan.runNumber,
      contentSummary: type === 'KPR_IPL' ? plan.content.ipl : plan.content.ide,
      payloadSha256: random.hex(64),
      createdAt: receivedAt,
      // The payload names the municipality; a number that resolves to none leaves it for «Uten kommune».
      attribution: plan.municipalityNumber === null ? 'UNATTRIBUTED' : 'PAYLOAD',
      attributedAt: null,
      attributedFromMsgId: null,
      unattributedReason: plan.municipalityNumber === null ? 'MUNICIPALITY_NUMBER_UNKNOWN' : null,
      // The demo's deliveries never came over a queue.
      transportMetadata: null,
    };
    if (this.happened(receivedAt)) this.dataset.messages.push(row);
    return row;
  }

  private msgId(random: Random, profile: MunicipalityProfile, epj: EpjInstallation, at: Date): string {
    if (profile.transport === 'EDI') return `${profile.herId}${compactTimestamp(at)}${random.digits(3)}`;
    switch (epj.system) {
      case 'Profil':
        return random.uuidV4().toUpperCase();
      case 'CosDoc':
        return `COSDOC-${profile.herId}-${compactTimestamp(at)}-${random.hex(6)}`;
      default:
        return random.uuidV4();
    }
  }

  private apprec(random: Random, message: DemoMessage, plan: ApprecPlan): void {
    const genDate = addMilliseconds(message.receivedAt, plan.delayMs);
    const receivedAt = addMilliseconds(genDate, random.int(1_000, 30_000));
    const version =
      message.environment === 'PRODUCTION'
        ? random.weighted([
            ['V1_1', 90],
            ['V1_0', 10],
          ] as const)
        : random.weighted([
            ['V1_0', 70],
            ['V1_1', 30],
          ] as const);
    const row: DemoApprec = {
      id: random.uuidV7(receivedAt),
      apprecId: version === 'V1_1' ? random.uuidV4() : `FHI-KPR-${compactTimestamp(genDate)}-${random.digits(6)}`,
      originalMsgId: message.msgId,
      originalMsgType: message.type,
      originalIssueDate: message.genDate,
      status: plan.status,
      version,
      genDate,
      receivedAt,
      transport: message.transport,
      // The Apprec's sender is the party that received the message; its receiver, the original sender.
      senderHerId: message.receiverHerId,
      receiverHerId: message.senderHerId,
      payloadSha256: random.hex(64),
      createdAt: receivedAt,
      transportMetadata: null,
    };
    const errorIds = plan.errors.map(() => random.uuidV7(receivedAt));
    if (!this.happened(receivedAt) || !this.happened(message.receivedAt)) return;
    this.dataset.apprecs.push(row);
    plan.errors.forEach((error, index) => {
      this.dataset.apprecErrors.push({
        id: errorIds[index] as string,
        apprecId: row.id,
        position: index + 1,
        codeSystem: APPREC_ERROR_CODE_SYSTEM,
        code: error.code,
        displayName: this.errorNames.get(error.code) ?? null,
        freeText: error.freeText,
      });
    });
  }

  /** A finding on a message; `resolvedAt` is when a later delivery superseded it (null: never). */
  finding(
    random: Random,
    target: { seasonId: string; municipalityNumber: string; message: DemoMessage },
    spec: FindingSpec,
    detectedAt: Date,
    resolvedAt: Date | null,
  ): void {
    const id = random.uuidV7(detectedAt);
    if (!this.happened(detectedAt) || !this.happened(target.message.receivedAt)) return;
    const resolved = resolvedAt !== null && this.happened(resolvedAt);
    const status: FindingStatus = resolved ? 'RESOLVED' : 'OPEN';
    this.dataset.findings.push({
      id,
      seasonId: target.seasonId,
      municipalityNumber: target.municipalityNumber,
      messageId: target.message.id,
      importId: null,
      source: spec.source,
      code: spec.code,
      severity: spec.severity,
      message: spec.message,
      count: spec.count,
      status,
      detectedAt,
      resolvedAt: resolved ? resolvedAt : null,
      createdAt: detectedAt,
    });
  }

  note(
    random: Random,
    seasonId: string,
    municipalityNumber: string,
    at: Date,
    body: string,
    kind: NoteKind = 'NOTE',
  ): void {
    const id = random.uuidV7(at);
    if (!this.happened(at)) return;
    this.dataset.notes.push({ id, seasonId, municipalityNumber, kind, body, authorId: null, createdAt: at });
  }

  /** A request as FHI knows it at `now`: not yet made, still pending, or decided. */
  extensionRequest(random: Random, request: Omit<DemoExtensionRequest, 'id' | 'requestedById' | 'decidedById'>): void {
    const id = random.uuidV7(request.requestedAt);
    if (!this.happened(request.requestedAt)) return;
    const decided = request.decidedAt !== null && this.happened(request.decidedAt);
    this.dataset.extensionRequests.push({
      ...request,
      id,
      requestedById: null,
      decidedById: null,
      ...(decided ? {} : { status: 'PENDING', grantedDeadline: null, decisionNote: null, decidedAt: null }),
    });
  }
}

function levelTwoHerId(reference: DemoReference, environment: Environment): number {
  const endpoint = reference.endpoints.find(
    (candidate) => candidate.level === 2 && candidate.environment === environment,
  );
  if (!endpoint) throw new Error(`no level-2 ${environment} endpoint in the reference data`);
  return endpoint.herId;
}
