/** The municipality and season a follow-up read or write is about, once the caller has checked the actor's scope. */
import 'server-only';
import type { Actor } from '@/lib/access/rules/actor';
import { db } from '@/lib/db';
import type { SeasonRow } from '@/lib/status/rules';
import { findSeason } from './overview';

/** The season (by key; the latest annual one by default) if the municipality and the season both exist; else null. */
export async function findMunicipalitySeason(
  actor: Actor,
  number: string,
  seasonKey: string | undefined,
): Promise<SeasonRow | null> {
  const [municipality, season] = await Promise.all([
    db(actor).municipality.findUnique({ where: { number }, select: { number: true } }),
    findSeason(actor, seasonKey),
  ]);
  return municipality && season;
}
