/**
 * The demo capability's data module: writes the demo's people and its data into the database. The
 * reference the data is built on is read from the database, the rows go in as JSON, a chunk per statement, all in one transaction, so a seed is all or nothing.
 *
 * Prisma's createMany costs about a millisecond per row here (a full-scale dataset would take
 * minutes); handing PostgreSQL each chunk as one JSON parameter (json_populate_recordset, which
 * converts every value to its column's type) is about ten times faster.
 */
import type { PrismaClient } from '@/lib/db/client';
import { systemActor } from '@/lib/access/rules/actor';
import { db } from '@/lib/db';
import { generateDemoData } from './generate';
import type {
  DemoApprec,
  DemoApprecError,
  DemoDataset,
  DemoExtensionRequest,
  DemoFinding,
  DemoMessage,
  DemoNote,
  DemoOptions,
  DemoReference,
  DemoSeason,
} from './model';
import { DEMO_USERS } from './users';

/** Rows per statement. */
const CHUNK_SIZE = 2_000;
/** A full-scale dataset (about 600 000 rows) takes a minute or so; the default of 5 s would abort it. */
const TRANSACTION_TIMEOUT_MS = 15 * 60_000;
/** Serialises concurrent seeders (two dev servers starting at once): pg_advisory_xact_lock key. */
const SEED_LOCK_KEY = 0x4b5052_0001;

export type DemoWriteCounts = { [K in Exclude<keyof DemoDataset, 'now'>]: number };

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Each field of a row and its column (as mapped in prisma/schema.prisma); the compiler checks that none is missed. */
type Columns<Row> = { readonly [K in keyof Row]-?: string };

const SEASON: Columns<DemoSeason> = {
  id: 'id',
  key: 'key',
  name: 'name',
  kind: 'kind',
  periodStart: 'period_start',
  periodEnd: 'period_end',
  opensAt: 'opens_at',
  deadline: 'deadline',
};
const MESSAGE: Columns<DemoMessage> = {
  id: 'id',
  msgId: 'msg_id',
  type: 'type',
  seasonId: 'season_id',
  genDate: 'gen_date',
  receivedAt: 'received_at',
  transport: 'transport',
  senderHerId: 'sender_her_id',
  senderOrgNumber: 'sender_org_number',
  senderName: 'sender_name',
  receiverHerId: 'receiver_her_id',
  environment: 'environment',
  processingStatus: 'processing_status',
  municipalityNumberAsSent: 'municipality_number_as_sent',
  municipalityNumber: 'municipality_number',
  epjSystem: 'epj_system',
  epjVersion: 'epj_version',
  periodFrom: 'period_from',
  periodTo: 'period_to',
  runNumber: 'run_number',
  contentSummary: 'content_summary',
  payloadSha256: 'payload_sha256',
  createdAt: 'created_at',
  attribution: 'attribution',
  attributedAt: 'attributed_at',
  attributedFromMsgId: 'attributed_from_msg_id',
  unattributedReason: 'unattributed_reason',
  transportMetadata: 'transport_metadata',
};
const APPREC: Columns<DemoApprec> = {
  id: 'id',
  apprecId: 'apprec_id',
  originalMsgId: 'original_msg_id',
  originalMsgType: 'original_msg_type',
  originalIssueDate: 'original_issue_date',
  status: 'status',
  version: 'version',
  genDate: 'gen_date',
  receivedAt: 'received_at',
  transport: 'transport',
  senderHerId: 'sender_her_id',
  receiverHerId: 'receiver_her_id',
  payloadSha256: 'payload_sha256',
  createdAt: 'created_at',
  transportMetadata: 'transport_metadata',
};
const APPREC_ERROR: Columns<DemoApprecError> = {
  id: 'id',
  apprecId: 'apprec_id',
  position: 'position',
  codeSystem: 'code_system',
  code: 'code',
  displayName: 'display_name',
  freeText: 'free_text',
};
const FINDING: Columns<DemoFinding> = {
  id: 'id',
  seasonId: 'season_id',
  municipalityNumber: 'municipality_number',
  messageId: 'message_id',
  importId: 'import_id',
  source: 'source',
  code: 'code',
  severity: 'severity',
  message: 'message',
  count: 'count',
  status: 'status',
  detectedAt: 'detected_at',
  resolvedAt: 'resolved_at',
  createdAt: 'created_at',
};
const EXTENSION_REQUEST: Columns<DemoExtensionRequest> = {
  id: 'id',
  seasonId: 'season_id',
  municipalityNumber: 'municipality_number',
  requestedDeadline: 'requested_deadline',
  reasonCategory: 'reason_category',
  justification: 'justification',
  plannedFix: 'planned_fix',
  requestedAt: 'requested_at',
  requestedById: 'requested_by_id',
  status: 'status',
  grantedDeadline: 'granted_deadline',
  decisionNote: 'decision_note',
  decidedAt: 'decided_at',
  decidedById: 'decided_by_id',
};
const NOTE: Columns<DemoNote> = {
  id: 'id',
  seasonId: 'season_id',
  municipalityNumber: 'municipality_number',
  kind: 'kind',
  body: 'body',
  authorId: 'author_id',
  createdAt: 'created_at',
};

