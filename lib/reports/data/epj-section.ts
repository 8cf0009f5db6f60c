/**
 * The weekly report's EPJ section: the EPJ patterns (lib/epj) of the four weeks that end with the
 * report's week, in every season with deliveries then. Read through the EPJ capability's plain SQL,
 * so the report's own process builds it without Prisma.
 */
import 'server-only';
import type { Actor } from '@/lib/access/rules/actor';
import { findEpjPatternsInWindow } from '@/lib/epj';
import { EPJ_SECTION_WINDOW_DAYS, reportEpjPattern, type ReportEpjSection } from '@/lib/reports/rules/epj-section';
import { previousWeekStart, reportWeek } from '@/lib/reports/rules/weekly-report';

/** The first Monday of the window: `EPJ_SECTION_WINDOW_DAYS` days (whole weeks) ending with the week. */
function windowStart(weekStart: string): Date {
  let monday = weekStart;
  for (let weeks = EPJ_SECTION_WINDOW_DAYS / 7 - 1; weeks > 0; weeks--) monday = previousWeekStart(monday);
  return reportWeek(monday).start;
}

export async function epjSectionOf(actor: Actor, weekStart: string): Promise<ReportEpjSection> {
  const from = windowStart(weekStart);
  const to = reportWeek(weekStart).end;
  const { seasons, names, apprecErrorNames } = await findEpjPatternsInWindow(actor, from, to);
  const patterns = seasons.flatMap(({ season, result }) =>
    result.patterns.map((pattern) =>
      reportEpjPattern({ key: season.key, name: season.name, kind: season.kind }, pattern, names),
    ),
  );
  const codes = new Set(patterns.flatMap((pattern) => (pattern.failure.code ? [pattern.failure.code] : [])));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    patterns,
    apprecErrorNames: Object.fromEntries(Object.entries(apprecErrorNames).filter(([code]) => codes.has(code))),
  };
}
