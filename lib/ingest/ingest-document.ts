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
import { auditEventColumns, recordAudit, type AuditEntry } from '@/lib/access/data/audit';
import type { AuditActor } from '@/lib/access/rules/actor';
import {
  type CheckFinding,
  checkTestPersons,
  resolveMunicipalityNumber,
  runDeliveryChecks,
} from '@/lib/ingest/rules/checks';
import { type ContentSummary, contentSummarySchema, iplosContentSummarySchema } from '@/lib/core/content-summary';
import type { Severity } from '@/lib/core/severity';
import { XmlReadError } from '@/lib/ingest/readers/errors';
import { DEFAULT_XML_LIMITS } from '@/lib/ingest/readers/parse';
import { type KprDocument, readKprDocument } from '@/lib/ingest/readers/read-document';
import type { ApprecDocument } from '@/lib/ingest/readers/apprec';
import { sqlOf, type PrismaClient } from '@/lib/db/client';
import { IngestError, ingestErrorFromReader } from './errors';
import { type IngestReference, type IngestSeason, loadIngestReference, resolveSeason } from './data/reference';
import { v7 as uuidV7 } from 'uuid';
import { readResent, writeDocument } from './data/write';

export type IngestTransport = 'AMQP' | 'EDI' | 'API' | 'UPLOAD';

