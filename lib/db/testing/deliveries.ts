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
