/** Test deliveries: a production message of a whole season's year, and its Apprec, as ingestion would store them. */
import type { PrismaClient } from '../client';

const IPLOS_SUMMARY = {
  kind: 'KPR_IPL',
  persons: 900,
  servicesByCode: { '1': 400, '6': 40 },
  organisationNumbers: { checked: 3, invalid: 0 },
};
const IDENTITY_SUMMARY = { kind: 'KPR_IDE', persons: 900, testPersons: 0 };

export interface TestMessage {
  seasonKey?: string;
  msgId: string;
  type: 'KPR_IPL' | 'KPR_IDE';
  municipality: string;
  receivedAt: string | Date;
}

export async function recordTestMessage(prisma: PrismaClient, message: TestMessage): Promise<void> {
  const season = await prisma.season.findUniqueOrThrow({ where: { key: message.seasonKey ?? '2025' } });
  const receivedAt = new Date(message.receivedAt);
  await prisma.message.create({
    data: {
      msgId: message.msgId,
      type: message.type,
      seasonId: season.id,
      genDate: receivedAt,
      receivedAt,
      transport: 'AMQP',
      receiverHerId: 122612,
      environment: 'PRODUCTION',
      municipalityNumberAsSent: message.municipality,
      municipalityNumber: message.municipality,
      runNumber: '1',
      periodFrom: season.periodStart,
      periodTo: season.periodEnd,
      contentSummary: message.type === 'KPR_IPL' ? IPLOS_SUMMARY : IDENTITY_SUMMARY,
      payloadSha256: 'a'.repeat(64),
    },
  });
}

/** The Apprec for `msgId` (a KPR_IPL unless `originalMsgType` says otherwise); a rejection carries a T02 error. */
export async function recordTestApprec(
  prisma: PrismaClient,
  msgId: string,
  status: 'OK' | 'REJECTED',
  at: string | Date,
  originalMsgType: 'KPR_IPL' | 'KPR_IDE' = 'KPR_IPL',
): Promise<void> {
  await prisma.apprec.create({
    data: {
      apprecId: `apprec-${msgId}`,
      originalMsgId: msgId,
      originalMsgType,
      status,
      version: 'V1_1',
      genDate: new Date(at),
      receivedAt: new Date(at),
      transport: 'AMQP',
      payloadSha256: 'b'.repeat(64),
      errors:
        status === 'REJECTED'
          ? { create: [{ position: 0, code: 'T02', displayName: 'XML validerer ikke', freeText: 'Feil i INNHINFO' }] }
          : undefined,
    },
  });
}

/** A whole delivery (KPR_IPL and KPR_IDE, `${msgId}-KPR_IPL` …) and the KPR_IPL's Apprec half an hour later. */
export async function recordTestDelivery(
  prisma: PrismaClient,
  delivery: { seasonKey?: string; msgId: string; municipality: string; receivedAt: string; apprec: 'OK' | 'REJECTED' },
): Promise<void> {
  const { msgId, apprec, ...message } = delivery;
  for (const type of ['KPR_IPL', 'KPR_IDE'] as const)
    await recordTestMessage(prisma, { ...message, msgId: `${msgId}-${type}`, type });
  await recordTestApprec(
    prisma,
    `${msgId}-KPR_IPL`,
    apprec,
    new Date(new Date(delivery.receivedAt).getTime() + 30 * 60_000),
  );
}

let dailyRun = 0;

/**
 * One production delivery of the daily season (KPR_IPL covering `from`–`to` and its KPR_IDE, the
 * same run number) with both Apprecs a minute later: the KPR_IPL's `status`, the KPR_IDE's OK.
 */
export async function recordTestDailyDelivery(
  prisma: PrismaClient,
  delivery: {
    municipality: string;
    from: string;
    to: string;
    receivedAt: string;
    status: 'OK' | 'REJECTED';
    persons?: number;
    seasonKey?: string;
  },
): Promise<void> {
  const { municipality, from, to, status, persons = 50 } = delivery;
  const season = await prisma.season.findUniqueOrThrow({ where: { key: delivery.seasonKey ?? '2026-daglig' } });
  const run = String(++dailyRun);
  const at = new Date(delivery.receivedAt);
  for (const type of ['KPR_IPL', 'KPR_IDE'] as const) {
    const msgId = `${municipality}-${type}-${run}`;
    await prisma.message.create({
      data: {
        msgId,
        type,
        seasonId: season.id,
        genDate: at,
        receivedAt: at,
        transport: 'AMQP',
        receiverHerId: 122612,
        environment: 'PRODUCTION',
        municipalityNumberAsSent: municipality,
        municipalityNumber: municipality,
        runNumber: run,
        periodFrom: type === 'KPR_IPL' ? new Date(`${from}T00:00:00Z`) : null,
        periodTo: type === 'KPR_IPL' ? new Date(`${to}T00:00:00Z`) : null,
        contentSummary:
          type === 'KPR_IPL'
            ? { kind: 'KPR_IPL', persons, servicesByCode: {}, organisationNumbers: { checked: 1, invalid: 0 } }
            : { kind: 'KPR_IDE', persons, testPersons: 0 },
        payloadSha256: 'a'.repeat(64),
      },
    });
    await prisma.apprec.create({
      data: {
        apprecId: `apprec-${msgId}`,
        originalMsgId: msgId,
        status: type === 'KPR_IPL' ? status : 'OK',
        version: 'V1_1',
        genDate: new Date(at.getTime() + 60_000),
        receivedAt: new Date(at.getTime() + 60_000),
        transport: 'AMQP',
        payloadSha256: 'b'.repeat(64),
      },
    });
  }
}
