/**
 * Municipalities and their deliveries, always within the viewer's scope: FHI see all, a municipal
 * contact only their own municipality (or municipalities). Anything outside the scope is answered
 * exactly as if it did not exist.
 */
import 'server-only';
import { recordAudit } from '@/lib/audit';
import { auditActor, canSeeMunicipality, municipalityScope, type Viewer } from '@/lib/auth/viewer-types';
import { db } from '@/lib/db';

export type ApprecStatusValue = 'OK' | 'REJECTED' | 'OK_WITH_ERRORS';

export interface SeasonSummary {
  id: string;
  key: string;
  name: string;
  deadline: Date;
}

export interface MunicipalityDeliveryRow {
  number: string;
  name: string;
  countyName: string;
  latestProductionIpl: {
    msgId: string;
    receivedAt: Date;
    apprecStatus: ApprecStatusValue | null;
  } | null;
}

export interface MessageSummary {
  msgId: string;
  type: 'KPR_IPL' | 'KPR_IDE';
  environment: 'PRODUCTION' | 'VALIDATION';
  receivedAt: Date;
  epjSystem: string | null;
  apprec: { status: ApprecStatusValue; receivedAt: Date; errors: { code: string; displayName: string | null }[] } | null;
}

export interface MunicipalityDetail {
  number: string;
  name: string;
  officialName: string;
  countyName: string;
  messages: MessageSummary[];
}

/** The season with `key`, or the latest annual season when no key is given; null when there is none. */
export async function getSeason(key?: string): Promise<SeasonSummary | null> {
  return db().season.findFirst({
    where: key ? { key } : { kind: 'ANNUAL' },
    orderBy: { periodEnd: 'desc' },
    select: { id: true, key: true, name: true, deadline: true },
  });
}

async function latestApprecs(msgIds: string[]) {
  const apprecs = await db().apprec.findMany({
    where: { originalMsgId: { in: msgIds } },
    orderBy: { receivedAt: 'asc' },
    select: {
      originalMsgId: true,
      status: true,
      receivedAt: true,
      errors: { orderBy: { position: 'asc' }, select: { code: true, displayName: true } },
    },
  });
  // One Apprec per message is the rule; should more arrive, the latest counts.
  return new Map(apprecs.map((apprec) => [apprec.originalMsgId, apprec]));
}

export async function listMunicipalityDeliveries(viewer: Viewer, seasonId: string): Promise<MunicipalityDeliveryRow[]> {
  const municipalities = await db().municipality.findMany({
    where: { number: municipalityScope(viewer) },
    orderBy: { number: 'asc' },
    select: {
      number: true,
      shortName: true,
      county: { select: { name: true } },
      messages: {
        where: { seasonId, type: 'KPR_IPL', environment: 'PRODUCTION' },
        orderBy: { receivedAt: 'desc' },
        take: 1,
        select: { msgId: true, receivedAt: true },
      },
    },
  });
  const apprecs = await latestApprecs(municipalities.flatMap((m) => m.messages.map((message) => message.msgId)));
  return municipalities.map((municipality) => {
    const latest = municipality.messages[0];
    return {
      number: municipality.number,
      name: municipality.shortName,
      countyName: municipality.county.name,
      latestProductionIpl: latest
        ? { msgId: latest.msgId, receivedAt: latest.receivedAt, apprecStatus: apprecs.get(latest.msgId)?.status ?? null }
        : null,
    };
  });
}

/** One municipality's messages in a season; null when it does not exist or is outside the viewer's scope. */
export async function getMunicipalityDetail(viewer: Viewer, number: string, seasonId: string): Promise<MunicipalityDetail | null> {
  if (!canSeeMunicipality(viewer, number)) {
    await recordAudit(db(), {
      action: 'access.denied',
      outcome: 'DENIED',
      actor: auditActor(viewer),
      municipalityNumber: /^\d{4}$/.test(number) ? number : null,
      requestId: viewer.requestId,
      details: { resource: 'municipality' },
    });
    return null;
  }
  const municipality = await db().municipality.findUnique({
    where: { number },
    select: {
      number: true,
      shortName: true,
      name: true,
      county: { select: { name: true } },
      messages: {
        where: { seasonId },
        orderBy: { receivedAt: 'desc' },
        select: { msgId: true, type: true, environment: true, receivedAt: true, epjSystem: true },
      },
    },
  });
  if (!municipality) return null;
  await recordAudit(db(), {
    action: 'municipality.view',
    outcome: 'SUCCESS',
    actor: auditActor(viewer),
    municipalityNumber: number,
    requestId: viewer.requestId,
  });
  const apprecs = await latestApprecs(municipality.messages.map((message) => message.msgId));
  return {
    number: municipality.number,
    name: municipality.shortName,
    officialName: municipality.name,
    countyName: municipality.county.name,
    messages: municipality.messages.map((message) => {
      const apprec = apprecs.get(message.msgId);
      return {
        ...message,
        apprec: apprec ? { status: apprec.status, receivedAt: apprec.receivedAt, errors: apprec.errors } : null,
      };
    }),
  };
}
