/**
 * Ingestion of one KPR document (a MsgHead carrying KPR_IPL or KPR_IDE, or an AppRec), shared by
 * POST /api/v1/messages and the staff upload. The size is checked before parsing; the reader
 * returns metadata and aggregates only; the document, its findings or errors and its audit event are
 * written in one SQL statement (write.ts), so a rejected input writes nothing and an accepted one is
 * stored completely or not at all.
 *
 * Idempotency: MsgId (message) and Id (AppRec) are unique in the database. The insert skips on
 * conflict, so of any number of concurrent requests with one id exactly one writes; the others
 * find the stored row and compare the SHA-256 of the bytes: equal → a duplicate with the stored
 * summary, different → a conflict.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { v7 as uuidV7 } from 'uuid';
import type { Actor } from '@/lib/access';
import { type ContentSummary, contentSummarySchema, iplosContentSummarySchema } from '@/lib/core/content-summary';
import type { Severity } from '@/lib/core/severity';
import {
  attributeWaitingMessages,
  moveRunIdentityMessages,
  readAttributionCandidates,
  readIdentitySeasonEvidence,
} from './data/attribution';
import { recordIngestAudit } from './data/audit';
import { readEarlierDeliveries } from './data/deliveries';
import { type IngestReference, loadIngestReference } from './data/reference';
import { type IngestAudit, readResentApprec, readResentMessage, writeDocument } from './data/write';
import { IngestError, ingestErrorFromReader } from './errors';
import type { ApprecDocument } from './readers/apprec';
import { XmlReadError } from './readers/errors';
import { DEFAULT_XML_LIMITS } from './readers/parse';
import { KPR_MESSAGE_TYPES } from './readers/msghead';
import { type KprDocument, maskedFieldsOf, readKprDocument } from './readers/read-document';
import { UNATTRIBUTED_FINDING_TITLE, UNATTRIBUTED_REASON_LABELS } from './labels';
import { type Attribution, type AttributionInput, attributeMessage } from './rules/attribution';
import { type CheckFinding, checkTestPersons, resolveMunicipalityNumber, runDeliveryChecks } from './rules/checks';
import { identityNumberMaskedFindings } from './rules/masked-identity-numbers';
import { type IngestSeason, resolveSeason } from './rules/season';

export type IngestTransport = 'AMQP' | 'EDI' | 'API' | 'UPLOAD';

export interface IngestOptions {
  receivedAt: Date;
  transport: IngestTransport;
  /** Largest accepted document in bytes (default: the reader's limit). */
  maxBytes?: number;
  /** How the document travelled (AMQP properties and application properties), stored with it as JSON; never an identity. */
  transportMetadata?: Record<string, string | number | boolean | null>;
}

export interface IngestFindingSummary {
  code: string;
  severity: Severity;
  count: number;
  message: string;
}

export interface MessageIngestSummary {
  kind: 'KPR_IPL' | 'KPR_IDE';
  id: string;
  msgId: string;
  environment: 'PRODUCTION' | 'VALIDATION';
  season: string;
  municipalityNumber: string | null;
  municipalityNumberAsSent: string | null;
  /** How the municipality was decided (lib/ingest/rules/attribution.ts); UNATTRIBUTED: listed for FHI on «Uten kommune». */
  attribution: Attribution['method'] | 'ASSIGNED';
  genDate: string;
  receivedAt: string;
  contentSummary: ContentSummary | null;
  findings: IngestFindingSummary[];
}

export interface ApprecIngestSummary {
  kind: 'APPREC';
  id: string;
  apprecId: string;
  originalMsgId: string;
  status: 'OK' | 'REJECTED' | 'OK_WITH_ERRORS';
  version: 'V1_0' | 'V1_1';
  genDate: string;
  receivedAt: string;
  errors: { code: string; codeSystem: string | null; displayName: string | null }[];
}

export type IngestSummary = MessageIngestSummary | ApprecIngestSummary;

