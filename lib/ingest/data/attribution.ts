/**
 * The database side of attribution (lib/ingest/rules/attribution.ts): the KPR_IPLs a KPR_IDE's
 * attribution may learn from, attributing waiting KPR_IDEs when their KPR_IPL arrives, and FHI's
 * list of unattributed documents with the assignment of one to a municipality.
 *
 * The candidates are read for ingestion's own decision, like the letter's checks (deliveries.ts),
 * under the actor's role and scope (row-level security): a sending system's API key sees every
 * municipality, a contact's upload only their own. The list and the assignment are FHI's only:
 * anyone else gets nothing, as if the documents did not exist.
 */
import 'server-only';
import { type Actor, type Viewer, auditActor, denied, isFhi, recordAudit } from '@/lib/access';
import { db, sql } from '@/lib/db';
import {
  type AttributionCandidate,
  type AttributionInput,
  type UnattributedReason,
  attributeMessage,
  sameRun,
} from '../rules/attribution';

/** What attribution knows of the KPR_IDE it attributes. */
export interface IdentityMessageFacts {
  seasonId: string;
  environment: 'PRODUCTION' | 'VALIDATION';
  senderHerId: number | null;
  senderOrgNumber: string | null;
  runNumber: string | null;
  receivedAt: Date;
}

type CandidateRow = AttributionCandidate & { seasonId: string; environment: string; runNumber: string | null };

/**
 * The KPR_IPLs of the same sender (HER-id or organisation number) received by `knownAt` that named
 * their municipality in the payload: all of them (sender), and those of the same run (run).
 */
export async function readAttributionCandidates(
  actor: Actor,
  ide: IdentityMessageFacts,
  knownAt: Date,
): Promise<Pick<AttributionInput, 'sender' | 'run'>> {
  if (ide.senderHerId === null && ide.senderOrgNumber === null) return { sender: [], run: [] };
  const rows = await sql(actor).query<CandidateRow>(
    `SELECT municipality_number AS "municipalityNumber", msg_id AS "msgId", received_at AS "receivedAt",
        season_id::text AS "seasonId", environment, run_number AS "runNumber"
      FROM message
      WHERE type = 'KPR_IPL' AND attribution = 'PAYLOAD' AND municipality_number IS NOT NULL AND received_at <= $3
        AND (sender_her_id = $1 OR sender_org_number = $2)`,
    [ide.senderHerId, ide.senderOrgNumber, knownAt],
  );
  return {
    sender: rows,
    run: rows.filter(
      (row) => row.seasonId === ide.seasonId && row.environment === ide.environment && sameRun(row, ide),
    ),
  };
}

interface WaitingRow extends IdentityMessageFacts {
  id: string;
  msgId: string;
  reason: UnattributedReason | null;
}

const PAYLOAD_OF_REASON: Partial<Record<UnattributedReason, AttributionInput['payload']>> = {
  MUNICIPALITY_NUMBER_UNKNOWN: { kind: 'UNKNOWN' },
  MUNICIPALITY_NUMBER_CONFLICTING: { kind: 'CONFLICTING' },
};

/**
 * After a KPR_IPL from this sender was stored at `receivedAt`: the sender's unattributed KPR_IDEs
 * that can now be attributed (SENDER or RUN) are, counting from when both were known. Usually
 * there are none, and the look-up runs on the index of messages without a municipality.
 */
