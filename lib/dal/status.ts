/**
 * Delivery status per municipality and season as it stood at `asOf`, derived by the engine from
 * the events in the database, always within the viewer's scope. A season's events for every
 * municipality in scope are loaded in a handful of queries (never one per municipality); only
 * events known at `asOf` are loaded. Anything outside the scope is answered as if it did not exist.
 */
import 'server-only';
import { recordAudit } from '@/lib/audit';
import { auditActor, canSeeMunicipality, isFhi, type Viewer } from '@/lib/auth/viewer-types';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/db/generated/client';
import { endOfOsloDay, osloDate } from '@/lib/domain/calendar';
import { contentSummarySchema } from '@/lib/domain/content-summary';
import type { ServiceCodeReference } from '@/lib/domain/checks';
import {
  compareByUrgency,
  deriveDeliveryState,
  type ApprecErrorInput,
  type ApprecInput,
  type ApprecStatus,
  type ChecklistItem,
  type DeliveryFigures,
  type DeliveryFlag,
  type DeliveryState,
  type DeliveryStateResult,
  type ExtensionRequestInput,
  type ExtensionStatus,
  type FindingInput,
  type FlagCode,
  type MessageInput,
  type ResubmissionAgreementInput,
  type SeasonInput,
} from '@/lib/domain/delivery-state';
import type { Severity } from '@/lib/domain/severity';
import { countKeyFigures, type KeyFigureCounts } from '@/lib/domain/weekly-report';

export interface StatusSeasonSummary {
  key: string;
  name: string;
  kind: 'ANNUAL' | 'DAILY';
  deadline: Date;
}

/** One municipality's derived status: what the overview table, the worklist and the API show. */
export interface MunicipalityStatusRow {
  number: string;
  name: string;
  countyNumber: string;
  countyName: string;
  state: DeliveryState;
  flags: DeliveryFlag[];
  figures: DeliveryFigures;
}

/** The overview's key figures: the same counts the weekly report compares week by week. */
export type StatusKeyFigures = KeyFigureCounts;

/** Share of municipalities with an accepted delivery by the end of each Oslo day, this and last season. */
export interface CumulativeDeliveryPoint {
  date: string;
  share: number;
  /** The previous season on the same day relative to its deadline; null without a previous season. */
  previousShare: number | null;
}

export interface PreviousSeasonComparisonSummary {
  season: StatusSeasonSummary;
  /** The instant in the previous season that corresponds to `asOf` (same distance to the deadline). */
  asOf: Date;
  /** Municipalities with an accepted delivery by then. */
  accepted: number;
  delivered: number;
  total: number;
}

export interface StatusOverviewSummary {
  season: StatusSeasonSummary;
  asOf: Date;
  keyFigures: StatusKeyFigures;
  /** Municipalities with an accepted delivery at `asOf` (whatever their state now). */
  accepted: number;
  previous: PreviousSeasonComparisonSummary | null;
  cumulative: CumulativeDeliveryPoint[];
  /** Sorted by municipality number. */
  rows: MunicipalityStatusRow[];
}

export type TimelineEntry =
  | { kind: 'MESSAGE'; at: Date; msgId: string; type: MessageInput['type']; environment: MessageInput['environment']; runNumber: string | null; epjSystem: string | null }
  | { kind: 'APPREC'; at: Date; apprecId: string; originalMsgId: string; status: ApprecStatus; errors: ApprecErrorInput[] }
  | { kind: 'FINDING'; at: Date; msgId: string | null; code: string; severity: Severity; message: string; count: number; resolvedAt: Date | null }
  | { kind: 'EXTENSION_REQUESTED'; at: Date; requestedDeadline: Date }
  | { kind: 'EXTENSION_DECIDED'; at: Date; status: ExtensionStatus; grantedDeadline: Date | null }
  | { kind: 'RESUBMISSION_AGREED'; at: Date };

/** The previous season as it ended, and as it stood at the same distance to its deadline. */
export interface PreviousSeasonStatusSummary {
  season: StatusSeasonSummary;
  state: DeliveryState;
  stateAtSameDate: DeliveryState;
  sameDate: Date;
  flags: FlagCode[];
  figures: DeliveryFigures;
}

export interface MunicipalityStatusDetail extends MunicipalityStatusRow {
  officialName: string;
  season: StatusSeasonSummary;
  asOf: Date;
  checklist: ChecklistItem[];
  /** Every event known at `asOf`, newest first. */
  timeline: TimelineEntry[];
  previous: PreviousSeasonStatusSummary | null;
}

