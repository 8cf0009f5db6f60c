/**
 * The reference data ingestion reads with every document (endpoints, municipalities, renumbering,
 * service codes, seasons). It is loaded into the database at start and not changed while the app
 * runs, so each process reads it once.
 */
import 'server-only';
import type { MunicipalityReference, ServiceCodeReference } from '@/lib/ingest/rules/checks';
import type { ReceiverEndpoint } from '@/lib/ingest/readers/msghead';
import type { PrismaClient } from '@/lib/db/client';

export interface IngestSeason {
  id: string;
  key: string;
  /** ISO calendar dates. */
  periodStart: string;
  periodEnd: string;
  deadline: Date;
}

export interface IngestReference {
  endpoints: readonly ReceiverEndpoint[];
  municipalities: MunicipalityReference;
  serviceCodes: readonly ServiceCodeReference[];
  /** Oldest data period first. */
  seasons: readonly IngestSeason[];
}

const cache = new WeakMap<PrismaClient, Promise<IngestReference>>();

export function loadIngestReference(prisma: PrismaClient): Promise<IngestReference> {
  let reference = cache.get(prisma);
  if (!reference) {
    reference = readReference(prisma);
    reference.catch(() => cache.delete(prisma));
    cache.set(prisma, reference);
  }
  return reference;
}

async function readReference(prisma: PrismaClient): Promise<IngestReference> {
  const [endpoints, municipalities, renumbering, serviceCodes, seasons] = await Promise.all([
    prisma.endpoint.findMany({ select: { herId: true, level: true, parentHerId: true, environment: true } }),
    prisma.municipality.findMany({ select: { number: true } }),
    prisma.municipalityRenumbering.findMany({ select: { oldNumber: true, newNumber: true } }),
    prisma.serviceCode.findMany({
      select: { code: true, name: true, validFromYear: true, validToYear: true, welfareTechnology: true },
      orderBy: { code: 'asc' },
    }),
    prisma.season.findMany({
      select: { id: true, key: true, periodStart: true, periodEnd: true, deadline: true },
      orderBy: [{ periodStart: 'asc' }, { key: 'asc' }],
    }),
  ]);
  return {
    endpoints,
    municipalities: {
      validNumbers: new Set(municipalities.map((m) => m.number)),
      renumbering: new Map(renumbering.map((r) => [r.oldNumber, r.newNumber])),
    },
    serviceCodes,
    seasons: seasons.map((s) => ({ ...s, periodStart: isoDate(s.periodStart), periodEnd: isoDate(s.periodEnd) })),
  };
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The season a document belongs to. A KPR_IPL names its data period: the season whose period
 * contains iiFraDato. Otherwise (a KPR_IDE, or a period no season has) the time of receipt decides:
 * the season with the earliest deadline at or after `receivedAt` — test submissions in the autumn
 * and deliveries up to the deadline count for the year being reported — or, after every deadline
 * (late deliveries on an extension), the season with the latest deadline.
 */
export function resolveSeason(
  seasons: readonly IngestSeason[],
  periodFrom: string | null,
  receivedAt: Date,
): IngestSeason | null {
  if (periodFrom !== null) {
    const byPeriod = seasons.find((s) => s.periodStart <= periodFrom && periodFrom <= s.periodEnd);
    if (byPeriod) return byPeriod;
  }
  const byDeadline = [...seasons].sort((a, b) => a.deadline.getTime() - b.deadline.getTime());
  return byDeadline.find((s) => s.deadline.getTime() >= receivedAt.getTime()) ?? byDeadline.at(-1) ?? null;
}