export async function attributeWaitingMessages(
  actor: Actor,
  sender: { herId: number | null; organisationNumber: string | null },
  receivedAt: Date,
): Promise<number> {
  if (sender.herId === null && sender.organisationNumber === null) return 0;
  const waiting = await sql(actor).query<WaitingRow>(
    `SELECT id, msg_id AS "msgId", season_id::text AS "seasonId", environment, sender_her_id AS "senderHerId",
        sender_org_number AS "senderOrgNumber", run_number AS "runNumber", received_at AS "receivedAt",
        unattributed_reason AS reason
      FROM message
      WHERE municipality_number IS NULL AND type = 'KPR_IDE' AND attribution = 'UNATTRIBUTED'
        AND (sender_her_id = $1 OR sender_org_number = $2)`,
    [sender.herId, sender.organisationNumber],
  );
  let attributed = 0;
  for (const ide of waiting) {
    const knownAt = new Date(Math.max(ide.receivedAt.getTime(), receivedAt.getTime()));
    const candidates = await readAttributionCandidates(actor, ide, knownAt);
    const decision = attributeMessage({
      payload: (ide.reason && PAYLOAD_OF_REASON[ide.reason]) ?? { kind: 'NONE' },
      ...candidates,
    });
    if (decision.method === 'UNATTRIBUTED') continue;
    const [updated] = await sql(actor).query<{ id: string }>(
      `UPDATE message SET municipality_number = $2, attribution = $3::"MessageAttribution", attributed_at = $4,
          attributed_from_msg_id = $5
        WHERE id = $1::uuid AND municipality_number IS NULL RETURNING id::text`,
      [ide.id, decision.municipalityNumber, decision.method, knownAt, decision.fromMsgId],
    );
    if (!updated) continue;
    attributed += 1;
    await recordAudit(db(actor), {
      action: 'ingest.attribute',
      outcome: 'SUCCESS',
      actor: auditActor(actor),
      municipalityNumber: decision.municipalityNumber,
      requestId: actor.requestId,
      details: { msgId: ide.msgId, attribution: decision.method, fromMsgId: decision.fromMsgId },
    });
  }
  return attributed;
}

/** One unattributed document as FHI's list shows it: metadata only, never its payload. */
export interface UnattributedDocumentRow {
  id: string;
  msgId: string;
  type: 'KPR_IPL' | 'KPR_IDE';
  environment: 'PRODUCTION' | 'VALIDATION';
  seasonName: string;
  receivedAt: Date;
  senderHerId: number | null;
  senderOrgNumber: string | null;
  reason: UnattributedReason | null;
}

/** Every document without a municipality, newest first; null for anyone but FHI. */
export async function listUnattributedDocuments(viewer: Viewer): Promise<UnattributedDocumentRow[] | null> {
  if (!isFhi(viewer)) return denied(viewer, 'message.unattributed.list');
  const rows = await db(viewer).message.findMany({
    where: { municipalityNumber: null },
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    select: {
      id: true,
      msgId: true,
      type: true,
      environment: true,
      receivedAt: true,
      senderHerId: true,
      senderOrgNumber: true,
      unattributedReason: true,
      season: { select: { name: true } },
    },
  });
  return rows.map(({ season, unattributedReason, ...row }) => ({
    ...row,
    seasonName: season.name,
    reason: unattributedReason as UnattributedReason | null,
  }));
}

export type AssignmentResult =
  { ok: true; municipalityNumber: string; msgId: string } | { ok: false; field: 'municipality'; message: string };

/**
 * FHI assigns an unattributed document to a municipality, from `at` on (status and replay: before
 * `at` it stays unattributed). Audited. Null when the viewer is not FHI or the document is not
 * (any longer) unattributed.
 */
export async function assignDocumentMunicipality(
  viewer: Viewer,
  id: string,
  municipalityNumber: string,
  at: Date,
): Promise<AssignmentResult | null> {
  if (!isFhi(viewer)) return denied(viewer, 'message.assign');
  const prisma = db(viewer);
  const municipality = await prisma.municipality.findUnique({ where: { number: municipalityNumber } });
  if (!municipality) return { ok: false, field: 'municipality', message: 'Velg en kommune fra listen.' };
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.message.updateMany({
      where: { id, municipalityNumber: null },
      data: { municipalityNumber, attribution: 'ASSIGNED', attributedAt: at, attributedFromMsgId: null },
    });
    if (count === 0) return null;
    const { msgId } = await tx.message.findUniqueOrThrow({ where: { id }, select: { msgId: true } });
    await recordAudit(tx, {
      action: 'message.assign',
      outcome: 'SUCCESS',
      actor: auditActor(viewer),
      municipalityNumber,
      requestId: viewer.requestId,
      details: { msgId },
    });
    return { ok: true as const, municipalityNumber, msgId };
  });
}

/** The municipalities FHI may assign a document to, by number (reference data: every municipality). */
export async function listMunicipalityChoices(viewer: Viewer): Promise<{ number: string; name: string }[]> {
  if (!isFhi(viewer)) return [];
  return db(viewer).municipality.findMany({ select: { number: true, name: true }, orderBy: { number: 'asc' } });
}
