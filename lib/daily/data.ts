/**
 * The daily capability's only database access: a daily season and its rules, and the messages and
 * Apprecs of its municipalities known at `asOf` (replay), always within the actor's scope. A
 * municipality outside the scope is answered as if it did not exist (and the refusal audited).
 */
import 'server-only';
import { auditActor, canSeeMunicipality, denied, recordAudit, scopeParameter, type Actor } from '@/lib/access';
import { ReusedReads } from '@/lib/core/reused-reads';
import { mapInSlices } from '@/lib/core/slices';
import { MINUTE_MS } from '@/lib/core/time';
import { db, sql } from '@/lib/db';
import {
  dailyCalendar,
  deriveDailyState,
  parseDailyRules,
  type DailyApprecInput,
  type DailyEvents,
  type DailyMessageInput,
  type DailySeasonInput,
  type DailyStateResult,
  type DayCell,
  type DayStatus,
} from './rules';
import { deriveDailyStateAndDays } from './rules/derive';
import {
  countyAggregates,
  nationalAggregate,
  nationalSeries,
  type DailyOverviewRow,
  type DailyOverviewSummary,
  type DailySeasonSummary,
} from './rules/overview';
import { currentSeason, isDailySeasonKey, type SeasonChoice } from './rules/seasons';

export interface SeasonOption extends SeasonChoice {
  id: string;
}

/** Every season, oldest first. Seasons are no one municipality's: every actor sees them. */
export async function listSeasons(actor: Actor): Promise<SeasonOption[]> {
  return sql(actor).query<SeasonOption>(
    `SELECT id, key, name, kind::text AS kind, period_start AS "periodStart", period_end AS "periodEnd",
       opens_at AS "opensAt", deadline FROM season ORDER BY period_start, key`,
  );
}

/** Whether `key` names a daily season (lib/daily/rules/seasons.ts isDailySeasonKey). */
export async function isDailySeason(actor: Actor, key: string | undefined): Promise<boolean> {
  return key !== undefined && isDailySeasonKey(await listSeasons(actor), key);
}

/** The season a view opens on at `asOf` when none is asked for (lib/daily/rules/seasons.ts). */
export async function findCurrentSeason(actor: Actor, asOf: Date): Promise<SeasonOption | null> {
  return currentSeason(await listSeasons(actor), asOf);
}

interface DailySeasonRow {
  id: string;
  key: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  dailyRules: unknown;
}

/** A daily season by key, with its rules; null for an unknown key or an annual season. */
async function findDailySeason(actor: Actor, key: string): Promise<{ id: string; input: DailySeasonInput } | null> {
  const [row] = await sql(actor).query<DailySeasonRow>(
    `SELECT id, key, name, period_start::text AS "periodStart", period_end::text AS "periodEnd", daily_rules AS "dailyRules"
     FROM season WHERE key = $1 AND kind = 'DAILY'`,
    [key],
  );
  const rules = row ? parseDailyRules(row.dailyRules) : null;
  if (!row || !rules) return null;
  return {
    id: row.id,
    input: { key: row.key, name: row.name, periodStart: row.periodStart, periodEnd: row.periodEnd, rules },
  };
}

/** One row of loadDailyEvents: a message, with one of its Apprecs (or none). */
interface EventRow extends DailyMessageInput {
  municipalityNumber: string;
  apprecStatus: DailyApprecInput['status'] | null;
  apprecReceivedAt: Date | null;
}

/**
 * The season's messages and Apprecs known at `asOf` for `numbers` (null: all), grouped by
 * municipality: one query, the Apprecs joined to their message, and only the columns the rules
 * read. A message with several Apprecs comes once per Apprec, in order of receipt (the rules take
 * each message's last Apprec: lib/daily/rules/coverage.ts). Read municipality by municipality, so
 * that each one's objects lie together in memory: deriving all 357 from rows read in order of
 * receipt across the country took 2.6 × as long (266 against 103 ms p50 on the benchmark's data,
 * 357 × a year of nightly deliveries; README, «Daily figures»).
 */
