/**
 * The daily overview as data: one row per municipality (state, flags, days since the last
 * accepted delivery, streak, 7/30-day and season rates), county and national sums, and the
 * national reporting rate per day of the year. Pure, so the page, the API and the worklist share it.
 */
import { dayNumber, isExpectedDay, isoOfDay, osloDayOf, graceInstant } from './days';
import { reportingRate, sumCounts, timeliness } from './derive';
import type { DailyRules } from './config';
import type { DailyRates, DailySeasonInput, DailyStateResult, DayStatus, RateCounts } from './types';

export interface DailyOverviewRow extends DailyStateResult {
  number: string;
  name: string;
  countyNumber: string;
  countyName: string;
}

export interface DailyAggregate {
  number: string | null;
  name: string;
  municipalities: number;
  last7: RateCounts;
  last30: RateCounts;
  season: RateCounts;
  seasonFromFirstDelivery: RateCounts;
}

export interface DailySeasonSummary {
  id: string;
  key: string;
  name: string;
  kind: 'DAILY';
  periodStart: string;
  periodEnd: string;
  rules: DailyRules;
}

export interface DailyOverviewSummary {
  season: DailySeasonSummary;
  asOf: Date;
  rows: DailyOverviewRow[];
  counties: DailyAggregate[];
  national: DailyAggregate;
  /** National reporting rate per expected day due so far: share of municipalities covering it. */
  series: { date: string; covered: number; onTime: number; municipalities: number }[];
}

function aggregate(number: string | null, name: string, rows: readonly DailyOverviewRow[]): DailyAggregate {
  const pick = (select: (rates: DailyRates) => RateCounts) => sumCounts(rows.map((row) => select(row.rates)));
  return {
    number,
    name,
    municipalities: rows.length,
    last7: pick((rates) => rates.last7.fromRequirement),
    last30: pick((rates) => rates.last30.fromRequirement),
    season: pick((rates) => rates.season.fromRequirement),
    seasonFromFirstDelivery: pick((rates) => rates.season.fromFirstDelivery),
  };
}

export function countyAggregates(rows: readonly DailyOverviewRow[]): DailyAggregate[] {
  const byCounty = new Map<string, DailyOverviewRow[]>();
  for (const row of rows) byCounty.set(row.countyNumber, [...(byCounty.get(row.countyNumber) ?? []), row]);
  return [...byCounty.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([number, members]) => aggregate(number, members[0]!.countyName, members));
}

export const nationalAggregate = (rows: readonly DailyOverviewRow[], name: string) => aggregate(null, name, rows);

/** The national series from every municipality's KPR_IPL day statuses (expected days whose grace has passed). */
export function nationalSeries(
  season: DailySeasonInput,
  calendars: readonly (readonly DayStatus[])[],
  asOf: Date,
): DailyOverviewSummary['series'] {
  const start = dayNumber(season.periodStart);
  const last = Math.min(dayNumber(season.periodEnd), osloDayOf(asOf));
  const series: DailyOverviewSummary['series'] = [];
  for (let day = start; day <= last; day++) {
    if (!isExpectedDay(day, season.rules) || graceInstant(day, season.rules) > asOf) continue;
    let covered = 0;
    let onTime = 0;
    for (const cells of calendars) {
      const status = cells[day - start];
      if (status === 'ON_TIME') onTime++;
      if (status === 'ON_TIME' || status === 'LATE') covered++;
    }
    series.push({ date: isoOfDay(day), covered, onTime, municipalities: calendars.length });
  }
  return series;
}

export { reportingRate, timeliness };
