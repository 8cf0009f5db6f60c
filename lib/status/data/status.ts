/**
 * Delivery status per municipality and season as it stood at `asOf`, derived by the engine from
 * the events in the database, always within the viewer's scope: the overview (derived in
 * lib/status/data/overview.ts, and cached here for FHI) and one municipality's page. Anything
 * outside the scope is answered as if it did not exist.
 */
import 'server-only';
import {
  auditActor,
  canSeeMunicipality,
  denied,
  municipalityScope,
  recordAudit,
  type Actor,
  type Viewer,
} from '@/lib/access';
import { db, sql } from '@/lib/db';
import {
  deriveDeliveryState,
  seasonInput,
  seasonSummary,
  type MunicipalityStatusDetail,
  type StatusOverviewSummary,
  type StatusQuery,
  type TimelineEntry,
} from '@/lib/status/rules';
import {
  buildOverview,
  deriveSeason,
  deriveStatusOverview,
  findSeason,
  findSeasonWith,
  loadSeasonEvents,
  NO_EVENTS,
  type MunicipalityEvents,
  type SeasonEventsLoader,
} from './overview';
import { ReusedReads } from '@/lib/core/reused-reads';
import { MINUTE_MS } from '@/lib/core/time';

// ---------------------------------------------------------------------------------------------
// Overview

/**
 * The overview of all 357 (what FHI see) by season, instant and data version. Derived state is
 * never stored: this cache only saves recomputing the same answer, can be dropped at any time,
 * and is rebuilt on demand. A new row in any event table, and an extension request decided or
 * withdrawn, changes the data version; another row changed in place (a finding resolved) shows
 * once the events of "now" are read again (`nowEventsLoader`, at most ten minutes).
 */
const overviewCache = new Map<
  string,
  { expires: number; overview: Promise<StatusOverviewSummary>; built?: StatusOverviewSummary }
>();
const OVERVIEW_CACHE_TTL_MS = 60_000;
const OVERVIEW_CACHE_LIMIT = 32;

/**
 * The last overview of "now" (the current minute) built per season and data version. When the
 * minute turns, requests get it (it says which minute it shows) until the new minute's overview
 * is built, instead of all waiting for the rebuild; only with the same data version, so a new
 * event still shows at once.
 */
const latestNow = new Map<string, StatusOverviewSummary>();
const LATEST_NOW_LIMIT = 8;

function previousMinute(versionKey: string, asOf: Date): StatusOverviewSummary | null {
  const latest = latestNow.get(versionKey);
  return latest && latest.asOf.getTime() === asOf.getTime() - MINUTE_MS ? latest : null;
}

