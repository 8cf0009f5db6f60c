/**
 * The EPJ capability's only database access: a season's production messages with the EPJ they
 * named, their Apprecs and error codes, and the season's findings, known at `asOf` (replay), turned
 * into the events lib/epj/rules groups by EPJ. For FHI only: the patterns compare every
 * municipality with the rest, so a municipal contact is answered as if the page did not exist.
 *
 * Plain SQL on the client's pool (lib/db/sql), so the weekly report's own process, which never
 * loads Prisma, reads it the same way.
 */
import 'server-only';
import { denied } from '@/lib/access';
import { municipalityScope, type Actor } from '@/lib/access/rules/actor';
import { endOfOsloDay, osloDate } from '@/lib/core/calendar';
import { sql } from '@/lib/db/sql';
import { parseDailyRules, type DailyApprecInput, type DailyMessageInput, type DailyRules } from '@/lib/daily/rules';
import { productionDeliveries } from '@/lib/daily/rules/coverage';
import { dayNumber, osloWallInstant, seasonDays } from '@/lib/daily/rules/days';
import { silenceEpisodes, volumeDrops } from '@/lib/daily/rules/episodes';
import { currentSeason, type SeasonChoice } from '@/lib/daily/rules/seasons';
import {
  epjAt,
  epjUses,
  findEpjPatterns,
  type DeliveryEvent,
  type Epj,
  type EpjPatternResult,
  type FailureEvent,
} from './rules/epj-patterns';

/** The general Apprec error list's code system in the reference data (Volven 8221). */
const APPREC_ERROR_CODE_SYSTEM = '8221';
/** Findings that count: errors and warnings (an INFO finding, e.g. a changed EPJ, is no failure). */
const FAILING_SEVERITIES = ['ERROR', 'WARNING'];

export interface EpjSeason extends SeasonChoice {
  id: string;
  dailyRules: DailyRules | null;
}

export interface EpjPatternQuery {
  /** The season's key; absent: the current season at `asOf`. */
  seasonKey?: string;
  /** The period, Oslo days 'YYYY-MM-DD'; absent: from the season's opening to `asOf`. */
  from?: string;
  to?: string;
  asOf: Date;
}

export interface EpjPatternsView {
  season: EpjSeason;
  seasons: EpjSeason[];
  /** The period looked at, Oslo days, and its instants. */
  period: { from: string; to: string; start: Date; end: Date };
  asOf: Date;
  result: EpjPatternResult;
  /** Municipality names by number. */
  names: Record<string, string>;
  /** The Apprec error list's names (reference data), by code. */
  apprecErrorNames: Record<string, string>;
}

async function listEpjSeasons(actor: Actor): Promise<EpjSeason[]> {
  const rows = await sql(actor).query<Omit<EpjSeason, 'dailyRules'> & { dailyRules: unknown }>(
    `SELECT id, key, name, kind::text AS kind, period_start AS "periodStart", period_end AS "periodEnd",
       opens_at AS "opensAt", deadline, daily_rules AS "dailyRules" FROM season ORDER BY period_start DESC, key DESC`,
  );
  return rows.map((row) => ({ ...row, dailyRules: parseDailyRules(row.dailyRules) }));
}

interface MessageRow extends DailyMessageInput {
  municipalityNumber: string;
  epjSystem: string | null;
  epjVersion: string | null;
  apprecStatus: DailyApprecInput['status'] | null;
  apprecReceivedAt: Date | null;
  errorCodes: string[] | null;
}

interface FindingRow {
  municipalityNumber: string;
  code: string;
  detectedAt: Date;
  messageType: 'KPR_IPL' | 'KPR_IDE' | null;
  epjSystem: string | null;
  epjVersion: string | null;
}

/** The season's production messages known at `asOf`, each once per Apprec known then (in order of receipt). */
async function readMessages(actor: Actor, seasonId: string, asOf: Date, since: Date | null): Promise<MessageRow[]> {
  return sql(actor).query<MessageRow>(
    `SELECT m.msg_id AS "msgId", m.type::text AS type, m.environment::text AS environment, m.received_at AS "receivedAt",
       m.period_from::text AS "periodFrom", m.period_to::text AS "periodTo", m.run_number AS "runNumber",
       CASE WHEN m.type = 'KPR_IPL' THEN (m.content_summary->>'persons')::int END AS persons,
       m.municipality_number AS "municipalityNumber", m.epj_system AS "epjSystem", m.epj_version AS "epjVersion",
       a.status::text AS "apprecStatus", a.received_at AS "apprecReceivedAt",
       (SELECT array_agg(e.code ORDER BY e.position) FROM apprec_error e WHERE e.apprec_id = a.id) AS "errorCodes"
     FROM message m LEFT JOIN apprec a ON a.original_msg_id = m.msg_id AND a.received_at <= $2
     WHERE m.season_id = $1::uuid AND m.environment = 'PRODUCTION' AND m.municipality_number IS NOT NULL
       AND m.received_at <= $2 AND ($3::timestamptz IS NULL OR m.received_at >= $3)
     ORDER BY m.received_at, m.id, a.received_at, a.id`,
    [seasonId, asOf, since],
  );
}