/** Inserts the rows into the table, a chunk per statement. Table and column names are the constants above. */
async function insertRows<Row>(
  tx: Transaction,
  table: string,
  columns: Columns<Row>,
  rows: readonly Row[],
): Promise<number> {
  const fields = Object.entries(columns) as [keyof Row, string][];
  const list = fields.map(([, column]) => `"${column}"`).join(', ');
  const sql = `INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", $1::json)`;
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
    const chunk = rows.slice(start, start + CHUNK_SIZE).map((row) => {
      const record: Record<string, unknown> = {};
      for (const [field, column] of fields) record[column] = row[field];
      return record;
    });
    await tx.$executeRawUnsafe(sql, JSON.stringify(chunk));
  }
  return rows.length;
}

/** The reference data the generator needs, as it stands in the database. */
export async function loadDemoReference(prisma: PrismaClient = db(systemActor('launcher'))): Promise<DemoReference> {
  const [municipalities, renumbering, serviceCodes, apprecErrorCodes, seasons, endpoints] = await Promise.all([
    prisma.municipality.findMany({
      select: { number: true, shortName: true, countyNumber: true },
      orderBy: { number: 'asc' },
    }),
    prisma.municipalityRenumbering.findMany({
      select: { oldNumber: true, newNumber: true, validFrom: true },
      orderBy: { oldNumber: 'asc' },
    }),
    prisma.serviceCode.findMany({
      select: { code: true, name: true, validFromYear: true, validToYear: true, welfareTechnology: true },
      orderBy: { code: 'asc' },
    }),
    prisma.codeListEntry.findMany({
      where: { codeSystem: '8221' },
      select: { code: true, name: true },
      orderBy: { code: 'asc' },
    }),
    prisma.season.findMany({
      select: { id: true, key: true, kind: true, periodStart: true, periodEnd: true, opensAt: true, deadline: true },
      orderBy: [{ periodStart: 'asc' }, { key: 'asc' }],
    }),
    prisma.endpoint.findMany({ select: { herId: true, level: true, environment: true }, orderBy: { herId: 'asc' } }),
  ]);
  return { municipalities, renumbering, serviceCodes, apprecErrorCodes, seasons, endpoints };
}

async function insertDataset(tx: Transaction, dataset: DemoDataset): Promise<DemoWriteCounts> {
  // Parents before children: seasons, then messages and Apprecs, then what refers to them.
  return {
    seasons: await insertRows(tx, 'season', SEASON, dataset.seasons),
    messages: await insertRows(tx, 'message', MESSAGE, dataset.messages),
    apprecs: await insertRows(tx, 'apprec', APPREC, dataset.apprecs),
    apprecErrors: await insertRows(tx, 'apprec_error', APPREC_ERROR, dataset.apprecErrors),
    findings: await insertRows(tx, 'finding', FINDING, dataset.findings),
    extensionRequests: await insertRows(tx, 'extension_request', EXTENSION_REQUEST, dataset.extensionRequests),
    notes: await insertRows(tx, 'note', NOTE, dataset.notes),
  };
}

/** Inserts a generated dataset in one transaction (on the process's pool unless a client is given). */
export async function writeDemoData(
  dataset: DemoDataset,
  prisma: PrismaClient = db(systemActor('launcher')),
): Promise<DemoWriteCounts> {
  return prisma.$transaction((tx) => insertDataset(tx, dataset), { timeout: TRANSACTION_TIMEOUT_MS });
}

/**
 * Generates and writes the demo data when the database has no messages yet; otherwise writes
 * nothing and returns null. Safe to run from several processes at once.
 */
export async function seedDemoIfEmpty(prisma: PrismaClient, options: DemoOptions): Promise<DemoWriteCounts | null> {
  if (await prisma.message.findFirst({ select: { id: true } })) return null;
  const dataset = generateDemoData(await loadDemoReference(prisma), options);
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      if (await tx.message.findFirst({ select: { id: true } })) return null;
      return insertDataset(tx, dataset);
    },
    { timeout: TRANSACTION_TIMEOUT_MS },
  );
}

/** Creates (or brings up to date) the demo users and their memberships. Idempotent. */
export async function writeDemoUsers(prisma: PrismaClient): Promise<void> {
  await prisma.$transaction(async (tx) => {
    for (const user of DEMO_USERS) {
      const data = { name: user.name, role: user.role, demo: true };
      const saved = await tx.user.upsert({
        where: { email: user.email },
        create: { ...data, email: user.email },
        update: data,
      });
      await tx.municipalityMembership.createMany({
        data: user.municipalities.map((municipalityNumber) => ({ userId: saved.id, municipalityNumber })),
        skipDuplicates: true,
      });
    }
  });
}

/**
 * The demo's people (brought up to date) and, into a database without messages yet, the demo data
 * of `options.seed` on the process's pool: what was written, or null when the database had data already.
 */
export async function writeDemo(options: DemoOptions): Promise<DemoWriteCounts | null> {
  const launcher = db(systemActor('launcher'));
  await writeDemoUsers(launcher);
  return seedDemoIfEmpty(launcher, options);
}