export interface StatusQuery {
  /** The season key; the latest annual season when absent. */
  seasonKey?: string;
  asOf: Date;
}

// ---------------------------------------------------------------------------------------------
// Loading

type SeasonRow = Prisma.SeasonGetPayload<object>;

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** A season row as the engine takes it. */
export function seasonInput(season: SeasonRow): SeasonInput {
  return {
    key: season.key,
    kind: season.kind,
    periodStart: isoDate(season.periodStart),
    periodEnd: isoDate(season.periodEnd),
    opensAt: season.opensAt,
    deadline: season.deadline,
    apprecOverdueHours: season.apprecOverdueHours,
    extensionAdviceWorkingDays: season.extensionAdviceWorkingDays,
    extensionPendingAlertWorkingDays: season.extensionPendingAlertWorkingDays,
  };
}

function seasonSummary(season: SeasonRow): StatusSeasonSummary {
  return { key: season.key, name: season.name, kind: season.kind, deadline: season.deadline };
}

/** The season with this key; without one, the latest annual season. */
export async function findSeason(key: string | undefined): Promise<SeasonRow | null> {
  return db().season.findFirst({ where: key ? { key } : { kind: 'ANNUAL' }, orderBy: { periodEnd: 'desc' } });
}

async function findPreviousSeason(season: SeasonRow): Promise<SeasonRow | null> {
  return db().season.findFirst({
    where: { kind: season.kind, periodEnd: { lt: season.periodStart } },
    orderBy: { periodEnd: 'desc' },
  });
}

/** Everything the engine needs about one municipality in one season, but the season and the reference data. */
interface MunicipalityEvents {
  messages: MessageInput[];
  apprecs: ApprecInput[];
  findings: FindingInput[];
  extensionRequests: ExtensionRequestInput[];
  resubmissionAgreements: ResubmissionAgreementInput[];
}

interface ApprecRow {
  apprec_id: string;
  original_msg_id: string;
  status: ApprecStatus;
  received_at: Date;
  municipality_number: string;
  errors: ApprecErrorInput[];
}

/**
 * A season's events known at `asOf` for the municipalities in `numbers` (all when undefined), in
 * five queries, grouped by municipality number.
 */