async function loadDailyEvents(
  actor: Actor,
  seasonId: string,
  numbers: readonly string[] | null,
  asOf: Date,
): Promise<Map<string, DailyEvents>> {
  const rows = await sql(actor).query<EventRow>(
    `SELECT m.msg_id AS "msgId", m.type::text AS type, m.environment::text AS environment, m.received_at AS "receivedAt",
       m.period_from::text AS "periodFrom", m.period_to::text AS "periodTo", m.run_number AS "runNumber",
       CASE WHEN m.type = 'KPR_IPL' THEN (m.content_summary->>'persons')::int END AS persons,
       m.municipality_number AS "municipalityNumber", a.status::text AS "apprecStatus", a.received_at AS "apprecReceivedAt"
     FROM message m LEFT JOIN apprec a ON a.original_msg_id = m.msg_id AND a.received_at <= $2
     WHERE m.season_id = $1::uuid AND m.municipality_number IS NOT NULL AND m.received_at <= $2
       ${numbers ? 'AND m.municipality_number = ANY($3::text[])' : ''}
     ORDER BY m.municipality_number, m.received_at, m.id, a.received_at, a.id`,
    numbers ? [seasonId, asOf, numbers] : [seasonId, asOf],
  );
  const byMunicipality = new Map<string, { messages: DailyMessageInput[]; apprecs: DailyApprecInput[] }>();
  let previous: string | null = null;
  for (const row of rows) {
    let events = byMunicipality.get(row.municipalityNumber);
    if (!events) byMunicipality.set(row.municipalityNumber, (events = { messages: [], apprecs: [] }));
    if (row.msgId !== previous) {
      events.messages.push({
        msgId: row.msgId,
        type: row.type,
        environment: row.environment,
        receivedAt: row.receivedAt,
        periodFrom: row.periodFrom,
        periodTo: row.periodTo,
        runNumber: row.runNumber,
        persons: row.persons,
      });
      previous = row.msgId;
    }
    if (row.apprecStatus !== null && row.apprecReceivedAt !== null)
      events.apprecs.push({ originalMsgId: row.msgId, status: row.apprecStatus, receivedAt: row.apprecReceivedAt });
  }
  return byMunicipality;
}

const NO_EVENTS: DailyEvents = { messages: [], apprecs: [] };

interface MunicipalityRow {
  number: string;
  name: string;
  countyNumber: string;
  countyName: string;
}

async function municipalitiesIn(actor: Actor, numbers: readonly string[] | null): Promise<MunicipalityRow[]> {
  return sql(actor).query<MunicipalityRow>(
    `SELECT m.number, m.short_name AS name, m.county_number AS "countyNumber", c.name AS "countyName"
     FROM municipality m JOIN county c ON c.number = m.county_number
     ${numbers ? 'WHERE m.number = ANY($1::text[])' : ''} ORDER BY m.number`,
    numbers ? [numbers] : [],
  );
}

const summaryOf = (season: { id: string; input: DailySeasonInput }): DailySeasonSummary => ({
  id: season.id,
  key: season.input.key,
  name: season.input.name,
  kind: 'DAILY',
  periodStart: season.input.periodStart,
  periodEnd: season.input.periodEnd,
  rules: season.input.rules,
});

/**
 * The daily overview's caches, like the annual one's (lib/status/data/status.ts): derived state is
 * never stored, only not recomputed. Keyed by season, scope and data version (a new message or
 * Apprec, or a message attributed, changes it), so a new event shows at once:
 * - `overviews`: the overview per instant (the same minute's is derived once);
 * - `latestNow`: the last overview of "now" built; when the minute turns, requests get it (it says
 *   which minute it shows) until the new minute's is built, instead of all waiting for the rebuild;
 * - `nowEvents`: the events read for "now"; the next minute derives the same rows again at its
 *   instant instead of reading ~300 000 rows again, unless one is dated between the two instants
 *   (a future receipt coming due), and read again at least every ten minutes so that a row
 *   changed in place (which the version does not count) still shows.
 */
interface OverviewEntry {
  expires: number;
  overview: Promise<DailyOverviewSummary | null>;
  built?: DailyOverviewSummary | null;
}
const overviews = new Map<string, OverviewEntry>();
const OVERVIEW_TTL_MS = 60_000;
const OVERVIEW_LIMIT = 32;
const latestNow = new Map<string, DailyOverviewSummary>();
const NOW_LIMIT = 8;
const nowEvents = new ReusedReads<Map<string, DailyEvents>>({ limit: NOW_LIMIT, reuseMs: 10 * MINUTE_MS });

/** Changes whenever a message or an Apprec is added (UUIDv7 ids: the largest is the newest) or a message is attributed. */
async function dailyDataVersion(actor: Actor): Promise<string> {
  const [row] = await sql(actor).query<{ version: string }>(
    `SELECT concat_ws('|', (SELECT id FROM message ORDER BY id DESC LIMIT 1), (SELECT id FROM apprec ORDER BY id DESC LIMIT 1),
                           (SELECT count(*) FROM message WHERE attributed_at IS NOT NULL)) AS version`,
  );
  return row?.version ?? '';
}