/** Whether any event of the season is dated after `after` and by `until` (a message received or attributed, Apprec, finding, extension request, agreed resubmission or transport error). */
async function eventsBetween(actor: Actor, seasonId: string, after: Date, until: Date): Promise<boolean> {
  const [row] = await sql(actor).query<{ found: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM message WHERE season_id = $1::uuid AND received_at > $2 AND received_at <= $3)
       OR EXISTS (SELECT 1 FROM message WHERE season_id = $1::uuid AND attributed_at > $2 AND attributed_at <= $3)
       OR EXISTS (SELECT 1 FROM apprec a JOIN message m ON m.msg_id = a.original_msg_id AND m.type::text = a.original_msg_type
                  WHERE m.season_id = $1::uuid AND a.received_at > $2 AND a.received_at <= $3)
       OR EXISTS (SELECT 1 FROM finding WHERE season_id = $1::uuid AND detected_at > $2 AND detected_at <= $3)
       OR EXISTS (SELECT 1 FROM extension_request WHERE season_id = $1::uuid AND requested_at > $2 AND requested_at <= $3)
       OR EXISTS (SELECT 1 FROM note WHERE season_id = $1::uuid AND kind = 'RESUBMISSION_AGREED'
                  AND created_at > $2 AND created_at <= $3)
       OR EXISTS (SELECT 1 FROM transport_error WHERE received_at > $2 AND received_at <= $3) AS found`,
    [seasonId, after, until],
  );
  return row?.found ?? true;
}

/**
 * The events of every municipality read for the overview of "now", per data version and season,
 * with the instant they were read at. When the minute turns and nothing was added, the new
 * minute's overview derives the same events again at its instant instead of reading them all
 * again (the engine honours `asOf` itself): they are the same rows, unless one is dated between
 * the two instants (a future X-Received-At coming due), which `eventsBetween` finds. Read again at
 * least every ten minutes, so that a row changed in place (which the data version does not
 * count) still shows.
 */
const nowEvents = new ReusedReads<Map<string, MunicipalityEvents>>({
  limit: LATEST_NOW_LIMIT,
  reuseMs: 10 * MINUTE_MS,
});

function nowEventsLoader(versionKey: string): SeasonEventsLoader {
  return (actor, seasonId, numbers, asOf) =>
    nowEvents.read(
      `${versionKey}|${seasonId}`,
      asOf,
      (after, until) => eventsBetween(actor, seasonId, after, until),
      () => loadSeasonEvents(actor, seasonId, numbers, asOf),
    );
}

/**
 * The data's version, as SQL: changes whenever an event is added (the ids are UUIDv7, so the
 * largest id is the newest row), whenever an extension request leaves PENDING and whenever a
 * message is attributed after it arrived (each happens once per row, so the counts grow).
 */
const DATA_VERSION = `concat_ws('|', (SELECT id FROM message ORDER BY id DESC LIMIT 1), (SELECT id FROM apprec ORDER BY id DESC LIMIT 1),
  (SELECT id FROM finding ORDER BY id DESC LIMIT 1), (SELECT id FROM extension_request ORDER BY id DESC LIMIT 1),
  (SELECT id FROM note ORDER BY id DESC LIMIT 1), (SELECT id FROM transport_error ORDER BY id DESC LIMIT 1),
  (SELECT count(*) FROM extension_request WHERE status <> 'PENDING'),
  (SELECT count(*) FROM message WHERE attributed_at IS NOT NULL))`;

/**
 * Every municipality in the actor's scope at `asOf`, with key figures and last season's
 * comparison; null when the season does not exist. The overview of all 357 (what FHI and the
 * system actors see) is cached.
 */
export async function getStatusOverview(actor: Actor, query: StatusQuery): Promise<StatusOverviewSummary | null> {
  if (!municipalityScope(actor).all) return deriveStatusOverview(actor, query);
  // One statement: the cache key needs both, and this runs on every request.
  const { season, value: version } = await findSeasonWith<string>(actor, query.seasonKey, DATA_VERSION);
  if (!season) return null;
  const versionKey = `${season.id}|${version}`;
  const key = `${versionKey}|${query.asOf.getTime()}`;
  const now = Date.now();
  const isNow = query.asOf.getTime() === Math.floor(now / MINUTE_MS) * MINUTE_MS;
  const cached = overviewCache.get(key);
  if (cached && cached.expires > now)
    return cached.built ?? (isNow ? previousMinute(versionKey, query.asOf) : null) ?? cached.overview;
  for (const [entryKey, entry] of overviewCache)
    if (entry.expires <= now || overviewCache.size >= OVERVIEW_CACHE_LIMIT) overviewCache.delete(entryKey);
  const overview = buildOverview(actor, season, undefined, query.asOf, isNow ? nowEventsLoader(versionKey) : undefined);
  const entry: { expires: number; overview: Promise<StatusOverviewSummary>; built?: StatusOverviewSummary } = {
    expires: now + OVERVIEW_CACHE_TTL_MS,
    overview,
  };
  overviewCache.set(key, entry);
  overview.then(
    (built) => {
      entry.built = built;
      if (!isNow) return;
      latestNow.delete(versionKey);
      if (latestNow.size >= LATEST_NOW_LIMIT) latestNow.delete(latestNow.keys().next().value!);
      latestNow.set(versionKey, built);
    },
    () => overviewCache.delete(key),
  );
  return (isNow ? previousMinute(versionKey, query.asOf) : null) ?? overview;
}

// ---------------------------------------------------------------------------------------------
// One municipality

function timelineOf(events: MunicipalityEvents): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...events.messages.map((message): TimelineEntry => ({
      kind: 'MESSAGE',
      at: message.receivedAt,
      msgId: message.msgId,
      type: message.type,
      environment: message.environment,
      runNumber: message.runNumber,
      epjSystem: message.epjSystem,
    })),
    ...events.apprecs.map((apprec): TimelineEntry => ({
      kind: 'APPREC',
      at: apprec.receivedAt,
      apprecId: apprec.apprecId,
      originalMsgId: apprec.originalMsgId,
      status: apprec.status,
      errors: [...apprec.errors],
    })),
    ...events.findings.map((finding): TimelineEntry => ({
      kind: 'FINDING',
      at: finding.detectedAt,
      msgId: finding.messageMsgId,
      code: finding.code,
      severity: finding.severity,
      message: finding.message,
      count: finding.count,
      resolvedAt: finding.resolvedAt,
    })),
    ...events.extensionRequests.flatMap((extension): TimelineEntry[] => [
      { kind: 'EXTENSION_REQUESTED', at: extension.requestedAt, requestedDeadline: extension.requestedDeadline },
      ...(extension.decidedAt && extension.status !== 'PENDING'
        ? [
            {
              kind: 'EXTENSION_DECIDED' as const,
              at: extension.decidedAt,
              status: extension.status,
              grantedDeadline: extension.grantedDeadline,
            },
          ]
        : []),
    ]),
    ...events.resubmissionAgreements.map((agreement): TimelineEntry => ({
      kind: 'RESUBMISSION_AGREED',
      at: agreement.createdAt,
    })),
    ...events.transportErrors.map((error): TimelineEntry => ({
      kind: 'TRANSPORT_ERROR',
      at: error.receivedAt,
      condition: error.condition,
      msgId: error.msgId,
      apprecId: error.concernsApprec ? error.originalMessageId : null,
    })),
  ];
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** One municipality's status at `asOf`; null when it or the season does not exist, or it is outside the viewer's scope. */
export async function getMunicipalityStatus(
  viewer: Viewer,
  number: string,
  query: StatusQuery,
): Promise<MunicipalityStatusDetail | null> {
  if (!canSeeMunicipality(viewer, number)) return denied(viewer, 'municipality.status', number);
  const [municipality, season] = await Promise.all([
    db(viewer).municipality.findUnique({
      where: { number },
      select: { number: true, shortName: true, name: true, countyNumber: true, county: { select: { name: true } } },
    }),
    findSeason(viewer, query.seasonKey),
  ]);
  if (!municipality || !season) return null;
  await recordAudit(db(viewer), {
    action: 'municipality.view',
    outcome: 'SUCCESS',
    actor: auditActor(viewer),
    municipalityNumber: number,
    requestId: viewer.requestId,
  });
  const derived = await deriveSeason(viewer, season, [number], query.asOf);
  const { events, result } = derived.current.get(number)!;
  const previous = derived.previous;
  const previousEnd =
    previous &&
    deriveDeliveryState(
      {
        season: seasonInput(previous.season),
        ...(previous.events.get(number) ?? NO_EVENTS),
        previousSeason: null,
        serviceCodes: previous.serviceCodes,
      },
      query.asOf,
    );
  return {
    number: municipality.number,
    name: municipality.shortName,
    officialName: municipality.name,
    countyNumber: municipality.countyNumber,
    countyName: municipality.county.name,
    season: seasonSummary(season),
    asOf: query.asOf,
    state: result.state,
    flags: result.flags,
    figures: result.figures,
    checklist: result.checklist,
    timeline: timelineOf(events),
    previous:
      previous && previousEnd
        ? {
            season: seasonSummary(previous.season),
            state: previousEnd.state,
            flags: previousEnd.flags.map((flag) => flag.code),
            figures: previousEnd.figures,
            stateAtSameDate: previous.results.get(number)!.state,
            sameDate: previous.asOf,
          }
        : null,
  };
}

/**
 * One municipality's state and figures at `asOf`, without the page's timeline and last season
 * (what follow-up decides by: may it still apply for an extension); null outside the actor's scope
 * or for a season or municipality that does not exist. Not audited as a view: it shows nothing.
 */
export async function getMunicipalityState(
  actor: Actor,
  number: string,
  query: StatusQuery,
): Promise<Pick<MunicipalityStatusDetail, 'state' | 'figures' | 'season'> | null> {
  if (!canSeeMunicipality(actor, number)) return null;
  const season = await findSeason(actor, query.seasonKey);
  if (!season) return null;
  const derived = await deriveSeason(actor, season, [number], query.asOf);
  const own = derived.current.get(number);
  return own ? { state: own.result.state, figures: own.result.figures, season: seasonSummary(season) } : null;
}
