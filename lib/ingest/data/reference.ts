/**
 * The reference data ingestion reads with every document (endpoints, municipalities, renumbering,
 * service codes, seasons). It is loaded into the database at start and not changed while the app
 * runs, so each process reads it once. Reference data belongs to no municipality: every actor
 * reads the same.
 */
import 'server-only';
import type { Actor } from '@/lib/access';
import { db } from '@/lib/db';
import type { ReceiverEndpoint } from '../readers/msghead';
import type { MunicipalityReference, ServiceCodeReference } from '../rules/checks';
import type { IngestSeason } from '../rules/season';

export interface IngestReference {
  endpoints: readonly ReceiverEndpoint[];
  municipalities: MunicipalityReference;
  serviceCodes: readonly ServiceCodeReference[];
  /** Oldest data period first. */
  seasons: readonly IngestSeason[];
}

let cached: Promise<IngestReference> | undefined;

export function loadIngestReference(actor: Actor): Promise<IngestReference> {
  if (!cached) {
    // The same for every actor: reference data is no one municipality's.
    const reading = readReference(actor);
    cached = reading;
    reading.catch(() => {
      if (cached === reading) cached = undefined;
    });
  }
  return cached;
}

async function readReference(actor: Actor): Promise<IngestReference> {
  const prisma = db(actor);
  const [endpoints, municipalities, renumbering, serviceCodes, seasons] = await Promise.all([
    prisma.endpoint.findMany({ select: { herId: true, level: true, parentHerId: true, environment: true } }),
    prisma.municipality.findMany({ select: { number: true } }),
    prisma.municipalityRenumbering.findMany({ select: { oldNumber: true, newNumber: true } }),
    prisma.serviceCode.findMany({
      select: { code: true, name: true, validFromYear: true, validToYear: true, welfareTechnology: true },
      orderBy: { code: 'asc' },
    }),
    prisma.season.findMany({
      select: { id: true, key: true, kind: true, periodStart: true, periodEnd: true, opensAt: true, deadline: true },
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
