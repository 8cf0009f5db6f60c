/**
 * The weekly report's section on EPJ patterns (lib/epj): the groups of an EPJ system or version
 * whose share of a failure stood well above the rest in the four weeks up to the report's instant,
 * in every season with deliveries then. Stored in the snapshot as found (plain JSON, instants as
 * ISO strings), so the stored report says what was known that week. Of every municipality only:
 * a municipal contact's share of a report leaves it out (it compares all municipalities).
 */
import type { EpjGroup, EpjPattern, Failure, Share } from '../../epj/rules/epj-patterns';

/** How far back the section looks from the report's instant. */
export const EPJ_SECTION_WINDOW_DAYS = 28;

export interface ReportEpjPattern {
  season: { key: string; name: string; kind: 'ANNUAL' | 'DAILY' };
  failure: Failure;
  group: EpjGroup;
  groupShare: Share;
  rest: Share;
  startedAt: string;
  municipalities: { number: string; name: string; firstAt: string }[];
}

export interface ReportEpjSection {
  /** The window looked at. */
  from: string;
  to: string;
  patterns: ReportEpjPattern[];
  /** The Apprec error list's names of the codes the patterns name. */
  apprecErrorNames: Record<string, string>;
}

/** A pattern as the snapshot keeps it. */
export function reportEpjPattern(
  season: ReportEpjPattern['season'],
  pattern: EpjPattern,
  names: Readonly<Record<string, string>>,
): ReportEpjPattern {
  return {
    season,
    failure: pattern.failure,
    group: pattern.group,
    groupShare: pattern.groupShare,
    rest: pattern.rest,
    startedAt: pattern.startedAt.toISOString(),
    municipalities: pattern.affected.map((row) => ({
      number: row.number,
      name: names[row.number] ?? row.number,
      firstAt: row.firstAt.toISOString(),
    })),
  };
}

/** The pattern back in the rules' shape (instants as dates), for the labels' sentence. */
export function epjPatternOf(pattern: ReportEpjPattern): EpjPattern {
  return {
    failure: pattern.failure,
    group: pattern.group,
    groupShare: pattern.groupShare,
    rest: pattern.rest,
    startedAt: new Date(pattern.startedAt),
    affected: pattern.municipalities.map((row) => ({ number: row.number, firstAt: new Date(row.firstAt), count: 1 })),
    pValue: 0,
  };
}