async function loadSeasonEvents(seasonId: string, numbers: string[] | undefined, asOf: Date): Promise<Map<string, MunicipalityEvents>> {
  const scope = numbers ? { in: numbers } : undefined;
  const sqlScope = numbers ? Prisma.sql`AND m.municipality_number = ANY(${numbers})` : Prisma.empty;
  const [messages, apprecs, findings, extensions, agreements] = await Promise.all([
    db().message.findMany({
      where: { seasonId, municipalityNumber: scope ?? { not: null }, receivedAt: { lte: asOf } },
      orderBy: { receivedAt: 'asc' },
      select: {
        msgId: true,
        type: true,
        environment: true,
        genDate: true,
        receivedAt: true,
        municipalityNumberAsSent: true,
        municipalityNumber: true,
        runNumber: true,
        periodFrom: true,
        periodTo: true,
        epjSystem: true,
        epjVersion: true,
        contentSummary: true,
      },
    }),
    // Apprecs have no municipality of their own: they belong to the message they answer.
    db().$queryRaw<ApprecRow[]>`
      SELECT a.apprec_id, a.original_msg_id, a.status::text AS status, a.received_at, m.municipality_number,
        COALESCE((SELECT json_agg(json_build_object('codeSystem', e.code_system, 'code', e.code,
                   'displayName', e.display_name, 'freeText', e.free_text) ORDER BY e.position)
                  FROM apprec_error e WHERE e.apprec_id = a.id), '[]'::json) AS errors
      FROM apprec a JOIN message m ON m.msg_id = a.original_msg_id
      WHERE m.season_id = ${seasonId}::uuid AND m.municipality_number IS NOT NULL
        AND m.received_at <= ${asOf} AND a.received_at <= ${asOf} ${sqlScope}
      ORDER BY a.received_at`,
    db().finding.findMany({
      where: { seasonId, municipalityNumber: scope, detectedAt: { lte: asOf } },
      orderBy: { detectedAt: 'asc' },
      select: {
        id: true,
        municipalityNumber: true,
        sourceMessage: { select: { msgId: true } },
        code: true,
        severity: true,
        message: true,
        count: true,
        status: true,
        detectedAt: true,
        resolvedAt: true,
      },
    }),
    db().extensionRequest.findMany({
      where: { seasonId, municipalityNumber: scope, requestedAt: { lte: asOf } },
      orderBy: { requestedAt: 'asc' },
      select: { id: true, municipalityNumber: true, requestedAt: true, requestedDeadline: true, status: true, grantedDeadline: true, decidedAt: true },
    }),
    db().note.findMany({
      where: { seasonId, municipalityNumber: scope, kind: 'RESUBMISSION_AGREED', createdAt: { lte: asOf } },
      select: { municipalityNumber: true, createdAt: true },
    }),
  ]);

  const byMunicipality = new Map<string, MunicipalityEvents>();
  const eventsOf = (number: string) => {
    let events = byMunicipality.get(number);
    if (!events) {
      events = { messages: [], apprecs: [], findings: [], extensionRequests: [], resubmissionAgreements: [] };
      byMunicipality.set(number, events);
    }
    return events;
  };
  for (const { municipalityNumber, periodFrom, periodTo, contentSummary, ...message } of messages) {
    const summary = contentSummarySchema.safeParse(contentSummary);
    eventsOf(municipalityNumber!).messages.push({
      ...message,
      municipalityNumber,
      periodFrom: periodFrom && isoDate(periodFrom),
      periodTo: periodTo && isoDate(periodTo),
      contentSummary: summary.success ? summary.data : null,
    });
  }
  for (const row of apprecs) {
    eventsOf(row.municipality_number).apprecs.push({
      apprecId: row.apprec_id,
      originalMsgId: row.original_msg_id,
      status: row.status,
      receivedAt: row.received_at,
      errors: row.errors,
    });
  }
  for (const { municipalityNumber, sourceMessage, ...finding } of findings) {
    eventsOf(municipalityNumber).findings.push({ ...finding, messageMsgId: sourceMessage?.msgId ?? null });
  }
  for (const { municipalityNumber, ...extension } of extensions) eventsOf(municipalityNumber).extensionRequests.push(extension);
  for (const { municipalityNumber, createdAt } of agreements) eventsOf(municipalityNumber).resubmissionAgreements.push({ createdAt });
  return byMunicipality;
}

type SeasonEventsLoader = typeof loadSeasonEvents;

const NO_EVENTS: MunicipalityEvents = { messages: [], apprecs: [], findings: [], extensionRequests: [], resubmissionAgreements: [] };

/** The services per code of the municipality's last accepted production KPR_IPL (Apprec OK, with or without errors). */
function acceptedServicesByCode(events: MunicipalityEvents): Readonly<Record<string, number>> | null {
  const accepted = new Set(events.apprecs.filter((apprec) => apprec.status !== 'REJECTED').map((apprec) => apprec.originalMsgId));
  for (let index = events.messages.length - 1; index >= 0; index--) {
    const message = events.messages[index]!;
    if (message.type === 'KPR_IPL' && message.environment === 'PRODUCTION' && accepted.has(message.msgId) && message.contentSummary?.kind === 'KPR_IPL') {
      return message.contentSummary.servicesByCode;
    }
  }
  return null;
}

async function loadServiceCodes(): Promise<ServiceCodeReference[]> {
  return db().serviceCode.findMany({ select: { code: true, name: true, validFromYear: true, validToYear: true, welfareTechnology: true } });
}

interface Derived {
  current: Map<string, { events: MunicipalityEvents; result: DeliveryStateResult }>;
  /** The previous season derived at the corresponding instant, if there is one. */
  previous: {
    season: SeasonRow;
    asOf: Date;
    results: Map<string, DeliveryStateResult>;
    /** Its events known at the real `asOf`. */
    events: Map<string, MunicipalityEvents>;
    serviceCodes: ServiceCodeReference[];
  } | null;
}

/**
 * Derives `season` at `asOf` for `numbers`, and the previous season of the same kind at the same
 * distance to its deadline (which also gives last season's services per code for plausibility).
 */
