/**
 * Extension requests: a municipal contact applies for their own municipality (a new date, a reason,
 * a justification and what will be fixed) and may withdraw the municipality's pending request; FHI
 * staff and admins grant it (possibly with another date) or deny it with a note. A municipality has
 * at most one pending request per season. Everything is scoped to the viewer (anything outside the
 * scope is answered like something that does not exist) and every write is audited. The decision
 * is an event: the status engine makes a granted date the effective deadline everywhere.
 * The free texts (justification, planned fix, decision note) are masked for national identity
 * numbers before they are stored (this module is their write boundary).
 */
import 'server-only';
import { z } from 'zod';
import {
  auditActor,
  canSeeMunicipality,
  denied,
  isFhi,
  recordAudit,
  scopeWhere,
  type Actor,
  type Viewer,
} from '@/lib/access';
import { maskIdentityNumbers, maskOptionalText } from '@/lib/core/identity-masking';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/db/generated/client';
import { endOfOsloDay, osloDate } from '@/lib/core/calendar';
import { env } from '@/lib/core/env';
import { findMunicipalitySeason, findSeason, getMunicipalityState } from '@/lib/status';
import {
  deriveDeliveryState,
  extensionPendingWait,
  seasonInput,
  type ExtensionStatus,
  type SeasonRow,
} from '@/lib/status/rules';
import { formatIsoDate } from '@/lib/core/format';
import { EXTENSION_CLOSED_MESSAGES, EXTENSION_MESSAGES } from '@/lib/follow-up/labels';
import {
  EXTENSION_REASONS,
  extensionClosedReason,
  extensionDateBounds,
  lastApplicationDay,
  grantDateBounds,
  outsideBounds,
  type DecidedExtensionRow,
  type ExtensionDecisionInput,
  type ExtensionListSummary,
  type ExtensionRequestInput,
  type ExtensionRequestRow,
  type ExtensionWriteResult,
  type MunicipalityExtensionsSummary,
} from '@/lib/follow-up/rules/extension-requests';

const ROW_SELECT = {
  id: true,
  municipalityNumber: true,
  municipality: { select: { shortName: true } },
  season: { select: { key: true } },
  requestedDeadline: true,
  reasonCategory: true,
  justification: true,
  plannedFix: true,
  requestedAt: true,
  requestedBy: { select: { name: true } },
  status: true,
  grantedDeadline: true,
  decisionNote: true,
  decidedAt: true,
  decidedBy: { select: { name: true } },
} satisfies Prisma.ExtensionRequestSelect;

function toRow({
  municipality,
  season,
  requestedBy,
  decidedBy,
  reasonCategory,
  ...row
}: Prisma.ExtensionRequestGetPayload<{ select: typeof ROW_SELECT }>): ExtensionRequestRow {
  return {
    ...row,
    municipalityName: municipality.shortName,
    seasonKey: season.key,
    reasonCategory: EXTENSION_REASONS.find((reason) => reason === reasonCategory) ?? null,
    requestedByName: requestedBy?.name ?? null,
    decidedByName: decidedBy?.name ?? null,
  };
}

type EngineRequest = {
  id: string;
  requestedAt: Date;
  requestedDeadline: Date;
  status: ExtensionStatus;
  grantedDeadline: Date | null;
  decidedAt: Date | null;
};

/** The municipality's effective deadline at `now` as the status engine derives it (it depends on the season and the extension decisions only). */
function effectiveDeadlineAt(season: SeasonRow, requests: readonly EngineRequest[], now: Date): Date {
  return deriveDeliveryState(
    {
      season: seasonInput(season),
      messages: [],
      apprecs: [],
      findings: [],
      extensionRequests: requests,
      resubmissionAgreements: [],
      previousSeason: null,
      serviceCodes: [],
    },
    now,
  ).figures.effectiveDeadline;
}

