/**
 * Municipalities with their latest production KPR_IPL and its Apprec, for one season.
 * Access control (the viewer and the municipality scope) joins this layer with the access issue;
 * until then the demo shows every municipality.
 */
import 'server-only';
import { db } from '@/lib/db';

export type ApprecStatusValue = 'OK' | 'REJECTED' | 'OK_WITH_ERRORS';

export interface SeasonSummary {
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

/** The season with `key`, or the latest annual season when no key is given; null when there is none. */
export async function getSeason(key?: string): Promise<(SeasonSummary & { id: string }) | null> {
  return db().season.findFirst({
    where: key ? { key } : { kind: 'ANNUAL' },
    orderBy: { periodEnd: 'desc' },
    select: { id: true, key: true, name: true, deadline: true },
  });
}

export async function listMunicipalityDeliveries(seasonId: string): Promise<MunicipalityDeliveryRow[]> {
  const municipalities = await db().municipality.findMany({
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
  const msgIds = municipalities.flatMap((m) => m.messages.map((message) => message.msgId));
  const apprecs = await db().apprec.findMany({
    where: { originalMsgId: { in: msgIds } },
    orderBy: { receivedAt: 'asc' },
    select: { originalMsgId: true, status: true },
  });
  // One Apprec per message is the rule; should more arrive, the latest counts.
  const statusByMsgId = new Map(apprecs.map((apprec) => [apprec.originalMsgId, apprec.status]));

  return municipalities.map((municipality) => {
    const latest = municipality.messages[0];
    return {
      number: municipality.number,
      name: municipality.shortName,
      countyName: municipality.county.name,
      latestProductionIpl: latest
        ? { msgId: latest.msgId, receivedAt: latest.receivedAt, apprecStatus: statusByMsgId.get(latest.msgId) ?? null }
        : null,
    };
  });
}
