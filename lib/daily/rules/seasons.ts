/**
 * Which season a view opens on when none is asked for: the current one. An annual season whose
 * reception is open (opened, deadline not passed) comes first — in early January its deadline is
 * what matters; then a daily season whose period holds the day; then the latest season begun.
 */
export interface SeasonChoice {
  key: string;
  name: string;
  kind: 'ANNUAL' | 'DAILY';
  periodStart: Date;
  periodEnd: Date;
  opensAt: Date;
  deadline: Date;
}

export function currentSeason<Season extends SeasonChoice>(seasons: readonly Season[], asOf: Date): Season | null {
  const at = asOf.getTime();
  const open = seasons
    .filter((season) => season.kind === 'ANNUAL' && season.opensAt.getTime() <= at && at <= season.deadline.getTime())
    .sort((a, b) => a.deadline.getTime() - b.deadline.getTime())[0];
  if (open) return open;
  const daily = activeDailySeason(seasons, asOf);
  if (daily) return daily;
  const begun = seasons
    .filter((season) => season.opensAt.getTime() <= at)
    .sort((a, b) => b.opensAt.getTime() - a.opensAt.getTime())[0];
  return begun ?? seasons.at(-1) ?? null;
}

/** The daily season whose reporting runs at `asOf` (opened, its last deadline not passed), if any. */
export function activeDailySeason<Season extends SeasonChoice>(seasons: readonly Season[], asOf: Date): Season | null {
  const at = asOf.getTime();
  return (
    seasons.find(
      (season) => season.kind === 'DAILY' && season.opensAt.getTime() <= at && at <= season.deadline.getTime(),
    ) ?? null
  );
}

/**
 * Whether `key` names a daily season. The annual screens (a municipality's season page, its export,
 * the extension requests) use it to send a daily season to its own view instead of showing it in
 * annual words (deadline, delivered on time).
 */
export function isDailySeasonKey(seasons: readonly Pick<SeasonChoice, 'key' | 'kind'>[], key: string | undefined) {
  return key !== undefined && seasons.some((season) => season.key === key && season.kind === 'DAILY');
}
