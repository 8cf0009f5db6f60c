/**
 * An EPJ vendor's update gone wrong, so the EPJ patterns (lib/epj) have something true to find: in
 * the last annual season's January, the customers of one version send extracts that do not
 * validate and are rejected with the same Apprec error until the vendor's fix; in the daily season,
 * the customers of one version install an update in October that cuts their extracts' persons until
 * it is fixed. The group is the largest one of a system and version in the year (the vendor with the
 * most customers on one release), so it does not depend on the seed's draws.
 */
import type { EpjInstallation, MunicipalityProfile } from './municipality-profile';
import { epjIn } from './municipality-profile';
import { day, type Day } from './oslo-time';

/** The annual wave: rejected with this code when the first production delivery falls in [from, fixedOn). */
export const ANNUAL_EPJ_WAVE = {
  code: 'T02',
  /** The first working Monday of the reception and the Monday after, when the vendor's fix came (days of the year after the data year). */
  from: (dataYear: number): Day => day(dataYear + 1, 1, 5),
  fixedOn: (dataYear: number): Day => day(dataYear + 1, 1, 12),
} as const;

/** The daily wave: the update is installed from `from` (each customer within a few working days) and fixed on `fixedOn`. */
export const DAILY_EPJ_WAVE = {
  from: (year: number): Day => day(year, 10, 5),
  fixedOn: (year: number): Day => day(year, 10, 23),
} as const;

const key = (epj: EpjInstallation) => `${epj.system}|${epj.version}`;

/** The system and version most municipalities used in `year` (ties: the first by name), among systems not left out. */
export function largestInstallation(
  profiles: ReadonlyMap<string, MunicipalityProfile>,
  year: number,
  exceptSystems: readonly string[] = [],
): EpjInstallation {
  const counts = new Map<string, { epj: EpjInstallation; count: number }>();
  for (const profile of profiles.values()) {
    const epj = epjIn(profile, year);
    if (exceptSystems.includes(epj.system)) continue;
    const entry = counts.get(key(epj)) ?? { epj, count: 0 };
    entry.count++;
    counts.set(key(epj), entry);
  }
  const [largest] = [...counts.values()].sort((a, b) => b.count - a.count || key(a.epj).localeCompare(key(b.epj)));
  if (!largest) throw new Error(`no EPJ installations in ${year}`);
  return largest.epj;
}

export const sameInstallation = (a: EpjInstallation, b: EpjInstallation) =>
  a.system === b.system && a.version === b.version;