export interface IngestOptions {
  receivedAt: Date;
  transport: IngestTransport;
  actor: AuditActor;
  requestId: string;
  /** Largest accepted document in bytes (default: the reader's limit). */
  maxBytes?: number;
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

/** Reads and stores one document, or throws an IngestError (nothing written) for a bad or conflicting one. */
export async function ingestDocument(
  prisma: PrismaClient,
  bytes: Uint8Array,
  options: IngestOptions,
): Promise<IngestResult> {
  try {
    const maxBytes = options.maxBytes ?? DEFAULT_XML_LIMITS.maxInputSize;
    if (bytes.byteLength > maxBytes) {
      throw new IngestError(413, 'XML_TOO_LARGE', `The document is larger than the limit of ${maxBytes} bytes.`);
    }
    const reference = await loadIngestReference(prisma);
    const document = readDocument(bytes, reference, maxBytes);
    const sha256 = sha256Hex(bytes);
    return document.kind === 'APPREC'
      ? await storeApprec(prisma, document.apprec, sha256, options)
      : await storeMessage(prisma, document, sha256, reference, options);
  } catch (error) {
    if (error instanceof IngestError) {
      await recordAudit(prisma, {
        action: 'ingest.message',
        outcome: 'FAILURE',
        actor: options.actor,
        requestId: options.requestId,
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
  prisma: PrismaClient,
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
  const municipalityNumber =
    asSent === null ? null : resolveMunicipalityNumber(asSent, reference.municipalities).number;
  if (asSent !== null && municipalityNumber === null) {
    throw new IngestError(
      422,
      'MUNICIPALITY_UNKNOWN',
      'INNHINFO/iiKomnr is not a valid municipality number, nor a number renumbered in 2024; the delivery cannot be attributed to a municipality.',
    );
  }
  const header = document.kind === 'KPR_IPL' ? document.content.header : null;
  const season = resolveSeason(reference.seasons, header?.periodFrom ?? null, options.receivedAt);
  if (season === null) throw new IngestError(422, 'SEASON_UNKNOWN', 'No reporting season is configured.');

  const receivedAt = options.receivedAt.toISOString();
  const findings = (
    municipalityNumber === null
      ? []
      : document.kind === 'KPR_IPL'
        ? await checkDelivery(prisma, document.content, municipalityNumber, season, reference, options.receivedAt)
        : checkTestPersons(document.content.summary)
  ).sort(byCodeAndMessage);
  const id = uuidV7();
  const audit = (duplicate: boolean): AuditEntry => ({
    action: 'ingest.message',
    outcome: 'SUCCESS',
    actor: options.actor,
    requestId: options.requestId,
    municipalityNumber,
    details: { kind: msgHead.type, msgId: msgHead.msgId, transport: options.transport, duplicate, sha256 },
  });
  const stored = await writeDocument(prisma, {
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
        run_number: header?.runNumber ?? (document.kind === 'KPR_IDE' ? document.content.runNumber : null),
        content_summary: document.content.summary,
        payload_sha256: sha256,
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
    audit: auditEventColumns(audit(false), new Date()),
  });
  // An exact duplicate resolves to the same municipality, so its audit event is known beforehand.
  if (!stored) return storedMessage(prisma, msgHead.msgId, sha256, audit(true));
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
      genDate: msgHead.genDate.toISOString(),
      receivedAt,
      contentSummary: document.content.summary,
      findings: findings.map(findingSummary),
    },
  };
}

function byCodeAndMessage(a: { code: string; message: string }, b: { code: string; message: string }): number {
  return a.code.localeCompare(b.code) || a.message.localeCompare(b.message);
}

/** The §5 checks against the municipality's previous production delivery (EPJ) and last season's (volumes). */
async function checkDelivery(
  prisma: PrismaClient,
  content: Extract<KprDocument, { kind: 'KPR_IPL' }>['content'],
  municipalityNumber: string,
  season: IngestSeason,
  reference: IngestReference,
  receivedAt: Date,
): Promise<CheckFinding[]> {
  const seasonIndex = reference.seasons.findIndex((s) => s.id === season.id);
  const previousSeason = seasonIndex > 0 ? reference.seasons[seasonIndex - 1] : undefined;
  // Both look-ups in one round trip (a prepared statement: this runs for every KPR_IPL): the latest
  // earlier production delivery that named its EPJ system, and the latest production delivery of
  // the previous season.
  const [previous] = await sqlOf(prisma).query<{ epjSystem: string | null; lastYearSummary: unknown }>(
    `SELECT
      (SELECT epj_system FROM message
        WHERE municipality_number = $1 AND type = 'KPR_IPL' AND environment = 'PRODUCTION'
          AND received_at < $2 AND epj_system IS NOT NULL
        ORDER BY received_at DESC LIMIT 1) AS "epjSystem",
      (SELECT content_summary FROM message
        WHERE municipality_number = $1 AND type = 'KPR_IPL' AND environment = 'PRODUCTION'
          AND season_id = $3::uuid AND content_summary IS NOT NULL
        ORDER BY received_at DESC LIMIT 1) AS "lastYearSummary"`,
    [municipalityNumber, receivedAt, previousSeason?.id ?? null],
  );
  const lastYearSummary = iplosContentSummarySchema.safeParse(previous!.lastYearSummary);
  return runDeliveryChecks({
    header: content.header,
    summary: content.summary,
    identity: null,
    season,
    municipalities: reference.municipalities,
    serviceCodes: reference.serviceCodes,
    previousEpjSystem: previous!.epjSystem,
    lastYearServicesByCode: lastYearSummary.success ? lastYearSummary.data.servicesByCode : null,
  });
}

/** The stored message with this MsgId, as an exact duplicate (audited) or a 409 conflict. */
async function storedMessage(
  prisma: PrismaClient,
  msgId: string,
  sha256: string,
  audit: AuditEntry,
): Promise<IngestResult> {
  const row = await readResent<{
    id: string;
    type: 'KPR_IPL' | 'KPR_IDE';
    environment: 'PRODUCTION' | 'VALIDATION';
    season: string;
    municipalityNumber: string | null;
    municipalityNumberAsSent: string | null;
    genDate: Date;
    receivedAt: Date;
    contentSummary: unknown;
    payloadSha256: string;
    findings: IngestFindingSummary[];
  }>(
    prisma,
    `SELECT m.id, m.type, m.environment, s.key AS season, m.municipality_number AS "municipalityNumber",
        m.municipality_number_as_sent AS "municipalityNumberAsSent", m.gen_date AS "genDate", m.received_at AS "receivedAt",
        m.content_summary AS "contentSummary", m.payload_sha256 AS "payloadSha256",
        (SELECT coalesce(json_agg(json_build_object('code', f.code, 'severity', f.severity, 'count', f.count, 'message', f.message)), '[]')
          FROM finding f WHERE f.message_id = m.id AND f.source = 'INGEST_CHECK') AS findings
      FROM message m JOIN season s ON s.id = m.season_id WHERE m.msg_id = $1`,
    msgId,
    sha256,
    auditEventColumns(audit, new Date()),
  );
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
      genDate: row.genDate.toISOString(),
      receivedAt: row.receivedAt.toISOString(),
      contentSummary: contentSummary.success ? contentSummary.data : null,
      findings: row.findings.sort(byCodeAndMessage),
    },
  };
}

async function storeApprec(
  prisma: PrismaClient,
  apprec: ApprecDocument,
  sha256: string,
  options: IngestOptions,
): Promise<IngestResult> {
  const id = uuidV7();
  const receivedAt = options.receivedAt.toISOString();
  const audit = (duplicate: boolean): AuditEntry => ({
    action: 'ingest.message',
    outcome: 'SUCCESS',
    actor: options.actor,
    requestId: options.requestId,
    details: {
      kind: 'APPREC',
      apprecId: apprec.id,
      originalMsgId: apprec.originalMsgId.id,
      transport: options.transport,
      duplicate,
      sha256,
    },
  });
  const stored = await writeDocument(prisma, {
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
    audit: auditEventColumns(audit(false), new Date()),
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
  const row = await readResent<{
    id: string;
    apprecId: string;
    originalMsgId: string;
    status: ApprecIngestSummary['status'];
    version: ApprecIngestSummary['version'];
    genDate: Date;
    receivedAt: Date;
    payloadSha256: string;
    errors: ApprecIngestSummary['errors'];
  }>(
    prisma,
    `SELECT a.id, a.apprec_id AS "apprecId", a.original_msg_id AS "originalMsgId", a.status, a.version, a.gen_date AS "genDate",
        a.received_at AS "receivedAt", a.payload_sha256 AS "payloadSha256",
        (SELECT coalesce(json_agg(json_build_object('code', e.code, 'codeSystem', e.code_system, 'displayName', e.display_name) ORDER BY e.position), '[]')
          FROM apprec_error e WHERE e.apprec_id = a.id) AS errors
      FROM apprec a WHERE a.apprec_id = $1`,
    apprec.id,
    sha256,
    auditEventColumns(audit(true), new Date()),
  );
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

function findingSummary(finding: CheckFinding): IngestFindingSummary {
  return { code: finding.code, severity: finding.severity, count: finding.count, message: finding.message };
}