async function readFindings(actor: Actor, seasonId: string, asOf: Date, since: Date | null): Promise<FindingRow[]> {
  return sql(actor).query<FindingRow>(
    `SELECT f.municipality_number AS "municipalityNumber", f.code, f.detected_at AS "detectedAt",
       m.type::text AS "messageType", m.epj_system AS "epjSystem", m.epj_version AS "epjVersion"
     FROM finding f LEFT JOIN message m ON m.id = f.message_id
     WHERE f.season_id = $1::uuid AND f.detected_at <= $2 AND f.severity::text = ANY($3::text[])
       AND ($4::timestamptz IS NULL OR f.detected_at >= $4)
     ORDER BY f.detected_at, f.id`,
    [seasonId, asOf, FAILING_SEVERITIES, since],
  );
}

const epjOf = (row: { epjSystem: string | null; epjVersion: string | null }): Epj => ({
  system: row.epjSystem,
  version: row.epjVersion,
});

/**
 * The season's events as the rules read them: uses of an EPJ, deliveries and failures, from the
 * events received since `since` (null: all the season's; a later start reads less, and still sees
 * enough before a period for the EPJ in use, the volume baseline and a silence under way).
 */
async function seasonEvents(actor: Actor, season: EpjSeason, asOf: Date, since: Date | null = null) {
  const [rows, findings] = await Promise.all([
    readMessages(actor, season.id, asOf, since),
    readFindings(actor, season.id, asOf, since),
  ]);
  // One entry per message: its last Apprec known at `asOf`.
  const messages = new Map<string, MessageRow>();
  for (const row of rows) messages.set(row.msgId, row);
  const ipls = [...messages.values()].filter((row) => row.type === 'KPR_IPL');
  const uses = epjUses(
    ipls.map((row) => ({ municipality: row.municipalityNumber, epj: epjOf(row), at: row.receivedAt })),
  );
  const epjOfMessage = (row: MessageRow) =>
    row.type === 'KPR_IPL' ? epjOf(row) : epjAt(uses, row.municipalityNumber, row.receivedAt);

  const deliveries: DeliveryEvent[] = ipls.map((row) => ({
    municipality: row.municipalityNumber,
    epj: epjOf(row),
    at: row.receivedAt,
    accepted: row.apprecStatus === null ? null : row.apprecStatus !== 'REJECTED',
  }));
  const failures: FailureEvent[] = [];
  for (const row of messages.values()) {
    if (row.apprecStatus !== 'REJECTED' || row.apprecReceivedAt === null) continue;
    const epj = epjOfMessage(row);
    if (!epj) continue;
    const codes = row.errorCodes?.length ? [...new Set(row.errorCodes)] : [null];
    for (const code of codes)
      failures.push({ municipality: row.municipalityNumber, kind: 'REJECTION', code, epj, at: row.apprecReceivedAt });
  }
  for (const finding of findings) {
    const epj =
      finding.messageType === 'KPR_IPL' ? epjOf(finding) : epjAt(uses, finding.municipalityNumber, finding.detectedAt);
    if (epj)
      failures.push({
        municipality: finding.municipalityNumber,
        kind: 'FINDING',
        code: finding.code,
        epj,
        at: finding.detectedAt,
      });
  }
  if (season.kind === 'DAILY' && season.dailyRules)
    failures.push(...dailyFailures(season, season.dailyRules, [...messages.values()], asOf));
  return { uses, deliveries, failures };
}

/** Silences and volume drops of a daily season, each under the EPJ of the delivery it rests on. */
function dailyFailures(season: EpjSeason, rules: DailyRules, messages: MessageRow[], asOf: Date): FailureEvent[] {
  const period = { periodStart: osloDate(season.periodStart), periodEnd: osloDate(season.periodEnd) };
  const table = seasonDays(period, rules);
  const byMunicipality = new Map<string, MessageRow[]>();
  for (const row of messages) {
    const list = byMunicipality.get(row.municipalityNumber) ?? [];
    list.push(row);
    byMunicipality.set(row.municipalityNumber, list);
  }
  const failures: FailureEvent[] = [];
  for (const [municipality, rows] of byMunicipality) {
    const apprecs = rows
      .filter((row) => row.apprecStatus !== null)
      .map((row) => ({ originalMsgId: row.msgId, status: row.apprecStatus!, receivedAt: row.apprecReceivedAt! }));
    const deliveries = productionDeliveries({ messages: rows, apprecs }, period, rules);
    const epjOfIpl = new Map(rows.map((row) => [row.msgId, epjOf(row)]));
    for (const episode of silenceEpisodes(deliveries, rules, asOf)) {
      failures.push({
        municipality,
        kind: 'SILENCE',
        code: null,
        epj: epjOfIpl.get(episode.reference.ipl.msgId)!,
        at: episode.from,
        until: episode.until,
      });
    }
    const accepted = deliveries.filter((delivery) => delivery.accepted);
    for (const drop of volumeDrops(accepted, rules, table)) {
      failures.push({
        municipality,
        kind: 'VOLUME_DROP',
        code: null,
        epj: epjOfIpl.get(drop.delivery.ipl.msgId)!,
        at: drop.delivery.ipl.receivedAt,
      });
    }
  }
  return failures;
}

