/** Small Norwegian phrasings shared by the flags and the checklist. */
import { formatDate, formatIsoDate, formatNumber } from '../../core/format';
import { apprecErrorText } from '../../ingest/labels';
import type { ApprecInput, FindingInput, SeasonInput } from './types';

/** '1 arbeidsdag', '3 arbeidsdager'. */
export function countOf(count: number, singular: string, plural: string): string {
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`;
}

/** 'T02 XML validerer ikke, X99 Annen feil': the 8221 list's meaning, else what the Apprec gave. */
export function describeApprecErrors(apprec: ApprecInput): string {
  if (apprec.errors.length === 0) return 'ingen feilkode oppgitt';
  return apprec.errors.map((error) => apprecErrorText(error.code, error.displayName)).join(', ');
}

/** 'Avvist 16.01.2026 (T02 …)' / 'OK 16.01.2026': an Apprec in a line. */
export function describeApprec(apprec: ApprecInput): string {
  const when = formatDate(apprec.receivedAt);
  switch (apprec.status) {
    case 'OK':
      return `OK ${when}`;
    case 'OK_WITH_ERRORS':
      return `OK med feil i delmelding ${when} (${describeApprecErrors(apprec)})`;
    case 'REJECTED':
      return `Avvist ${when} (${describeApprecErrors(apprec)})`;
  }
}

/** 'Ugyldig organisasjonsnummer (3 forekomster); Testpersoner i leveransen'. */
export function describeFindings(findings: readonly FindingInput[]): string {
  return findings
    .map((finding) =>
      finding.count > 1
        ? `${finding.message} (${countOf(finding.count, 'forekomst', 'forekomster')})`
        : finding.message,
    )
    .join('; ');
}

export function describePeriod(from: string, to: string): string {
  return `${formatIsoDate(from)}–${formatIsoDate(to)}`;
}

export function describeSeasonPeriod(season: SeasonInput): string {
  return describePeriod(season.periodStart, season.periodEnd);
}

export function uniqueCodes(items: readonly { code: string }[]): string[] {
  return [...new Set(items.map((item) => item.code))];
}