/** Whether a message or Apprec of the season is dated after `after` and by `until`. */
async function eventsBetween(actor: Actor, seasonId: string, after: Date, until: Date): Promise<boolean> {
  const [row] = await sql(actor).query<{ found: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM message WHERE season_id = $1::uuid AND received_at > $2 AND received_at <= $3)
       OR EXISTS (SELECT 1 FROM apprec a JOIN message m ON m.msg_id = a.original_msg_id
                  WHERE m.season_id = $1::uuid AND a.received_at > $2 AND a.received_at <= $3) AS found`,
    [seasonId, after, until],
  );
  return row?.found ?? true;
}

function remember<Value>(map: Map<string, Value>, key: string, value: Value): void {
  map.delete(key);
  if (map.size >= NOW_LIMIT) map.delete(map.keys().next().value!);
  map.set(key, value);
}

type EventsLoader = (
  actor: Actor,
  seasonId: string,
  scope: readonly string[] | null,
  asOf: Date,
) => Promise<Map<string, DailyEvents>>;

function nowEventsLoader(versionKey: string): EventsLoader {
  return (actor, seasonId, scope, asOf) =>
    nowEvents.read(
      versionKey,
      asOf,
      (after, until) => eventsBetween(actor, seasonId, after, until),
      () => loadDailyEvents(actor, seasonId, scope, asOf),
    );
}

/** The daily overview of every municipality in the actor's scope at `asOf`; null for an unknown or annual season. */
export async function getDailyOverview(
  actor: Actor,
  query: { seasonKey: string; asOf: Date },
): Promise<DailyOverviewSummary | null> {
  const scope = scopeParameter(actor);
  const versionKey = `${query.seasonKey}|${scope?.join(',') ?? '*'}|${await dailyDataVersion(actor)}`;
  const key = `${versionKey}|${query.asOf.getTime()}`;
  const now = Date.now();
  // "Now" as the screens ask for it: the end of the current minute (lib/status/rules/query.ts).
  const isNow = query.asOf.getTime() === (Math.floor(now / MINUTE_MS) + 1) * MINUTE_MS - 1;
  const previous = () => {
    const latest = isNow ? latestNow.get(versionKey) : undefined;
    return latest && latest.asOf.getTime() === query.asOf.getTime() - MINUTE_MS ? latest : null;
  };
  const known = overviews.get(key);
  if (known && known.expires > now) return known.built !== undefined ? known.built : (previous() ?? known.overview);
  for (const [cached, entry] of overviews)
    if (entry.expires <= now || overviews.size >= OVERVIEW_LIMIT) overviews.delete(cached);
  const overview = buildDailyOverview(actor, scope, query, isNow ? nowEventsLoader(versionKey) : loadDailyEvents);
  const entry: OverviewEntry = { expires: now + OVERVIEW_TTL_MS, overview };
  overviews.set(key, entry);
  overview.then(
    (built) => {
      entry.built = built;
      if (isNow && built) remember(latestNow, versionKey, built);
    },
    () => overviews.delete(key),
  );
  return previous() ?? overview;
}

async function buildDailyOverview(
  actor: Actor,
  scope: string[] | null,
  query: { seasonKey: string; asOf: Date },
  load: EventsLoader,
): Promise<DailyOverviewSummary | null> {
  const season = await findDailySeason(actor, query.seasonKey);
  if (!season) return null;
  const [municipalities, events] = await Promise.all([
    municipalitiesIn(actor, scope),
    load(actor, season.id, scope, query.asOf),
  ]);
  const calendars: DayStatus[][] = [];
  // In slices, so that the process serves other requests meanwhile (lib/core/slices.ts).
  const rows: DailyOverviewRow[] = await mapInSlices(municipalities, (municipality) => {
    const own = events.get(municipality.number) ?? NO_EVENTS;
    const { result, statuses } = deriveDailyStateAndDays(season.input, own, query.asOf);
    calendars.push(statuses);
    return { ...municipality, ...result };
  });
  return {
    season: summaryOf(season),
    asOf: query.asOf,
    rows,
    counties: countyAggregates(rows),
    national: nationalAggregate(rows, 'Hele landet'),
    series: nationalSeries(season.input, calendars, query.asOf),
  };
}

/**
 * A daily season's rules and the events of the municipalities in the actor's scope at `asOf`, as
 * the overview reads them: what the benchmark derives in process (scripts/bench-status.ts).
 */
export async function readDailySeasonEvents(
  actor: Actor,
  query: { seasonKey: string; asOf: Date },
): Promise<{ season: DailySeasonInput; events: Map<string, DailyEvents> } | null> {
  const season = await findDailySeason(actor, query.seasonKey);
  if (!season) return null;
  return { season: season.input, events: await loadDailyEvents(actor, season.id, scopeParameter(actor), query.asOf) };
}

export interface DailyMunicipalityDetail extends MunicipalityRow {
  season: DailySeasonSummary;
  asOf: Date;
  result: DailyStateResult;
  calendar: DayCell[];
}

/** One municipality's daily state and calendar at `asOf`; null when it or the season does not exist, or it is outside the scope. */
export async function getDailyMunicipality(
  actor: Actor,
  number: string,
  query: { seasonKey: string; asOf: Date },
): Promise<DailyMunicipalityDetail | null> {
  if (!canSeeMunicipality(actor, number)) return denied(actor, 'daily.municipality', number);
  const [[municipality], season] = await Promise.all([
    municipalitiesIn(actor, [number]),
    findDailySeason(actor, query.seasonKey),
  ]);
  if (!municipality || !season) return null;
  await recordAudit(db(actor), {
    action: 'municipality.view',
    outcome: 'SUCCESS',
    actor: auditActor(actor),
    municipalityNumber: number,
    requestId: actor.requestId,
  });
  const events = (await loadDailyEvents(actor, season.id, [number], query.asOf)).get(number) ?? NO_EVENTS;
  return {
    ...municipality,
    season: summaryOf(season),
    asOf: query.asOf,
    result: deriveDailyState(season.input, events, query.asOf),
    calendar: dailyCalendar(season.input, events, query.asOf),
  };
}