const startOfOsloDay = (isoDate: string) => osloWallInstant(dayNumber(isoDate), 0);

/** The period asked for, within what can be known: from the season's opening (or `from`) to `to` or `asOf`. */
function periodOf(season: EpjSeason, query: EpjPatternQuery): EpjPatternsView['period'] {
  const asOfDay = osloDate(query.asOf);
  const opens = osloDate(season.kind === 'DAILY' ? season.periodStart : season.opensAt);
  const to = query.to && query.to < asOfDay ? query.to : asOfDay;
  const from = query.from && query.from <= to ? query.from : opens <= to ? opens : to;
  const end = endOfOsloDay(to);
  return { from, to, start: startOfOsloDay(from), end: end < query.asOf ? end : query.asOf };
}

/** The EPJ patterns of a season and period, for whoever may see every municipality; null for an unknown season. */
export async function findEpjPatternsOf(actor: Actor, query: EpjPatternQuery): Promise<EpjPatternsView | null> {
  const seasons = await listEpjSeasons(actor);
  const season = query.seasonKey
    ? seasons.find((candidate) => candidate.key === query.seasonKey)
    : currentSeason(seasons, query.asOf);
  if (!season) return null;
  const period = periodOf(season, query);
  const [events, names, apprecErrorNames] = await Promise.all([
    seasonEvents(actor, season, query.asOf),
    municipalityNames(actor),
    apprecErrorNamesOf(actor),
  ]);
  return {
    season,
    seasons,
    period,
    asOf: query.asOf,
    result: findEpjPatterns({ period: { from: period.start, to: period.end }, ...events }),
    names,
    apprecErrorNames,
  };
}

/** How far before a report's window its events are read (the EPJ in use, the volume baseline, a silence under way). */
const REPORT_LOOKBACK_DAYS = 30;

export interface EpjWindowPatterns {
  season: EpjSeason;
  result: EpjPatternResult;
}

/**
 * The patterns of every season with production deliveries in [from, asOf] (the weekly report's
 * section), oldest season first, with municipality names and the Apprec error list's names.
 */
export async function findEpjPatternsInWindow(
  actor: Actor,
  from: Date,
  asOf: Date,
): Promise<{ seasons: EpjWindowPatterns[]; names: Record<string, string>; apprecErrorNames: Record<string, string> }> {
  const since = new Date(from.getTime() - REPORT_LOOKBACK_DAYS * 86_400_000);
  const [all, active, names, errorNames] = await Promise.all([
    listEpjSeasons(actor),
    sql(actor).query<{ seasonId: string }>(
      `SELECT DISTINCT season_id AS "seasonId" FROM message
       WHERE environment = 'PRODUCTION' AND type = 'KPR_IPL' AND received_at >= $1 AND received_at <= $2`,
      [from, asOf],
    ),
    municipalityNames(actor),
    apprecErrorNamesOf(actor),
  ]);
  const ids = new Set(active.map((row) => row.seasonId));
  const seasons: EpjWindowPatterns[] = [];
  for (const season of [...all].reverse().filter((candidate) => ids.has(candidate.id))) {
    const events = await seasonEvents(actor, season, asOf, since);
    seasons.push({ season, result: findEpjPatterns({ period: { from, to: asOf }, ...events }) });
  }
  return { seasons, names, apprecErrorNames: errorNames };
}

async function municipalityNames(actor: Actor): Promise<Record<string, string>> {
  const rows = await sql(actor).query<{ number: string; name: string }>(
    `SELECT number, short_name AS name FROM municipality`,
  );
  return Object.fromEntries(rows.map((row) => [row.number, row.name]));
}

async function apprecErrorNamesOf(actor: Actor): Promise<Record<string, string>> {
  const rows = await sql(actor).query<{ code: string; name: string }>(
    `SELECT code, name FROM code_list_entry WHERE code_system = $1`,
    [APPREC_ERROR_CODE_SYSTEM],
  );
  return Object.fromEntries(rows.map((row) => [row.code, row.name]));
}

/**
 * The EPJ page's data: FHI only (the patterns compare every municipality with the rest); anyone
 * else is refused and answered as if the page did not exist.
 */
export async function getEpjPatterns(actor: Actor, query: EpjPatternQuery): Promise<EpjPatternsView | null> {
  if (!municipalityScope(actor).all) return denied(actor, 'epj.patterns');
  return findEpjPatternsOf(actor, query);
}
