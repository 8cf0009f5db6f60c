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
  RUN_WINDOW_HOURS,
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

/** What ingestion knows of a KPR_IDE when it decides its season (lib/ingest/rules/season.ts). */
export interface IdentitySeasonFacts {
  environment: 'PRODUCTION' | 'VALIDATION';
  senderHerId: number | null;
  senderOrgNumber: string | null;
  runNumber: string | null;
  receivedAt: Date;
  /** The municipality its payload names (after renumbering), for an extension; null when none. */
  municipalityNumber: string | null;
}

/**
 * The evidence for a KPR_IDE's season: the season of its run's KPR_IPL received by then (same
 * sender and environment, sameRun; the nearest in time when several), and the annual seasons
 * whose deadline a granted extension for its municipality moves to at or after its receipt.
 */
export async function readIdentitySeasonEvidence(
  actor: Actor,
  ide: IdentitySeasonFacts,
): Promise<{ runSeasonId: string | null; extendedSeasonIds: string[] }> {
  const [runs, extensions] = await Promise.all([
    ide.senderHerId === null && ide.senderOrgNumber === null
      ? []
      : sql(actor).query<{ seasonId: string; runNumber: string | null; receivedAt: Date }>(
          // Narrowed to the run in SQL (a shared EPJ host sends many KPR_IPLs a day); sameRun decides below.
          `SELECT season_id::text AS "seasonId", run_number AS "runNumber", received_at AS "receivedAt"
            FROM message
            WHERE type = 'KPR_IPL' AND environment = $3::"Environment" AND received_at <= $4
              AND (sender_her_id = $1 OR sender_org_number = $2)
              AND (btrim(run_number) = $5
                   OR ((coalesce(btrim(run_number), '') = '' OR $5::text IS NULL)
                       AND received_at >= $4::timestamptz - make_interval(hours => $6)))
            ORDER BY received_at DESC LIMIT 100`,
          [
            ide.senderHerId,
            ide.senderOrgNumber,
            ide.environment,
            ide.receivedAt,
            ide.runNumber?.trim() || null,
            RUN_WINDOW_HOURS,
          ],
        ),
    ide.municipalityNumber === null
      ? []
      : sql(actor).query<{ seasonId: string }>(
          `SELECT DISTINCT e.season_id::text AS "seasonId"
            FROM extension_request e JOIN season s ON s.id = e.season_id
            WHERE e.municipality_number = $1 AND e.status = 'GRANTED' AND s.kind = 'ANNUAL'
              AND e.granted_deadline >= $2 AND e.decided_at <= $2`,
          [ide.municipalityNumber, ide.receivedAt],
        ),
  ]);
  const run = runs.find((row) => sameRun(row, ide));
  return { runSeasonId: run?.seasonId ?? null, extendedSeasonIds: extensions.map((row) => row.seasonId) };
}

/**
 * After a KPR_IPL was stored: KPR_IDEs of its run that came first (same sender and environment,
 * the same run number, received within the run window before it) and were given another season by
 * the receipt rule follow it into its season. Only when both carry a run number: without one, time
 * alone is too weak to move a stored document. Returns how many moved.
 */
export async function moveRunIdentityMessages(
  actor: Actor,
  ipl: {
    seasonId: string;
    environment: 'PRODUCTION' | 'VALIDATION';
    senderHerId: number | null;
    senderOrgNumber: string | null;
    runNumber: string | null;
    receivedAt: Date;
  },
): Promise<number> {
  const runNumber = ipl.runNumber?.trim() || null;
  if (runNumber === null || (ipl.senderHerId === null && ipl.senderOrgNumber === null)) return 0;
  const moved = await sql(actor).query<{ msgId: string; municipalityNumber: string | null }>(
    `UPDATE message SET season_id = $1::uuid
      WHERE type = 'KPR_IDE' AND environment = $2::"Environment" AND season_id <> $1::uuid
        AND (sender_her_id = $3 OR sender_org_number = $4) AND btrim(run_number) = $5
        AND received_at <= $6 AND received_at >= $6::timestamptz - make_interval(hours => $7)
      RETURNING msg_id AS "msgId", municipality_number AS "municipalityNumber"`,
    [ipl.seasonId, ipl.environment, ipl.senderHerId, ipl.senderOrgNumber, runNumber, ipl.receivedAt, RUN_WINDOW_HOURS],
  );
  for (const row of moved) {
    await recordAudit(db(actor), {
      action: 'ingest.season',
      outcome: 'SUCCESS',
      actor: auditActor(actor),
      municipalityNumber: row.municipalityNumber,
      requestId: actor.requestId,
      details: { msgId: row.msgId, seasonId: ipl.seasonId },
    });
  }
  return moved.length;
}
