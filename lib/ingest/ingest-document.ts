/**
 * Ingestion of one KPR document (a MsgHead carrying KPR_IPL or KPR_IDE, or an AppRec), shared by
 * POST /api/v1/messages and the staff upload. The size is checked before parsing; the reader
 * returns metadata and aggregates only; everything is written in one transaction, so a rejected
 * input writes nothing and an accepted one is stored completely or not at all.
 *
 * Idempotency: MsgId (message) and Id (AppRec) are unique in the database. The insert skips on
 * conflict, so of any number of concurrent requests with one id exactly one writes; the others
 * find the stored row and compare the SHA-256 of the bytes: equal → a duplicate with the stored
 * summary, different → a conflict.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { recordAudit, type AuditActor } from '@/lib/audit';
import { type CheckFinding, checkTestPersons, resolveMunicipalityNumber, runDeliveryChecks } from '@/lib/domain/checks';
import { type ContentSummary, contentSummarySchema, iplosContentSummarySchema } from '@/lib/domain/content-summary';
import type { Severity } from '@/lib/domain/severity';
import { XmlReadError } from '@/lib/domain/xml/errors';
import type { MsgHead } from '@/lib/domain/xml/msghead';
import { DEFAULT_XML_LIMITS } from '@/lib/domain/xml/parse';
import { type KprDocument, readKprDocument } from '@/lib/domain/xml/read-document';
import type { ApprecDocument } from '@/lib/domain/xml/apprec';
import type { PrismaClient } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { IngestError, ingestErrorFromReader } from './errors';
import { type IngestReference, type IngestSeason, loadIngestReference, resolveSeason } from './reference';

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

type Tx = Prisma.TransactionClient;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads and stores one document, or throws an IngestError (nothing written) for a bad or conflicting one. */
export async function ingestDocument(prisma: PrismaClient, bytes: Uint8Array, options: IngestOptions): Promise<IngestResult> {
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
  const asSent = document.kind === 'KPR_IPL' ? document.content.header.municipalityNumberAsSent : document.content.municipalityNumberAsSent;
  const municipalityNumber = asSent === null ? null : resolveMunicipalityNumber(asSent, reference.municipalities).number;
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

  return prisma.$transaction(async (tx) => {
    const inserted = await tx.message.createManyAndReturn({
      data: [
        {
          msgId: msgHead.msgId,
          type: msgHead.type,
          seasonId: season.id,
          genDate: msgHead.genDate,
          receivedAt: options.receivedAt,
          transport: options.transport,
          ...senderColumns(msgHead),
          receiverHerId: msgHead.receiver.serviceHerId,
          environment: msgHead.receiver.environment,
          processingStatus: msgHead.processingStatus,
          municipalityNumberAsSent: asSent,
          municipalityNumber,
          epjSystem: header?.epjSystem ?? null,
          epjVersion: header?.epjVersion ?? null,
          periodFrom: header ? new Date(header.periodFrom) : null,
          periodTo: header ? new Date(header.periodTo) : null,
          runNumber: header?.runNumber ?? (document.kind === 'KPR_IDE' ? document.content.runNumber : null),
          contentSummary: document.content.summary,
          payloadSha256: sha256,
        },
      ],
      skipDuplicates: true,
      select: { id: true },
    });
    const id = inserted[0]?.id;
    if (id === undefined) return storedMessage(tx, msgHead.msgId, sha256, options);

    const findings =
      municipalityNumber === null
        ? []
        : document.kind === 'KPR_IPL'
          ? await checkDelivery(tx, document.content, municipalityNumber, season, reference, options.receivedAt)
          : checkTestPersons(document.content.summary);
    if (municipalityNumber !== null && findings.length > 0) {
      await tx.finding.createMany({
        data: findings.map((finding) => ({
          seasonId: season.id,
          municipalityNumber,
          messageId: id,
          source: 'INGEST_CHECK' as const,
          code: finding.code,
          severity: finding.severity,
          message: finding.message,
          count: finding.count,
          detectedAt: options.receivedAt,
        })),
      });
    }
    await recordAudit(tx, {
      action: 'ingest.message',
      outcome: 'SUCCESS',
      actor: options.actor,
      requestId: options.requestId,
      municipalityNumber,
      details: { kind: msgHead.type, msgId: msgHead.msgId, transport: options.transport, duplicate: false, sha256 },
    });
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
        receivedAt: options.receivedAt.toISOString(),
        contentSummary: document.content.summary,
        findings: findings.map(findingSummary),
      },
    };
  });
}

function senderColumns(msgHead: MsgHead) {
  return {
    senderHerId: msgHead.sender.herId,
    senderOrgNumber: msgHead.sender.organisationNumber,
    senderName: msgHead.sender.name,
  };
}

/** The §5 checks against the municipality's previous production delivery (EPJ) and last season's (volumes). */
async function checkDelivery(
  tx: Tx,
  content: Extract<KprDocument, { kind: 'KPR_IPL' }>['content'],
  municipalityNumber: string,
  season: IngestSeason,
  reference: IngestReference,
  receivedAt: Date,
): Promise<CheckFinding[]> {
  const seasonIndex = reference.seasons.findIndex((s) => s.id === season.id);
  const previousSeason = seasonIndex > 0 ? reference.seasons[seasonIndex - 1] : undefined;
  const production = { municipalityNumber, type: 'KPR_IPL', environment: 'PRODUCTION' } as const;
  const [previous, lastYear] = await Promise.all([
    tx.message.findFirst({
      where: { ...production, receivedAt: { lt: receivedAt }, epjSystem: { not: null } },
      orderBy: { receivedAt: 'desc' },
      select: { epjSystem: true },
    }),
    previousSeason
      ? tx.message.findFirst({
          where: { ...production, seasonId: previousSeason.id, contentSummary: { not: { equals: null } } },
          orderBy: { receivedAt: 'desc' },
          select: { contentSummary: true },
        })
      : null,
  ]);
  const lastYearSummary = iplosContentSummarySchema.safeParse(lastYear?.contentSummary);
  return runDeliveryChecks({
    header: content.header,
    summary: content.summary,
    identity: null,
    season,
    municipalities: reference.municipalities,
    serviceCodes: reference.serviceCodes,
    previousEpjSystem: previous?.epjSystem ?? null,
    lastYearServicesByCode: lastYearSummary.success ? lastYearSummary.data.servicesByCode : null,
  });
}

