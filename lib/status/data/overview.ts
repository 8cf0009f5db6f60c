/**
 * The overview of every municipality in scope, derived by the engine from the events in the
 * database as they stood at `asOf`: a season's events for every municipality in scope are read in
 * a handful of queries (never one per municipality), and only events known at `asOf`.
 *
 * Reads plain SQL (lib/db/sql.ts) and never loads Prisma, so that the weekly report's own process
 * (lib/reports/report-process.ts) can derive with it; lib/status/data/status.ts serves the app from it,
 * with its cache.
 */
import 'server-only';
import { scopeParameter, type Actor } from '@/lib/access/rules/actor';
import { sql } from '@/lib/db/sql';
import { endOfOsloDay, osloDate } from '@/lib/core/calendar';
import { contentSummarySchema } from '@/lib/core/content-summary';
import type { ServiceCodeReference } from '@/lib/ingest/rules/checks';
import {
  deriveDeliveryState,
  seasonInput,
  seasonSummary,
  type ApprecInput,
  type CumulativeDeliveryPoint,
  type DeliveryStateResult,
  type ExtensionRequestInput,
  type FindingInput,
  type MessageInput,
  type MunicipalityStatusRow,
  type ResubmissionAgreementInput,
  type SeasonRow,
  type StatusKeyFigures,
  countKeyFigures,
  hasAcceptedDelivery,
  keyFigureInput,
  type TransportErrorInput,
  type StatusOverviewSummary,
  type StatusQuery,
} from '@/lib/status/rules';
import { mapInSlices } from '@/lib/core/slices';
import { DAY_MS } from '@/lib/core/time';
import { getDeadlineRiskCurve } from './deadline-risk';

// ---------------------------------------------------------------------------------------------
// Loading

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

const SEASON_COLUMNS = `id, key, name, kind, period_start AS "periodStart", period_end AS "periodEnd", opens_at AS "opensAt", deadline,
  apprec_overdue_hours AS "apprecOverdueHours", extension_advice_working_days AS "extensionAdviceWorkingDays",
  extension_pending_alert_working_days AS "extensionPendingAlertWorkingDays"`;

/** The statement that picks a season: the one with this key ($1); without one, the latest annual season. */
function seasonStatement(key: string | undefined): { text: string; values: string[] } {
  return key
    ? { text: `SELECT ${SEASON_COLUMNS} FROM season WHERE key = $1`, values: [key] }
    : {
        text: `SELECT ${SEASON_COLUMNS} FROM season WHERE kind = 'ANNUAL' ORDER BY period_end DESC LIMIT 1`,
        values: [],
      };
}

/** The season with this key; without one, the latest annual season. Seasons are no one municipality's: every actor sees them. */
export async function findSeason(actor: Actor, key: string | undefined): Promise<SeasonRow | null> {
  const { text, values } = seasonStatement(key);
  const [season] = await sql(actor).query<SeasonRow>(text, values);
  return season ?? null;
}

/**
 * `findSeason` and the value of a SQL `expression` read in the same statement: one transaction
 * (and one snapshot) instead of two, for what runs on every request. The expression goes into the
 * statement as written: constant SQL from code only, never anything a request carries.
 */
export async function findSeasonWith<Value>(
  actor: Actor,
  key: string | undefined,
  expression: string,
): Promise<{ season: SeasonRow | null; value: Value }> {
  const { text, values } = seasonStatement(key);
  const [row] = await sql(actor).query<SeasonRow & { value: Value }>(
    `SELECT chosen.*, (${expression}) AS value FROM (SELECT 1) AS one LEFT JOIN LATERAL (${text}) AS chosen ON true`,
    values,
  );
  const { value, ...season } = row!;
  return { season: season.id === null ? null : season, value };
}

export async function findPreviousSeason(actor: Actor, season: SeasonRow): Promise<SeasonRow | null> {
  const [previous] = await sql(actor).query<SeasonRow>(
    `SELECT ${SEASON_COLUMNS} FROM season WHERE kind::text = $1 AND period_end < $2::date ORDER BY period_end DESC LIMIT 1`,
    [season.kind, isoDate(season.periodStart)],
  );
  return previous ?? null;
}

/** Everything the engine needs about one municipality in one season, but the season and the reference data. */
export interface MunicipalityEvents {
  messages: MessageInput[];
  apprecs: ApprecInput[];
  findings: FindingInput[];
  extensionRequests: ExtensionRequestInput[];
  resubmissionAgreements: ResubmissionAgreementInput[];
  transportErrors: TransportErrorInput[];
}

type Grouped<Row> = Row & { municipalityNumber: string };

