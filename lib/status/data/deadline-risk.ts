/**
 * Last season's curve for the deadline-risk estimate (lib/status/rules/deadline-risk.ts), read
 * from events: every municipality of the previous season of the same kind, as known when this
 * season opened (so a replay never sees what came later), derived at the end of each working day
 * before its deadline. Read as the system actor `deadline-risk` — the curve is of all
 * municipalities whoever asks, and holds counts only — and cached per season: last season does
 * not change under a running one, and the overview must stay fast.
 */
import 'server-only';
import { systemActor } from '@/lib/access/rules/actor';
import { sql } from '@/lib/db/sql';
import {
  buildDeadlineRiskCurve,
  deriveDeliveryState,
  seasonInput,
  type DeadlineRiskCurve,
  type SeasonRow,
} from '@/lib/status/rules';
import type { ServiceCodeReference } from '@/lib/ingest/rules/checks';
import type { Actor } from '@/lib/access/rules/actor';
import { findPreviousSeason, findSeason, loadSeasonEvents, NO_EVENTS } from './overview';

const CURVE_CACHE_TTL_MS = 60 * 60_000;
const curves = new Map<string, { expires: number; curve: Promise<DeadlineRiskCurve | null> }>();

async function buildCurve(season: SeasonRow, previous: SeasonRow): Promise<DeadlineRiskCurve> {
  const actor = systemActor('deadline-risk');
  const database = sql(actor);
  const knownAt = season.opensAt;
  const [municipalities, serviceCodes, events] = await Promise.all([
    database.query<{ number: string }>('SELECT number FROM municipality ORDER BY number'),
    database.query<ServiceCodeReference>(
      `SELECT code, name, valid_from_year AS "validFromYear", valid_to_year AS "validToYear", welfare_technology AS "welfareTechnology" FROM service_code`,
    ),
    loadSeasonEvents(actor, previous.id, undefined, knownAt),
  ]);
  const input = seasonInput(previous);
  return buildDeadlineRiskCurve(
    { key: previous.key, name: previous.name, deadline: previous.deadline },
    municipalities.map(({ number }) => {
      const stateInput = { season: input, ...(events.get(number) ?? NO_EVENTS), previousSeason: null, serviceCodes };
      const end = deriveDeliveryState(stateInput, knownAt).figures;
      return {
        derive: (asOf: Date) => deriveDeliveryState(stateInput, asOf),
        firstAccepted:
          end.firstAcceptedAt && end.firstAcceptedSentAt
            ? { sentAt: end.firstAcceptedSentAt, acceptedAt: end.firstAcceptedAt }
            : null,
      };
    }),
  );
}

/**
 * The curve of `previous` (the season before `season`, of the same kind) for the estimate in
 * `season`; null without a previous season. Cached per season for an hour.
 */
export function getDeadlineRiskCurve(season: SeasonRow, previous: SeasonRow | null): Promise<DeadlineRiskCurve | null> {
  if (!previous) return Promise.resolve(null);
  const key = `${season.id}|${previous.id}`;
  const now = Date.now();
  const cached = curves.get(key);
  if (cached && cached.expires > now) return cached.curve;
  const curve = buildCurve(season, previous);
  curves.set(key, { expires: now + CURVE_CACHE_TTL_MS, curve });
  curve.catch(() => curves.delete(key));
  return curve;
}

/** The curve the estimate of season `seasonKey` reads (the evaluation prints it); null without that season or one before it. */
export async function getSeasonDeadlineRiskCurve(actor: Actor, seasonKey: string): Promise<DeadlineRiskCurve | null> {
  const season = await findSeason(actor, seasonKey);
  if (!season) return null;
  return getDeadlineRiskCurve(season, await findPreviousSeason(actor, season));
}
