/**
 * The pre-submission self-check of a municipal contact. The files are read in the browser and
 * never uploaded; the server supplies the reference data and last year's aggregates for the
 * contact's own municipalities, and saves what the contact chooses to record: the header fields,
 * aggregates and counts, re-checked here with the same §5 checks — never a person or an identity
 * number. `getLatestSelfCheck` tells the dashboard's checklist that the self-check was done.
 * What the browser sends is masked for national identity numbers (lib/core/identity-masking.ts) on
 * arrival, before it is checked, stored or answered: this module is the self-check's write boundary.
 */
import 'server-only';
import { auditActor, canSeeMunicipality, recordAudit, scopeWhere, type Viewer } from '@/lib/access';
import { iplosContentSummarySchema } from '@/lib/core/content-summary';
import { maskIdentityNumbersDeep } from '@/lib/core/identity-masking';
import { db } from '@/lib/db';
import { type CheckFinding, runDeliveryChecks } from '../rules/checks';
import { resolveSeason } from '../rules/season';
import type { SelfCheckContext, SelfCheckInput, SelfCheckSummary } from '../rules/self-check';
import { loadIngestReference } from './reference';

function isContact(viewer: Viewer): boolean {
  return viewer.role === 'MUNICIPAL_CONTACT' && viewer.userId !== null;
}

/** The context for the self-check page, or null for anyone but a municipal contact. */
export async function getSelfCheckContext(viewer: Viewer, now: Date): Promise<SelfCheckContext | null> {
  if (!isContact(viewer)) return null;
  const prisma = db(viewer);
  const reference = await loadIngestReference(viewer);
  const season = resolveSeason(reference.seasons, { kind: 'NONE' }, now);
  if (!season) return null;
  const seasonIndex = reference.seasons.findIndex((s) => s.id === season.id);
  const previousSeason = reference.seasons[seasonIndex - 1];
  const [seasonRow, municipalities] = await Promise.all([
    prisma.season.findUniqueOrThrow({ where: { id: season.id }, select: { name: true } }),
    prisma.municipality.findMany({
      where: { number: scopeWhere(viewer) },
      select: { number: true, shortName: true },
      orderBy: { number: 'asc' },
    }),
  ]);
  return {
    season: { key: season.key, name: seasonRow.name, periodStart: season.periodStart, periodEnd: season.periodEnd },
    endpoints: [...reference.endpoints],
    validMunicipalityNumbers: [...reference.municipalities.validNumbers],
    renumbering: [...reference.municipalities.renumbering.entries()],
    serviceCodes: [...reference.serviceCodes],
    municipalities: await Promise.all(
      municipalities.map(async (m) => {
        const production = { municipalityNumber: m.number, type: 'KPR_IPL', environment: 'PRODUCTION' } as const;
        const [lastYear, previous, latestSelfCheck] = await Promise.all([
          previousSeason
            ? prisma.message.findFirst({
                where: { ...production, seasonId: previousSeason.id },
                orderBy: { receivedAt: 'desc' },
                select: { contentSummary: true },
              })
            : null,
          prisma.message.findFirst({
            where: { ...production, epjSystem: { not: null } },
            orderBy: { receivedAt: 'desc' },
            select: { epjSystem: true },
          }),
          latestFor(viewer, m.number, season.id),
        ]);
        const lastYearSummary = iplosContentSummarySchema.safeParse(lastYear?.contentSummary);
        return {
          number: m.number,
          name: m.shortName,
          lastYearServicesByCode: lastYearSummary.success ? lastYearSummary.data.servicesByCode : null,
          previousEpjSystem: previous?.epjSystem ?? null,
          latestSelfCheck,
        };
      }),
    ),
  };
}

/**
 * Saves a self-check for one of the contact's own municipalities, with the findings computed here
 * from the submitted aggregates. Null when the viewer may not (foreign = not found).
 */
export async function saveSelfCheck(
  viewer: Viewer,
  sent: SelfCheckInput,
  now: Date,
): Promise<{ findings: CheckFinding[] } | null> {
  const input = maskIdentityNumbersDeep(sent).value;
  if (!isContact(viewer) || !canSeeMunicipality(viewer, input.municipalityNumber)) return null;
  const context = await getSelfCheckContext(viewer, now);
  const municipality = context?.municipalities.find((m) => m.number === input.municipalityNumber);
  if (!context || !municipality) return null;
  const reference = await loadIngestReference(viewer);
  const season = reference.seasons.find((s) => s.key === context.season.key)!;
  const findings = runDeliveryChecks({
    header: input.header,
    summary: input.summary,
    identity: input.identity,
    season,
    municipalities: reference.municipalities,
    serviceCodes: reference.serviceCodes,
    previousEpjSystem: municipality.previousEpjSystem,
    lastYearServicesByCode: municipality.lastYearServicesByCode,
  });
  await db(viewer).$transaction(async (tx) => {
    await tx.selfCheck.create({
      data: {
        seasonId: season.id,
        municipalityNumber: input.municipalityNumber,
        userId: viewer.userId!,
        contentSummary: input.summary,
        identitySummary: input.identity ?? undefined,
        findings: findings.map(({ code, severity, count }) => ({ code, severity, count })),
        errorCount: findings.filter((f) => f.severity === 'ERROR').length,
        warningCount: findings.filter((f) => f.severity === 'WARNING').length,
      },
    });
    await recordAudit(tx, {
      action: 'self_check.save',
      outcome: 'SUCCESS',
      actor: auditActor(viewer),
      requestId: viewer.requestId,
      municipalityNumber: input.municipalityNumber,
      details: { season: season.key, findings: findings.map((f) => f.code) },
    });
  });
  return { findings };
}

/** The latest saved self-check of a municipality in a season ("self-check done"), or null; scoped to the viewer. */
export async function getLatestSelfCheck(
  viewer: Viewer,
  municipalityNumber: string,
  seasonKey: string,
): Promise<SelfCheckSummary | null> {
  if (!canSeeMunicipality(viewer, municipalityNumber)) return null;
  const season = await db(viewer).season.findUnique({ where: { key: seasonKey }, select: { id: true } });
  return season ? latestFor(viewer, municipalityNumber, season.id) : null;
}

async function latestFor(
  viewer: Viewer,
  municipalityNumber: string,
  seasonId: string,
): Promise<SelfCheckSummary | null> {
  const row = await db(viewer).selfCheck.findFirst({
    where: { municipalityNumber, seasonId },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true, errorCount: true, warningCount: true, user: { select: { name: true } } },
  });
  return row
    ? { createdAt: row.createdAt, byName: row.user.name, errorCount: row.errorCount, warningCount: row.warningCount }
    : null;
}