/**
 * A season's events known at `asOf` for the municipalities in `numbers` (all when undefined: the
 * caller has scoped them with the actor's `scopeParameter`), in six queries, grouped by
 * municipality number. Ties in time keep the order of the rows' ids.
 */
export async function loadSeasonEvents(
  actor: Actor,
  seasonId: string,
  numbers: readonly string[] | undefined,
  asOf: Date,
): Promise<Map<string, MunicipalityEvents>> {
  const scope = (column: string) => (numbers ? `AND ${column} = ANY($3::text[])` : '');
  const values = numbers ? [seasonId, asOf, numbers] : [seasonId, asOf];
  const database = sql(actor);
  const [messages, apprecs, findings, extensions, agreements, transportErrors] = await Promise.all([
    database.query<Grouped<Omit<MessageInput, 'contentSummary'> & { contentSummary: unknown }>>(
      `SELECT msg_id AS "msgId", type, environment, gen_date AS "genDate", received_at AS "receivedAt",
         municipality_number_as_sent AS "municipalityNumberAsSent", municipality_number AS "municipalityNumber", run_number AS "runNumber",
         period_from::text AS "periodFrom", period_to::text AS "periodTo", epj_system AS "epjSystem", epj_version AS "epjVersion",
         content_summary AS "contentSummary"
       FROM message
       WHERE season_id = $1::uuid AND municipality_number IS NOT NULL AND received_at <= $2
         AND (attributed_at IS NULL OR attributed_at <= $2) ${scope('municipality_number')}
       ORDER BY received_at, id`,
      values,
    ),
    // Apprecs have no municipality of their own: they belong to the message they answer (its MsgId and type).
    database.query<Grouped<ApprecInput>>(
      `SELECT a.apprec_id AS "apprecId", a.original_msg_id AS "originalMsgId", a.status, a.received_at AS "receivedAt",
         m.municipality_number AS "municipalityNumber",
         COALESCE((SELECT json_agg(json_build_object('codeSystem', e.code_system, 'code', e.code,
                    'displayName', e.display_name, 'freeText', e.free_text) ORDER BY e.position)
                   FROM apprec_error e WHERE e.apprec_id = a.id), '[]'::json) AS errors
       FROM apprec a JOIN message m ON m.msg_id = a.original_msg_id AND m.type::text = a.original_msg_type
       WHERE m.season_id = $1::uuid AND m.municipality_number IS NOT NULL
         AND m.received_at <= $2 AND (m.attributed_at IS NULL OR m.attributed_at <= $2) AND a.received_at <= $2 ${scope('m.municipality_number')}
       ORDER BY a.received_at, a.id`,
      values,
    ),
    database.query<Grouped<FindingInput>>(
      `SELECT f.id, f.municipality_number AS "municipalityNumber", m.msg_id AS "messageMsgId", f.code, f.severity, f.message, f.count,
         f.status, f.detected_at AS "detectedAt", f.resolved_at AS "resolvedAt"
       FROM finding f LEFT JOIN message m ON m.id = f.message_id
       WHERE f.season_id = $1::uuid AND f.detected_at <= $2 ${scope('f.municipality_number')}
       ORDER BY f.detected_at, f.id`,
      values,
    ),
    database.query<Grouped<ExtensionRequestInput>>(
      `SELECT id, municipality_number AS "municipalityNumber", requested_at AS "requestedAt", requested_deadline AS "requestedDeadline",
         status, granted_deadline AS "grantedDeadline", decided_at AS "decidedAt"
       FROM extension_request
       WHERE season_id = $1::uuid AND requested_at <= $2 ${scope('municipality_number')}
       ORDER BY requested_at, id`,
      values,
    ),
    database.query<Grouped<ResubmissionAgreementInput>>(
      `SELECT municipality_number AS "municipalityNumber", created_at AS "createdAt"
       FROM note
       WHERE season_id = $1::uuid AND kind = 'RESUBMISSION_AGREED' AND created_at <= $2 ${scope('municipality_number')}
       ORDER BY created_at, id`,
      values,
    ),
    // Transport errors have no municipality of their own: they belong to the message (or the Apprec's message) they concern.
    database.query<Grouped<TransportErrorInput>>(
      `SELECT t.id, t.original_message_id AS "originalMessageId", m.msg_id AS "msgId", a.id IS NOT NULL AS "concernsApprec",
         t.error_condition AS condition, t.received_at AS "receivedAt", m.municipality_number AS "municipalityNumber"
       FROM transport_error t
       LEFT JOIN apprec a ON a.apprec_id = t.original_message_id
       JOIN message m ON m.msg_id = COALESCE(a.original_msg_id, t.original_message_id)
       WHERE m.season_id = $1::uuid AND m.municipality_number IS NOT NULL
         AND m.received_at <= $2 AND t.received_at <= $2 ${scope('m.municipality_number')}
       ORDER BY t.received_at, t.id`,
      values,
    ),
  ]);

  const byMunicipality = new Map<string, MunicipalityEvents>();
  const eventsOf = (number: string) => {
    let events = byMunicipality.get(number);
    if (!events) {
      events = {
        messages: [],
        apprecs: [],
        findings: [],
        extensionRequests: [],
        resubmissionAgreements: [],
        transportErrors: [],
      };
      byMunicipality.set(number, events);
    }
    return events;
  };
  for (const message of messages) {
    const summary = contentSummarySchema.safeParse(message.contentSummary);
    eventsOf(message.municipalityNumber).messages.push({
      ...message,
      contentSummary: summary.success ? summary.data : null,
    });
  }
  for (const { municipalityNumber, ...apprec } of apprecs) eventsOf(municipalityNumber).apprecs.push(apprec);
  for (const { municipalityNumber, ...finding } of findings) eventsOf(municipalityNumber).findings.push(finding);
  for (const { municipalityNumber, ...extension } of extensions)
    eventsOf(municipalityNumber).extensionRequests.push(extension);
  for (const { municipalityNumber, ...agreement } of agreements)
    eventsOf(municipalityNumber).resubmissionAgreements.push(agreement);
  for (const { municipalityNumber, ...error } of transportErrors)
    eventsOf(municipalityNumber).transportErrors.push(error);
  return byMunicipality;
}