export interface IngestResult {
  duplicate: boolean;
  summary: IngestSummary;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Reads and stores one document sent by `actor` (an API key, or FHI staff uploading), or throws an
 * IngestError (nothing written but the failure's audit event) for a bad or conflicting one.
 */
export async function ingestDocument(actor: Actor, bytes: Uint8Array, options: IngestOptions): Promise<IngestResult> {
  try {
    const maxBytes = options.maxBytes ?? DEFAULT_XML_LIMITS.maxInputSize;
    if (bytes.byteLength > maxBytes) {
      throw new IngestError(413, 'XML_TOO_LARGE', `The document is larger than the limit of ${maxBytes} bytes.`);
    }
    const reference = await loadIngestReference(actor);
    const document = readDocument(bytes, reference, maxBytes);
    const sha256 = sha256Hex(bytes);
    return document.kind === 'APPREC'
      ? await storeApprec(actor, kprApprec(document.apprec, reference), sha256, options)
      : await storeMessage(actor, document, sha256, reference, options);
  } catch (error) {
    if (error instanceof IngestError) {
      await recordIngestAudit(actor, {
        action: 'ingest.message',
        outcome: 'FAILURE',
        details: { code: error.code, bytes: bytes.byteLength, transport: options.transport },
      });
    }
    throw error;
  }
}

function readDocument(bytes: Uint8Array, reference: IngestReference, maxBytes: number): KprDocument {
  try {
    return readKprDocument(bytes, { endpoints: reference.endpoints, limits: { maxInputSize: maxBytes } });
  } catch (error) {
    if (error instanceof XmlReadError) throw ingestErrorFromReader(error);
    throw error;
  }
}

async function storeMessage(
  actor: Actor,
  document: Exclude<KprDocument, { kind: 'APPREC' }>,
  sha256: string,
  reference: IngestReference,
  options: IngestOptions,
): Promise<IngestResult> {
  const { msgHead } = document;
  const asSent =
    document.kind === 'KPR_IPL'
      ? document.content.header.municipalityNumberAsSent
      : document.content.municipalityNumberAsSent;
  const resolved = asSent === null ? null : resolveMunicipalityNumber(asSent, reference.municipalities).number;
  if (document.kind === 'KPR_IPL' && resolved === null) {
    throw new IngestError(
      422,
      'MUNICIPALITY_UNKNOWN',
      'INNHINFO/iiKomnr is not a valid municipality number, nor a number renumbered in 2024; the delivery cannot be attributed to a municipality.',
    );
  }
  const header = document.kind === 'KPR_IPL' ? document.content.header : null;
  const runNumber = header?.runNumber ?? (document.kind === 'KPR_IDE' ? document.content.runNumber : null);
  // A KPR_IPL's season follows its period; a KPR_IDE's its run's KPR_IPL, else the receipt (rules/season.ts).
  const season = resolveSeason(
    reference.seasons,
    header !== null
      ? { kind: 'PERIOD', periodFrom: header.periodFrom, periodTo: header.periodTo }
      : {
          kind: 'IDENTITY',
          ...(await readIdentitySeasonEvidence(actor, {
            environment: msgHead.receiver.environment,
            senderHerId: msgHead.sender.herId,
            senderOrgNumber: msgHead.sender.organisationNumber,
            runNumber,
            receivedAt: options.receivedAt,
            municipalityNumber: resolved,
          })),
        },
    options.receivedAt,
  );
  if (season === null) throw new IngestError(422, 'SEASON_UNKNOWN', 'No reporting season is configured.');

  const payload: AttributionInput['payload'] =
    resolved !== null
      ? { kind: 'VALID', municipalityNumber: resolved }
      : document.kind === 'KPR_IDE' && document.content.municipalityShape === 'CONFLICTING'
        ? { kind: 'CONFLICTING' }
        : asSent !== null
          ? { kind: 'UNKNOWN' }
          : { kind: 'NONE' };
  const attribution = attributeMessage({
    payload,
    ...(payload.kind === 'VALID'
      ? { sender: [], run: [] }
      : await readAttributionCandidates(
          actor,
          {
            seasonId: season.id,
            environment: msgHead.receiver.environment,
            senderHerId: msgHead.sender.herId,
            senderOrgNumber: msgHead.sender.organisationNumber,
            runNumber,
            receivedAt: options.receivedAt,
          },
          options.receivedAt,
        )),
  });
  const municipalityNumber = attribution.municipalityNumber;

  const receivedAt = options.receivedAt.toISOString();
  // The reader masked any identity number in the header's free text; a finding says where.
  const maskedFields = maskedFieldsOf(msgHead.warnings);
  const findings = (
    municipalityNumber === null
      ? []
      : [
          ...(document.kind === 'KPR_IPL'
            ? await checkDelivery(actor, document.content, municipalityNumber, season, reference, options.receivedAt)
            : checkTestPersons(document.content.summary)),
          ...identityNumberMaskedFindings(maskedFields),
        ]
  ).sort(byCodeAndMessage);
  const id = uuidV7();
  const audit = (duplicate: boolean): IngestAudit => ({
    municipalityNumber,
    details: {
      kind: msgHead.type,
      msgId: msgHead.msgId,
      transport: options.transport,
      duplicate,
      sha256,
      ...(maskedFields.length > 0 && { maskedFields }),
    },
  });
  const stored = await writeDocument(actor, {
    parent: {
      table: 'message',
      uniqueColumn: 'msg_id',
      row: {
        id,
        msg_id: msgHead.msgId,
        type: msgHead.type,
        season_id: season.id,
        gen_date: msgHead.genDate.toISOString(),
        received_at: receivedAt,
        transport: options.transport,
        sender_her_id: msgHead.sender.herId,
        sender_org_number: msgHead.sender.organisationNumber,
        sender_name: msgHead.sender.name,
        receiver_her_id: msgHead.receiver.serviceHerId,
        environment: msgHead.receiver.environment,
        processing_status: msgHead.processingStatus,
        municipality_number_as_sent: asSent,
        municipality_number: municipalityNumber,
        epj_system: header?.epjSystem ?? null,
        epj_version: header?.epjVersion ?? null,
        period_from: header?.periodFrom ?? null,
        period_to: header?.periodTo ?? null,
        run_number: runNumber,
        content_summary: document.content.summary,
        payload_sha256: sha256,
        attribution: attribution.method,
        attributed_from_msg_id: attribution.fromMsgId,
        unattributed_reason: attribution.reason,
        transport_metadata: options.transportMetadata ?? null,
      },
    },
    children: {
      table: 'finding',
      rows: findings.map((finding) => ({
        id: uuidV7(),
        season_id: season.id,
        municipality_number: municipalityNumber,
        message_id: id,
        source: 'INGEST_CHECK',
        code: finding.code,
        severity: finding.severity,
        message: finding.message,
        count: finding.count,
        detected_at: receivedAt,
      })),
    },
    audit: audit(false),
  });
  // An exact duplicate resolves to the same municipality, so its audit event is known beforehand.
  if (!stored) return storedMessage(actor, msgHead.msgId, sha256, audit(true));
  // A KPR_IPL may be what the sender's waiting KPR_IDEs needed (they came first).
  // and the KPR_IDEs of its run that came first follow it into its season.
  if (document.kind === 'KPR_IPL') {
    await moveRunIdentityMessages(actor, {
      seasonId: season.id,
      environment: msgHead.receiver.environment,
      senderHerId: msgHead.sender.herId,
      senderOrgNumber: msgHead.sender.organisationNumber,
      runNumber,
      receivedAt: options.receivedAt,
    });
    await attributeWaitingMessages(actor, msgHead.sender, options.receivedAt);
  }
  return {
    duplicate: false,
    summary: {
      kind: msgHead.type,
      id,
      msgId: msgHead.msgId,
      environment: msgHead.receiver.environment,
      season: season.key,
      municipalityNumber,
      municipalityNumberAsSent: asSent,
      attribution: attribution.method,
      genDate: msgHead.genDate.toISOString(),
      receivedAt,
      contentSummary: document.content.summary,
      findings: [...unattributedFinding(attribution.reason), ...findings.map(findingSummary)],
    },
  };
}

function byCodeAndMessage(a: { code: string; message: string }, b: { code: string; message: string }): number {
  return a.code.localeCompare(b.code) || a.message.localeCompare(b.message);
}

/** The §5 checks against the municipality's previous production delivery (EPJ) and last season's (volumes). */
async function checkDelivery(
  actor: Actor,
  content: Extract<KprDocument, { kind: 'KPR_IPL' }>['content'],
  municipalityNumber: string,
  season: IngestSeason,
  reference: IngestReference,
  receivedAt: Date,
): Promise<CheckFinding[]> {
  const seasonIndex = reference.seasons.findIndex((s) => s.id === season.id);
  const previousSeason = seasonIndex > 0 ? reference.seasons[seasonIndex - 1] : undefined;
  const previous = await readEarlierDeliveries(actor, municipalityNumber, receivedAt, previousSeason?.id ?? null);
  const lastYearSummary = iplosContentSummarySchema.safeParse(previous.lastYearSummary);
  return runDeliveryChecks({
    header: content.header,
    summary: content.summary,
    identity: null,
    season,
    municipalities: reference.municipalities,
    serviceCodes: reference.serviceCodes,
    previousEpjSystem: previous.epjSystem,
    lastYearServicesByCode: lastYearSummary.success ? lastYearSummary.data.servicesByCode : null,
  });
}

/** The stored message with this MsgId, as an exact duplicate (audited) or a 409 conflict. */
async function storedMessage(actor: Actor, msgId: string, sha256: string, audit: IngestAudit): Promise<IngestResult> {
  const row = await readResentMessage(actor, msgId, sha256, audit);
  if (row.payloadSha256 !== sha256) {
    throw new IngestError(
      409,
      'MESSAGE_ID_CONFLICT',
      'A different document with this MsgId has already been received. A corrected message must have a new MsgId.',
    );
  }
  const contentSummary = contentSummarySchema.safeParse(row.contentSummary);
  return {
    duplicate: true,
    summary: {
      kind: row.type,
      id: row.id,
      msgId,
      environment: row.environment,
      season: row.season,
      municipalityNumber: row.municipalityNumber,
      municipalityNumberAsSent: row.municipalityNumberAsSent,
      attribution: row.attribution,
      genDate: row.genDate.toISOString(),
      receivedAt: row.receivedAt.toISOString(),
      contentSummary: contentSummary.success ? contentSummary.data : null,
      findings: [...unattributedFinding(row.unattributedReason), ...row.findings.sort(byCodeAndMessage)],
    },
  };
}

/**
 * The AppRec, when it answers a KPR message and comes from FHI's KPR receiver; else a 422 and
 * nothing is stored. Refused rather than kept apart: the dashboard is about KPR, an AppRec of
 * another message type (a clinical dialogue, a discharge letter) may carry free text about a
 * patient that nothing here needs, and a refusal tells a misrouted sender at once.
 * The receiver: the level-2 HER-id (Dept/HCPerson) of a KPR endpoint (production or validation),
 * or, when the AppRec names no level 2, the level-1 HER-id above them (FHI) — reference data, not code.
 */
function kprApprec(apprec: ApprecDocument, reference: IngestReference): ApprecDocument {
  const type = apprec.originalMsgId.msgType;
  if (!KPR_MESSAGE_TYPES.some((known) => known === type)) {
    const named = type !== null && /^[A-Za-z0-9_.-]{1,40}$/.test(type) ? ` (${type})` : '';
    throw new IngestError(
      422,
      'APPREC_NOT_FOR_KPR',
      `AppRec/OriginalMsgId/MsgType${named} ${type === null ? 'is missing' : 'is not KPR_IPL or KPR_IDE'}; this service takes AppRecs for KPR messages only.`,
    );
  }
  const services = reference.endpoints.filter((endpoint) => endpoint.level === 2 && endpoint.environment !== null);
  const receivers = new Set(
    services.flatMap((endpoint) => (endpoint.parentHerId === null ? [] : [endpoint.parentHerId])),
  );
  const { herId, serviceHerId } = apprec.sender;
  const fromKpr =
    serviceHerId !== null
      ? services.some((endpoint) => endpoint.herId === serviceHerId)
      : herId !== null && receivers.has(herId);
  if (!fromKpr) {
    throw new IngestError(
      422,
      'APPREC_SENDER_NOT_KPR',
      `AppRec/Sender is not FHI's KPR receiver; expected the HER-id ${services.map((endpoint) => endpoint.herId).join(' or ')} (level 2) or ${[...receivers].join(' or ')} (level 1).`,
    );
  }
  return apprec;
}

async function storeApprec(
  actor: Actor,
  apprec: ApprecDocument,
  sha256: string,
  options: IngestOptions,
): Promise<IngestResult> {
  const id = uuidV7();
  const receivedAt = options.receivedAt.toISOString();
  const maskedFields = maskedFieldsOf(apprec.warnings);
  const audit = (duplicate: boolean): IngestAudit => ({
    details: {
      kind: 'APPREC',
      apprecId: apprec.id,
      originalMsgId: apprec.originalMsgId.id,
      transport: options.transport,
      duplicate,
      sha256,
      ...(maskedFields.length > 0 && { maskedFields }),
    },
  });
  const stored = await writeDocument(actor, {
    parent: {
      table: 'apprec',
      uniqueColumn: 'apprec_id',
      row: {
        id,
        apprec_id: apprec.id,
        original_msg_id: apprec.originalMsgId.id,
        original_msg_type: apprec.originalMsgId.msgType,
        original_issue_date: apprec.originalMsgId.issueDate?.toISOString() ?? null,
        status: apprec.status,
        version: apprec.version,
        gen_date: apprec.genDate.toISOString(),
        received_at: receivedAt,
        transport: options.transport,
        sender_her_id: apprec.sender.herId,
        receiver_her_id: apprec.receiver.herId,
        payload_sha256: sha256,
        transport_metadata: options.transportMetadata ?? null,
      },
    },
    children: {
      table: 'apprec_error',
      rows: apprec.errors.map((error, position) => ({
        id: uuidV7(),
        apprec_id: id,
        position,
        code_system: error.codeSystem,
        code: error.code,
        display_name: error.displayName,
        free_text: error.freeText,
      })),
    },
    audit: audit(false),
  });
  if (stored) {
    return {
      duplicate: false,
      summary: {
        kind: 'APPREC',
        id,
        apprecId: apprec.id,
        originalMsgId: apprec.originalMsgId.id,
        status: apprec.status,
        version: apprec.version,
        genDate: apprec.genDate.toISOString(),
        receivedAt,
        errors: apprec.errors.map((e) => ({ code: e.code, codeSystem: e.codeSystem, displayName: e.displayName })),
      },
    };
  }
  const row = await readResentApprec(actor, apprec.id, sha256, audit(true));
  if (row.payloadSha256 !== sha256) {
    throw new IngestError(409, 'APPREC_ID_CONFLICT', 'A different AppRec with this Id has already been received.');
  }
  return {
    duplicate: true,
    summary: {
      kind: 'APPREC',
      id: row.id,
      apprecId: row.apprecId,
      originalMsgId: row.originalMsgId,
      status: row.status,
      version: row.version,
      genDate: row.genDate.toISOString(),
      receivedAt: row.receivedAt.toISOString(),
      errors: row.errors,
    },
  };
}

/**
 * The finding a document without a municipality is answered with. It is not a row of `finding`
 * (a finding belongs to a municipality): the message itself records it (attribution UNATTRIBUTED,
 * unattributed_reason), and FHI's page «Uten kommune» lists it until it is attributed.
 */
function unattributedFinding(reason: Attribution['reason'] | null): IngestFindingSummary[] {
  if (reason === null) return [];
  return [
    {
      code: 'UNATTRIBUTED',
      severity: 'WARNING',
      count: 1,
      message: `${UNATTRIBUTED_FINDING_TITLE}: ${UNATTRIBUTED_REASON_LABELS[reason]}. FHI kan tildele den til en kommune på siden «Uten kommune».`,
    },
  ];
}

function findingSummary(finding: IngestFindingSummary): IngestFindingSummary {
  return { code: finding.code, severity: finding.severity, count: finding.count, message: finding.message };
}