const ENGINE_SELECT = {
  id: true,
  requestedAt: true,
  requestedDeadline: true,
  status: true,
  grantedDeadline: true,
  decidedAt: true,
} as const;

/** A municipal contact of this municipality (FHI see it too, but do not apply or withdraw for it). */
const isContactOf = (viewer: Viewer, number: string) =>
  viewer.role === 'MUNICIPAL_CONTACT' && canSeeMunicipality(viewer, number);

/** The municipality's requests in the season (the latest annual season by default) and what the viewer may do; null outside the scope. */
export async function getMunicipalityExtensions(
  viewer: Viewer,
  number: string,
  query: { seasonKey?: string } = {},
  now = new Date(),
): Promise<MunicipalityExtensionsSummary | null> {
  if (!canSeeMunicipality(viewer, number)) return denied(viewer, 'municipality.extensions', number);
  const season = await findMunicipalitySeason(viewer, number, query.seasonKey);
  if (!season) return null;
  const requests = await db(viewer).extensionRequest.findMany({
    where: { seasonId: season.id, municipalityNumber: number },
    orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }],
    select: ROW_SELECT,
  });
  const effectiveDeadline = effectiveDeadlineAt(season, requests, now);
  const pending = requests.some((request) => request.status === 'PENDING');
  const closedReason = await applicationClosedReason(viewer, number, season.key, effectiveDeadline, now);
  return {
    season: { key: season.key, name: season.name },
    requests: requests.map(toRow),
    effectiveDeadline,
    canApply: isContactOf(viewer, number) && !pending && closedReason === null,
    closedReason,
    lastApplicationDay: lastApplicationDay(effectiveDeadline, env.EXTENSION_GRACE_DAYS),
    canWithdraw: isContactOf(viewer, number) && pending,
    canDecide: isFhi(viewer) && pending,
    dateBounds: extensionDateBounds(now, effectiveDeadline),
  };
}

/**
 * Why the municipality may not apply now (extensionClosedReason): its state at `now` as the status
 * engine derives it, its effective deadline and the grace of EXTENSION_GRACE_DAYS; null when it may.
 */
async function applicationClosedReason(
  actor: Actor,
  number: string,
  seasonKey: string,
  effectiveDeadline: Date,
  now: Date,
): Promise<ReturnType<typeof extensionClosedReason>> {
  const status = await getMunicipalityState(actor, number, { seasonKey, asOf: now });
  return extensionClosedReason({
    state: status?.state ?? 'NOT_STARTED',
    effectiveDeadline,
    now,
    graceDays: env.EXTENSION_GRACE_DAYS,
  });
}