/** Reads a season's events: loadSeasonEvents, or a cache of every municipality's (lib/status/data/status.ts). */
export type SeasonEventsLoader = (
  actor: Actor,
  seasonId: string,
  numbers: readonly string[] | undefined,
  asOf: Date,
) => Promise<Map<string, MunicipalityEvents>>;

export const NO_EVENTS: MunicipalityEvents = {
  messages: [],
  apprecs: [],
  findings: [],
  extensionRequests: [],
  resubmissionAgreements: [],
  transportErrors: [],
};

/** The services per code of the municipality's last accepted production KPR_IPL (Apprec OK, with or without errors). */
function acceptedServicesByCode(events: MunicipalityEvents): Readonly<Record<string, number>> | null {
  const accepted = new Set(
    events.apprecs.filter((apprec) => apprec.status !== 'REJECTED').map((apprec) => apprec.originalMsgId),
  );
  for (let index = events.messages.length - 1; index >= 0; index--) {
    const message = events.messages[index]!;
    if (
      message.type === 'KPR_IPL' &&
      message.environment === 'PRODUCTION' &&
      accepted.has(message.msgId) &&
      message.contentSummary?.kind === 'KPR_IPL'
    ) {
      return message.contentSummary.servicesByCode;
    }
  }
  return null;
}

async function loadServiceCodes(actor: Actor): Promise<ServiceCodeReference[]> {
  return sql(actor).query<ServiceCodeReference>(
    `SELECT code, name, valid_from_year AS "validFromYear", valid_to_year AS "validToYear", welfare_technology AS "welfareTechnology" FROM service_code`,
  );
}