async function deriveSeason(season: SeasonRow, numbers: readonly string[], asOf: Date, load: SeasonEventsLoader = loadSeasonEvents): Promise<Derived> {
  const scope = [...numbers];
  const previousSeason = await findPreviousSeason(season);
  const previousAsOf = previousSeason && new Date(asOf.getTime() - (season.deadline.getTime() - previousSeason.deadline.getTime()));
  const [serviceCodes, events, previousEvents] = await Promise.all([
    loadServiceCodes(),
    load(season.id, scope, asOf),
    // Last season's accepted delivery as known at `asOf` (for plausibility); its derivation uses only what was known at `previousAsOf`.
    previousSeason ? load(previousSeason.id, scope, asOf) : Promise.resolve(new Map<string, MunicipalityEvents>()),
  ]);
  const input = seasonInput(season);
  const previousInput = previousSeason && seasonInput(previousSeason);
  const current: Derived['current'] = new Map();
  const previousResults = new Map<string, DeliveryStateResult>();
  for (const number of numbers) {
    const own = events.get(number) ?? NO_EVENTS;
    const last = previousEvents.get(number) ?? NO_EVENTS;
    const servicesByCode = acceptedServicesByCode(last);
    const result = deriveDeliveryState(
      { season: input, ...own, previousSeason: servicesByCode && { servicesByCode }, serviceCodes },
      asOf,
    );
    current.set(number, { events: own, result });
    if (previousInput && previousAsOf) {
      previousResults.set(number, deriveDeliveryState({ season: previousInput, ...last, previousSeason: null, serviceCodes }, previousAsOf));
    }
  }
  return {
    current,
    previous:
      previousSeason && previousAsOf
        ? { season: previousSeason, asOf: previousAsOf, results: previousResults, events: previousEvents, serviceCodes }
        : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Overview

function keyFiguresOf(rows: readonly MunicipalityStatusRow[]): StatusKeyFigures {
  return countKeyFigures(rows.map((row) => ({ state: row.state, flags: row.flags.map((flag) => flag.code), deliveredOnTime: row.figures.deliveredOnTime })));
}

const DAY_MS = 86_400_000;
const CUMULATIVE_DAYS_AFTER_DEADLINE = 30;

/** Oslo days from the season's opening (or the first acceptance, if earlier) to the day of `asOf`, at most a month past the deadline. */
function cumulativeSeries(season: SeasonRow, asOf: Date, rows: readonly MunicipalityStatusRow[], previous: Derived['previous']): CumulativeDeliveryPoint[] {
  const total = rows.length;
  if (total === 0) return [];
  const acceptedTimes = rows.flatMap((row) => (row.figures.firstAcceptedAt ? [row.figures.firstAcceptedAt.getTime()] : [])).sort((a, b) => a - b);
  const previousTimes = previous
    ? [...previous.results.values()].flatMap((result) => (result.figures.firstAcceptedAt ? [result.figures.firstAcceptedAt.getTime()] : [])).sort((a, b) => a - b)
    : [];
  const offset = previous ? season.deadline.getTime() - previous.season.deadline.getTime() : 0;
  const first = Math.min(season.opensAt.getTime(), acceptedTimes[0] ?? Infinity);
  // The chart is about the run-up to the deadline: it ends a month after it (or at `asOf`, if earlier).
  const lastDay = osloDate(new Date(Math.min(asOf.getTime(), season.deadline.getTime() + CUMULATIVE_DAYS_AFTER_DEADLINE * DAY_MS)));
  const points: CumulativeDeliveryPoint[] = [];
  let current = 0;
  let last = 0;
  for (let day = osloDate(new Date(first)); day <= lastDay; day = osloDate(new Date(endOfOsloDay(day).getTime() + 1))) {
    const end = Math.min(endOfOsloDay(day).getTime(), asOf.getTime());
    while (current < acceptedTimes.length && acceptedTimes[current]! <= end) current++;
    while (last < previousTimes.length && previousTimes[last]! <= end - offset) last++;
    points.push({ date: day, share: current / total, previousShare: previous ? last / total : null });
  }
  return points;
}

/**
 * The overview of all 357 (what FHI see) by season, instant and data version. Derived state is
 * never stored: this cache only saves recomputing the same answer, can be dropped at any time,
 * and is rebuilt on demand. A new row in any event table, and an extension request decided or
 * withdrawn, changes the data version; another row changed in place (a finding resolved) shows
 * once the events of "now" are read again (`nowEventsLoader`, at most ten minutes).
 */
const overviewCache = new Map<string, { expires: number; overview: Promise<StatusOverviewSummary>; built?: StatusOverviewSummary }>();
const OVERVIEW_CACHE_TTL_MS = 60_000;
const OVERVIEW_CACHE_LIMIT = 32;
const MINUTE_MS = 60_000;

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

/** Whether any event of the season is dated after `after` and by `until` (a message, Apprec, finding, extension request or agreed resubmission). */
async function eventsBetween(seasonId: string, after: Date, until: Date): Promise<boolean> {
  const [row] = await db().$queryRaw<{ found: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM message WHERE season_id = ${seasonId}::uuid AND received_at > ${after} AND received_at <= ${until})
      OR EXISTS (SELECT 1 FROM apprec a JOIN message m ON m.msg_id = a.original_msg_id
                 WHERE m.season_id = ${seasonId}::uuid AND a.received_at > ${after} AND a.received_at <= ${until})
      OR EXISTS (SELECT 1 FROM finding WHERE season_id = ${seasonId}::uuid AND detected_at > ${after} AND detected_at <= ${until})
      OR EXISTS (SELECT 1 FROM extension_request WHERE season_id = ${seasonId}::uuid AND requested_at > ${after} AND requested_at <= ${until})
      OR EXISTS (SELECT 1 FROM note WHERE season_id = ${seasonId}::uuid AND kind = 'RESUBMISSION_AGREED'
                 AND created_at > ${after} AND created_at <= ${until}) AS found`;
  return row?.found ?? true;
}

/**
 * The events of every municipality read for the overview of "now", per data version and season,
 * with the instant they were read at. When the minute turns and nothing was added, the new
 * minute's overview derives the same events again at its instant instead of reading them all
 * again (the engine honours `asOf` itself): they are the same rows, unless one is dated between
 * the two instants (a future X-Received-At coming due), which `eventsBetween` finds. Read again at
 * least every EVENTS_REUSE_MS, so that a row changed in place (which the data version does not
 * count) still shows.
 */
const nowEvents = new Map<string, { asOf: Date; events: Promise<Map<string, MunicipalityEvents>> }>();
const EVENTS_REUSE_MS = 10 * MINUTE_MS;

function nowEventsLoader(versionKey: string): SeasonEventsLoader {
  return async (seasonId, numbers, asOf) => {
    const key = `${versionKey}|${seasonId}`;
    const read = nowEvents.get(key);
    const age = read ? asOf.getTime() - read.asOf.getTime() : -1;
    if (read && age >= 0 && age <= EVENTS_REUSE_MS && (age === 0 || !(await eventsBetween(seasonId, read.asOf, asOf)))) return read.events;
    const events = loadSeasonEvents(seasonId, numbers, asOf);
    nowEvents.delete(key);
    if (nowEvents.size >= LATEST_NOW_LIMIT) nowEvents.delete(nowEvents.keys().next().value!);
    nowEvents.set(key, { asOf, events });
    events.catch(() => nowEvents.delete(key));
    return events;
  };
}

/**
 * Changes whenever an event is added (the ids are UUIDv7, so the largest id is the newest row) and
 * whenever an extension request leaves PENDING (that happens once per request, so the count grows).
 */
async function dataVersion(): Promise<string> {
  const [row] = await db().$queryRaw<{ version: string }[]>`
    SELECT concat_ws('|', (SELECT id FROM message ORDER BY id DESC LIMIT 1), (SELECT id FROM apprec ORDER BY id DESC LIMIT 1),
                          (SELECT id FROM finding ORDER BY id DESC LIMIT 1), (SELECT id FROM extension_request ORDER BY id DESC LIMIT 1),
                          (SELECT id FROM note ORDER BY id DESC LIMIT 1),
                          (SELECT count(*) FROM extension_request WHERE status <> 'PENDING')) AS version`;
  return row?.version ?? '';
}

/** Every municipality in the viewer's scope at `asOf`, with key figures and last season's comparison; null when the season does not exist. */
export async function getStatusOverview(viewer: Viewer, query: StatusQuery): Promise<StatusOverviewSummary | null> {
  const fhi = isFhi(viewer);
  // In parallel: the cache key needs both, and this runs on every request.
  const [season, version] = await Promise.all([findSeason(query.seasonKey), fhi ? dataVersion() : null]);
  if (!season) return null;
  if (!fhi) return buildOverview(season, [...viewer.municipalityNumbers], query.asOf);
  const versionKey = `${season.id}|${version}`;
  const key = `${versionKey}|${query.asOf.getTime()}`;
  const now = Date.now();
  const isNow = query.asOf.getTime() === Math.floor(now / MINUTE_MS) * MINUTE_MS;
  const cached = overviewCache.get(key);
  if (cached && cached.expires > now) return cached.built ?? (isNow ? previousMinute(versionKey, query.asOf) : null) ?? cached.overview;
  for (const [entryKey, entry] of overviewCache) if (entry.expires <= now || overviewCache.size >= OVERVIEW_CACHE_LIMIT) overviewCache.delete(entryKey);
  const overview = buildOverview(season, undefined, query.asOf, isNow ? nowEventsLoader(versionKey) : undefined);
  const entry: { expires: number; overview: Promise<StatusOverviewSummary>; built?: StatusOverviewSummary } = { expires: now + OVERVIEW_CACHE_TTL_MS, overview };
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

/** The overview of the municipalities in `numbers` (all when undefined; only then may `load` be a cache of every municipality's events). */
async function buildOverview(season: SeasonRow, numbers: string[] | undefined, asOf: Date, load?: SeasonEventsLoader): Promise<StatusOverviewSummary> {
  const municipalities = await db().municipality.findMany({
    where: numbers ? { number: { in: numbers } } : undefined,
    orderBy: { number: 'asc' },
    select: { number: true, shortName: true, countyNumber: true, county: { select: { name: true } } },
  });
  const derived = await deriveSeason(season, municipalities.map((municipality) => municipality.number), asOf, load);
  const rows = municipalities.map((municipality): MunicipalityStatusRow => {
    const { result } = derived.current.get(municipality.number)!;
    return {
      number: municipality.number,
      name: municipality.shortName,
      countyNumber: municipality.countyNumber,
      countyName: municipality.county.name,
      state: result.state,
      flags: result.flags,
      figures: result.figures,
    };
  });
  const previous = derived.previous;
  return {
    season: seasonSummary(season),
    asOf: asOf,
    keyFigures: keyFiguresOf(rows),
    accepted: rows.filter((row) => row.figures.firstAcceptedAt).length,
    previous: previous && {
      season: seasonSummary(previous.season),
      asOf: previous.asOf,
      accepted: [...previous.results.values()].filter((result) => result.figures.firstAcceptedAt).length,
      delivered: [...previous.results.values()].filter((result) => result.state === 'DELIVERED').length,
      total: rows.length,
    },
    cumulative: cumulativeSeries(season, asOf, rows, previous),
    rows,
  };
}

/** The flagged rows, most urgent first (the worklist). */
export function byUrgency(rows: readonly MunicipalityStatusRow[]): MunicipalityStatusRow[] {
  return rows.filter((row) => row.flags.length > 0).sort((a, b) => compareByUrgency(a, b));
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
        ? [{ kind: 'EXTENSION_DECIDED' as const, at: extension.decidedAt, status: extension.status, grantedDeadline: extension.grantedDeadline }]
        : []),
    ]),
    ...events.resubmissionAgreements.map((agreement): TimelineEntry => ({ kind: 'RESUBMISSION_AGREED', at: agreement.createdAt })),
  ];
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** One municipality's status at `asOf`; null when it or the season does not exist, or it is outside the viewer's scope. */
export async function getMunicipalityStatus(viewer: Viewer, number: string, query: StatusQuery): Promise<MunicipalityStatusDetail | null> {
  if (!canSeeMunicipality(viewer, number)) {
    await recordAudit(db(), {
      action: 'access.denied',
      outcome: 'DENIED',
      actor: auditActor(viewer),
      municipalityNumber: /^\d{4}$/.test(number) ? number : null,
      requestId: viewer.requestId,
      details: { resource: 'municipality.status' },
    });
    return null;
  }
  const [municipality, season] = await Promise.all([
    db().municipality.findUnique({
      where: { number },
      select: { number: true, shortName: true, name: true, countyNumber: true, county: { select: { name: true } } },
    }),
    findSeason(query.seasonKey),
  ]);
  if (!municipality || !season) return null;
  await recordAudit(db(), {
    action: 'municipality.view',
    outcome: 'SUCCESS',
    actor: auditActor(viewer),
    municipalityNumber: number,
    requestId: viewer.requestId,
  });
  const derived = await deriveSeason(season, [number], query.asOf);
  const { events, result } = derived.current.get(number)!;
  const previous = derived.previous;
  const previousEnd =
    previous &&
    deriveDeliveryState(
      { season: seasonInput(previous.season), ...(previous.events.get(number) ?? NO_EVENTS), previousSeason: null, serviceCodes: previous.serviceCodes },
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