/** A contact applies for their own municipality in the season (latest annual by default); null for anyone else or an unknown municipality. */
export async function requestExtension(
  viewer: Viewer,
  number: string,
  input: ExtensionRequestInput,
  query: { seasonKey?: string } = {},
  now = new Date(),
): Promise<ExtensionWriteResult | null> {
  if (!viewer.userId || !isContactOf(viewer, number)) return denied(viewer, 'extension.request', number);
  const season = await findSeason(viewer, query.seasonKey);
  if (!season) return null;
  return db(viewer).$transaction(async (tx) => {
    // One writer per municipality at a time, so that two requests cannot both see "none pending".
    const locked = await tx.$queryRaw<
      { number: string }[]
    >`SELECT number FROM municipality WHERE number = ${number} FOR UPDATE`;
    if (locked.length === 0) return null;
    const requests = await tx.extensionRequest.findMany({
      where: { seasonId: season.id, municipalityNumber: number },
      select: ENGINE_SELECT,
    });
    if (requests.some((request) => request.status === 'PENDING')) {
      return { ok: false, field: 'form', message: EXTENSION_MESSAGES.alreadyPending } as const;
    }
    const effectiveDeadline = effectiveDeadlineAt(season, requests, now);
    const closed = await applicationClosedReason(viewer, number, season.key, effectiveDeadline, now);
    if (closed) {
      const lastDay = formatIsoDate(lastApplicationDay(effectiveDeadline, env.EXTENSION_GRACE_DAYS));
      return { ok: false, field: 'form', message: EXTENSION_CLOSED_MESSAGES[closed](lastDay) } as const;
    }
    const problem = outsideBounds(input.requestedDate, extensionDateBounds(now, effectiveDeadline));
    if (problem) return { ok: false, field: 'requestedDate', message: problem } as const;
    const created = await tx.extensionRequest.create({
      data: {
        seasonId: season.id,
        municipalityNumber: number,
        requestedDeadline: endOfOsloDay(input.requestedDate),
        reasonCategory: input.reasonCategory,
        justification: maskIdentityNumbers(input.justification),
        plannedFix: maskOptionalText(input.plannedFix),
        requestedAt: now,
        requestedById: viewer.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      action: 'extension.request',
      outcome: 'SUCCESS',
      actor: auditActor(viewer),
      municipalityNumber: number,
      requestId: viewer.requestId,
      details: {
        extensionRequestId: created.id,
        season: season.key,
        requestedDate: input.requestedDate,
        reasonCategory: input.reasonCategory,
      },
    });
    return { ok: true, id: created.id, municipalityNumber: number } as const;
  });
}

function alreadyClosed(status: ExtensionStatus): ExtensionWriteResult {
  return { ok: false, field: 'form', message: EXTENSION_MESSAGES.notPendingAnyMore(status) };
}

/** A contact withdraws their municipality's pending request; null when it does not exist or is another municipality's. */
export async function withdrawExtensionRequest(
  viewer: Viewer,
  id: string,
  now = new Date(),
): Promise<ExtensionWriteResult | null> {
  if (!viewer.userId || viewer.role !== 'MUNICIPAL_CONTACT') return denied(viewer, 'extension.withdraw');
  if (!z.uuid().safeParse(id).success) return null;
  const request = await db(viewer).extensionRequest.findFirst({
    where: { id, municipalityNumber: scopeWhere(viewer) },
    select: { id: true, status: true, municipalityNumber: true },
  });
  if (!request) return denied(viewer, 'extension.withdraw');
  if (request.status !== 'PENDING') return alreadyClosed(request.status);
  const { count } = await db(viewer).extensionRequest.updateMany({
    where: { id, status: 'PENDING' },
    data: { status: 'WITHDRAWN', decidedAt: now, decidedById: viewer.userId },
  });
  if (count === 0) return alreadyClosed('WITHDRAWN');
  await recordAudit(db(viewer), {
    action: 'extension.withdraw',
    outcome: 'SUCCESS',
    actor: auditActor(viewer),
    municipalityNumber: request.municipalityNumber,
    requestId: viewer.requestId,
    details: { extensionRequestId: id },
  });
  return { ok: true, id, municipalityNumber: request.municipalityNumber };
}

/**
 * FHI grants (with the requested or another date after the season deadline) or denies a pending
 * request; null for anyone else or a request that does not exist.
 */
export async function decideExtensionRequest(
  viewer: Viewer,
  id: string,
  input: ExtensionDecisionInput,
  now = new Date(),
): Promise<ExtensionWriteResult | null> {
  if (!viewer.userId || !isFhi(viewer)) return denied(viewer, 'extension.decide');
  if (!z.uuid().safeParse(id).success) return null;
  const request = await db(viewer).extensionRequest.findUnique({
    where: { id },
    select: { status: true, municipalityNumber: true, season: true },
  });
  if (!request) return null;
  if (request.status !== 'PENDING') return alreadyClosed(request.status);
  let grantedDeadline: Date | null = null;
  if (input.decision === 'GRANT') {
    const problem = outsideBounds(input.grantedDate, grantDateBounds(now, request.season.deadline));
    if (problem) return { ok: false, field: 'grantedDate', message: problem };
    if (input.grantedDate < osloDate(now) && !input.confirmPastDate)
      return {
        ok: false,
        field: 'confirmPastDate',
        message: EXTENSION_MESSAGES.pastDateNeedsConfirmation(formatIsoDate(input.grantedDate)),
      };
    grantedDeadline = endOfOsloDay(input.grantedDate);
  }
  const status = input.decision === 'GRANT' ? 'GRANTED' : 'DENIED';
  const { count } = await db(viewer).extensionRequest.updateMany({
    where: { id, status: 'PENDING' },
    data: {
      status,
      grantedDeadline,
      decisionNote: maskOptionalText(input.note || null),
      decidedAt: now,
      decidedById: viewer.userId,
    },
  });
  if (count === 0) return alreadyClosed(status);
  await recordAudit(db(viewer), {
    action: 'extension.decide',
    outcome: 'SUCCESS',
    actor: auditActor(viewer),
    municipalityNumber: request.municipalityNumber,
    requestId: viewer.requestId,
    details: { extensionRequestId: id, status, ...(grantedDeadline && { grantedDate: osloDate(grantedDeadline) }) },
  });
  return { ok: true, id, municipalityNumber: request.municipalityNumber };
}

/** FHI's list of the season's requests: pending (oldest first, with how long they have waited), then the closed ones. */
export async function listExtensionRequests(
  viewer: Viewer,
  query: { seasonKey?: string } = {},
  now = new Date(),
): Promise<ExtensionListSummary | null> {
  if (!isFhi(viewer)) return denied(viewer, 'extension.list');
  const season = await findSeason(viewer, query.seasonKey);
  if (!season) return null;
  const [pending, closed] = await Promise.all([
    db(viewer).extensionRequest.findMany({
      where: { seasonId: season.id, status: 'PENDING' },
      orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
      select: ROW_SELECT,
    }),
    db(viewer).extensionRequest.findMany({
      where: { seasonId: season.id, status: { not: 'PENDING' } },
      orderBy: [{ decidedAt: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }],
      select: ROW_SELECT,
    }),
  ]);
  await recordAudit(db(viewer), {
    action: 'extension.list',
    outcome: 'SUCCESS',
    actor: auditActor(viewer),
    requestId: viewer.requestId,
    details: { season: season.key, pending: pending.length, closed: closed.length },
  });
  return {
    season: {
      key: season.key,
      name: season.name,
      deadline: season.deadline,
      extensionPendingAlertWorkingDays: season.extensionPendingAlertWorkingDays,
    },
    pending: pending.map((row) => {
      const wait = extensionPendingWait(row.requestedAt, now, season);
      return {
        ...toRow(row),
        workingDaysPending: wait.workingDays,
        needsFhiAttention: wait.needsFhiAttention,
        requestedDeadlinePassed: row.requestedDeadline < now,
      };
    }),
    closed: closed.map(toRow),
  };
}

/**
 * The season's requests FHI granted or denied from `decidedAfter` up to `decidedBy`, in the
 * actor's scope: what the reminders tell the municipalities of.
 */
export async function listDecidedExtensions(
  actor: Actor,
  seasonId: string,
  decidedAfter: Date,
  decidedBy: Date,
): Promise<DecidedExtensionRow[]> {
  const requests = await db(actor).extensionRequest.findMany({
    where: {
      seasonId,
      municipalityNumber: scopeWhere(actor),
      status: { in: ['GRANTED', 'DENIED'] },
      decidedAt: { lte: decidedBy, gte: decidedAfter },
    },
    select: {
      id: true,
      municipalityNumber: true,
      status: true,
      decidedAt: true,
      requestedDeadline: true,
      grantedDeadline: true,
    },
  });
  return requests.flatMap(({ status, decidedAt, ...request }) =>
    (status === 'GRANTED' || status === 'DENIED') && decidedAt ? [{ ...request, status, decidedAt }] : [],
  );
}