export interface Derived {
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
export async function deriveSeason(
  actor: Actor,
  season: SeasonRow,
  numbers: readonly string[],
  asOf: Date,
  load: SeasonEventsLoader = loadSeasonEvents,
): Promise<Derived> {
  const scope = [...numbers];
  const previousSeason = await findPreviousSeason(actor, season);
  const previousAsOf =
    previousSeason && new Date(asOf.getTime() - (season.deadline.getTime() - previousSeason.deadline.getTime()));
  const [serviceCodes, events, previousEvents, deadlineRiskCurve] = await Promise.all([
    loadServiceCodes(actor),
    load(actor, season.id, scope, asOf),
    // Last season's accepted delivery as known at `asOf` (for plausibility); its derivation uses only what was known at `previousAsOf`.
    previousSeason
      ? load(actor, previousSeason.id, scope, asOf)
      : Promise.resolve(new Map<string, MunicipalityEvents>()),
    // Last season's curve for the deadline-risk estimate (annual seasons: the daily regime has no such flag).
    season.kind === 'ANNUAL' ? getDeadlineRiskCurve(season, previousSeason) : Promise.resolve(null),
  ]);
  const input = seasonInput(season);
  const previousInput = previousSeason && seasonInput(previousSeason);
  // About 100 ms for all 357 and last season's: in slices, so that the process serves other requests meanwhile.
  const derived = await mapInSlices(numbers, (number) => {
    const own = events.get(number) ?? NO_EVENTS;
    const last = previousEvents.get(number) ?? NO_EVENTS;
    const servicesByCode = acceptedServicesByCode(last);
    const result = deriveDeliveryState(
      { season: input, ...own, previousSeason: servicesByCode && { servicesByCode }, serviceCodes, deadlineRiskCurve },
      asOf,
    );
    const previous =
      previousInput && previousAsOf
        ? deriveDeliveryState({ season: previousInput, ...last, previousSeason: null, serviceCodes }, previousAsOf)
        : null;
    return { number, own, result, previous };
  });
  const current: Derived['current'] = new Map(
    derived.map(({ number, own, result }) => [number, { events: own, result }]),
  );
  const previousResults = new Map(
    derived.flatMap(({ number, previous }): [string, DeliveryStateResult][] => (previous ? [[number, previous]] : [])),
  );
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
  return countKeyFigures(rows.map(keyFigureInput));
}

const CUMULATIVE_DAYS_AFTER_DEADLINE = 30;

/** Oslo days from the season's opening (or the first acceptance, if earlier) to the day of `asOf`, at most a month past the deadline. */
function cumulativeSeries(
  season: SeasonRow,
  asOf: Date,
  rows: readonly MunicipalityStatusRow[],
  previous: Derived['previous'],
): CumulativeDeliveryPoint[] {
  const total = rows.length;
  if (total === 0) return [];
  const acceptedTimes = rows
    .flatMap((row) => (row.figures.firstAcceptedAt ? [row.figures.firstAcceptedAt.getTime()] : []))
    .sort((a, b) => a - b);
  const previousTimes = previous
    ? [...previous.results.values()]
        .flatMap((result) => (result.figures.firstAcceptedAt ? [result.figures.firstAcceptedAt.getTime()] : []))
        .sort((a, b) => a - b)
    : [];
  const offset = previous ? season.deadline.getTime() - previous.season.deadline.getTime() : 0;
  const first = Math.min(season.opensAt.getTime(), acceptedTimes[0] ?? Infinity);
  // The chart is about the run-up to the deadline: it ends a month after it (or at `asOf`, if earlier).
  const lastDay = osloDate(
    new Date(Math.min(asOf.getTime(), season.deadline.getTime() + CUMULATIVE_DAYS_AFTER_DEADLINE * DAY_MS)),
  );
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

/** The overview of the municipalities in `numbers` (all when undefined; only then may `load` be a cache of every municipality's events). */
export async function buildOverview(
  actor: Actor,
  season: SeasonRow,
  numbers: readonly string[] | undefined,
  asOf: Date,
  load?: SeasonEventsLoader,
): Promise<StatusOverviewSummary> {
  const municipalities = await sql(actor).query<{
    number: string;
    name: string;
    countyNumber: string;
    countyName: string;
  }>(
    `SELECT m.number, m.short_name AS name, m.county_number AS "countyNumber", c.name AS "countyName"
     FROM municipality m JOIN county c ON c.number = m.county_number
     ${numbers ? 'WHERE m.number = ANY($1::text[])' : ''}
     ORDER BY m.number`,
    numbers ? [numbers] : [],
  );
  const derived = await deriveSeason(
    actor,
    season,
    municipalities.map((municipality) => municipality.number),
    asOf,
    load,
  );
  const rows = municipalities.map((municipality): MunicipalityStatusRow => {
    const { result } = derived.current.get(municipality.number)!;
    return {
      ...municipality,
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
    previous: previous && {
      season: seasonSummary(previous.season),
      asOf: previous.asOf,
      accepted: [...previous.results.values()].filter((result) => hasAcceptedDelivery(result.figures)).length,
      delivered: [...previous.results.values()].filter((result) => result.state === 'DELIVERED').length,
      total: rows.length,
    },
    cumulative: cumulativeSeries(season, asOf, rows, previous),
    rows,
  };
}

/**
 * Every municipality in the actor's scope at `asOf` (all for FHI and the system actors), with key
 * figures and last season's comparison; null when the season does not exist. Not cached:
 * lib/status/data/status.ts caches the overview of every municipality for the app.
 */
export async function deriveStatusOverview(actor: Actor, query: StatusQuery): Promise<StatusOverviewSummary | null> {
  const season = await findSeason(actor, query.seasonKey);
  if (!season) return null;
  return buildOverview(actor, season, scopeParameter(actor) ?? undefined, query.asOf);
}
