/**
 * The weekly report's EPJ section as a table (one row per group that stood out), and its
 * introduction, for the PDF and the workbook. Words from lib/epj/labels.ts.
 */
import { formatDateTime, formatNumber } from '@/lib/core/format';
import { EPJ_TEXTS, failureText, groupText, patternSentence } from '@/lib/epj/labels';
import { epjPatternOf, type ReportEpjPattern, type ReportEpjSection } from '@/lib/reports/rules/epj-section';
import type { WeeklyReportContent } from '@/lib/reports/rules/weekly-report';
import type { Table } from './tables';

/** The section of the report, or null when the report has none (a contact's share, an older report). */
export function epjSectionOfReport(report: WeeklyReportContent): ReportEpjSection | null {
  return report.snapshot.epj ?? null;
}

/** «EPJ-mønstre 22.12.2025 kl. 00:00–18.01.2026 kl. 23:59: …» or that none stood out. */
export function epjSectionIntroduction(section: ReportEpjSection): string {
  const window = `${formatDateTime(new Date(section.from))}–${formatDateTime(new Date(section.to))}`;
  return section.patterns.length === 0
    ? `${window}: ${EPJ_TEXTS.noPatterns}`
    : `${window}: ${formatNumber(section.patterns.length)} grupper av EPJ-system eller -versjon skilte seg ut.`;
}

export function epjPatternTable(section: ReportEpjSection): Table<ReportEpjPattern> {
  const names = section.apprecErrorNames;
  return {
    columns: [
      { header: 'Sesong', kind: 'text', width: 18, value: (row) => row.season.name },
      { header: 'System og versjon', kind: 'text', width: 20, value: (row) => groupText(row.group) },
      { header: 'Feil', kind: 'text', width: 26, value: (row) => failureText(row.failure, names) },
      { header: 'Kommuner med feilen', kind: 'integer', width: 10, value: (row) => row.groupShare.affected },
      { header: 'Kommuner i gruppen', kind: 'integer', width: 10, value: (row) => row.groupShare.of },
      { header: 'Startet', kind: 'date', width: 12, value: (row) => new Date(row.startedAt) },
      { header: 'Sammenligning', kind: 'text', width: 40, value: (row) => patternSentence(epjPatternOf(row), names) },
      {
        header: 'Kommunene',
        kind: 'text',
        width: 50,
        value: (row) => row.municipalities.map((entry) => `${entry.name} (${entry.number})`).join(', '),
      },
    ],
    rows: section.patterns,
  };
}
