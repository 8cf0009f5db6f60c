/** The municipality and season a follow-up read or write is about, once the viewer's scope is checked. */
import 'server-only';
import { db, sql } from '@/lib/db';
import { findSeason } from './overview';

/** The season (by key; the latest annual one by default) if the municipality and the season both exist; else null. */
export async function findMunicipalitySeason(number: string, seasonKey: string | undefined) {
  const [municipality, season] = await Promise.all([
    db().municipality.findUnique({ where: { number }, select: { number: true } }),
    findSeason(sql(), seasonKey),
  ]);
  return municipality && season;
}