async function storedMessage(tx: Tx, msgId: string, sha256: string, options: IngestOptions): Promise<IngestResult> {
  const row = await tx.message.findUniqueOrThrow({
    where: { msgId },
    select: {
      id: true,
      type: true,
      environment: true,
      season: { select: { key: true } },
      municipalityNumber: true,
      municipalityNumberAsSent: true,
      genDate: true,
      receivedAt: true,
      contentSummary: true,
      payloadSha256: true,
      findings: { where: { source: 'INGEST_CHECK' }, orderBy: { id: 'asc' }, select: { code: true, severity: true, count: true, message: true } },
    },
  });
  if (row.payloadSha256 !== sha256) {
    throw new IngestError(409, 'MESSAGE_ID_CONFLICT', 'A different document with this MsgId has already been received. A corrected message must have a new MsgId.');
  }
  await recordAudit(tx, {
    action: 'ingest.message',
    outcome: 'SUCCESS',
    actor: options.actor,
    requestId: options.requestId,
    municipalityNumber: row.municipalityNumber,
    details: { kind: row.type, msgId, transport: options.transport, duplicate: true, sha256 },
  });
  const contentSummary = contentSummarySchema.safeParse(row.contentSummary);
  return {
    duplicate: true,
    summary: {
      kind: row.type,
      id: row.id,
      msgId,
      environment: row.environment,
      season: row.season.key,
      municipalityNumber: row.municipalityNumber,
      municipalityNumberAsSent: row.municipalityNumberAsSent,
      genDate: row.genDate.toISOString(),
      receivedAt: row.receivedAt.toISOString(),
      contentSummary: contentSummary.success ? contentSummary.data : null,
      findings: row.findings,
    },
  };
}

async function storeApprec(prisma: PrismaClient, apprec: ApprecDocument, sha256: string, options: IngestOptions): Promise<IngestResult> {
  return prisma.$transaction(async (tx) => {
    const inserted = await tx.apprec.createManyAndReturn({
      data: [
        {
          apprecId: apprec.id,
          originalMsgId: apprec.originalMsgId.id,
          originalMsgType: apprec.originalMsgId.msgType,
          originalIssueDate: apprec.originalMsgId.issueDate,
          status: apprec.status,
          version: apprec.version,
          genDate: apprec.genDate,
          receivedAt: options.receivedAt,
          transport: options.transport,
          senderHerId: apprec.sender.herId,
          receiverHerId: apprec.receiver.herId,
          payloadSha256: sha256,
        },
      ],
      skipDuplicates: true,
      select: { id: true },
    });
    const id = inserted[0]?.id;
    let duplicate = false;
    let summary: ApprecIngestSummary;
    if (id === undefined) {
      const row = await tx.apprec.findUniqueOrThrow({
        where: { apprecId: apprec.id },
        include: { errors: { orderBy: { position: 'asc' } } },
      });
      if (row.payloadSha256 !== sha256) {
        throw new IngestError(409, 'APPREC_ID_CONFLICT', 'A different AppRec with this Id has already been received.');
      }
      duplicate = true;
      summary = {
        kind: 'APPREC',
        id: row.id,
        apprecId: row.apprecId,
        originalMsgId: row.originalMsgId,
        status: row.status,
        version: row.version,
        genDate: row.genDate.toISOString(),
        receivedAt: row.receivedAt.toISOString(),
        errors: row.errors.map((e) => ({ code: e.code, codeSystem: e.codeSystem, displayName: e.displayName })),
      };
    } else {
      if (apprec.errors.length > 0) {
        await tx.apprecError.createMany({
          data: apprec.errors.map((error, position) => ({
            apprecId: id,
            position,
            codeSystem: error.codeSystem,
            code: error.code,
            displayName: error.displayName,
            freeText: error.freeText,
          })),
        });
      }
      summary = {
        kind: 'APPREC',
        id,
        apprecId: apprec.id,
        originalMsgId: apprec.originalMsgId.id,
        status: apprec.status,
        version: apprec.version,
        genDate: apprec.genDate.toISOString(),
        receivedAt: options.receivedAt.toISOString(),
        errors: apprec.errors.map((e) => ({ code: e.code, codeSystem: e.codeSystem, displayName: e.displayName })),
      };
    }
    await recordAudit(tx, {
      action: 'ingest.message',
      outcome: 'SUCCESS',
      actor: options.actor,
      requestId: options.requestId,
      details: { kind: 'APPREC', apprecId: apprec.id, originalMsgId: apprec.originalMsgId.id, transport: options.transport, duplicate, sha256 },
    });
    return { duplicate, summary };
  });
}

function findingSummary(finding: CheckFinding): IngestFindingSummary {
  return { code: finding.code, severity: finding.severity, count: finding.count, message: finding.message };
}
