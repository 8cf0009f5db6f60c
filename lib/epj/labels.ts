/**
 * Every Norwegian word the EPJ patterns show: the kinds of failure, a failure with its code (the
 * Apprec error's name from the reference data, a check finding's title), an EPJ group, and the
 * sentence that says why a group stands out. Pure.
 */
import { formatDate, formatNumber } from '../core/format';
import { CHECK_FINDING_TITLES } from '../ingest/labels';
import type { EpjGroup, EpjPattern, Failure, FailureKind } from './rules/epj-patterns';

export const FAILURE_KIND_LABELS: Record<FailureKind, string> = {
  REJECTION: 'Avvist i Apprec',
  FINDING: 'Funn i kontrollene',
  SILENCE: 'Stillhet',
  VOLUME_DROP: 'Volumfall',
};

/** A failure's code in words: «T02 XML validerer ikke», «Ugyldig organisasjonsnummer». */
export function failureCodeText(failure: Failure, apprecErrorNames: Readonly<Record<string, string>>): string {
  const { kind, code } = failure;
  if (code === null) return kind === 'REJECTION' ? 'uten feilkode' : FAILURE_KIND_LABELS[kind];
  if (kind === 'REJECTION') return apprecErrorNames[code] ? `${code} ${apprecErrorNames[code]}` : code;
  const title = (CHECK_FINDING_TITLES as Record<string, string | undefined>)[code];
  return title ?? `Funn fra FHIs validering (${code})`;
}

/** The failure with its kind: «Avvist i Apprec: T02 XML validerer ikke», «Stillhet». */
export function failureText(failure: Failure, apprecErrorNames: Readonly<Record<string, string>>): string {
  return failure.code === null && failure.kind !== 'REJECTION'
    ? FAILURE_KIND_LABELS[failure.kind]
    : `${FAILURE_KIND_LABELS[failure.kind]}: ${failureCodeText(failure, apprecErrorNames)}`;
}

export const EPJ_SYSTEM_UNKNOWN = 'EPJ ikke oppgitt';
export const EPJ_VERSION_UNKNOWN = 'versjon ikke oppgitt';

/** «Gerica 7.5.1», «Gerica (alle versjoner)». */
export function groupText(group: EpjGroup): string {
  const system = group.system ?? EPJ_SYSTEM_UNKNOWN;
  if (group.level === 'SYSTEM') return `${system} (alle versjoner)`;
  return `${system} ${group.version ?? EPJ_VERSION_UNKNOWN}`;
}

/** What the group's municipalities did, after «10 av 30 kommuner på Gerica 7.5.1 …». */
function verb(failure: Failure, apprecErrorNames: Readonly<Record<string, string>>): string {
  switch (failure.kind) {
    case 'REJECTION':
      return `ble avvist med ${failureCodeText(failure, apprecErrorNames)}`;
    case 'FINDING':
      return `fikk funnet «${failureCodeText(failure, apprecErrorNames)}»`;
    case 'SILENCE':
      return 'ble stille';
    case 'VOLUME_DROP':
      return 'fikk volumfall';
  }
}

/**
 * «10 av 30 kommuner på Gerica 7.5.1 ble avvist med T02 XML validerer ikke fra 05.01.2026;
 * 8 av 302 på andre systemer og versjoner.»
 */
export function patternSentence(pattern: EpjPattern, apprecErrorNames: Readonly<Record<string, string>>): string {
  const { groupShare, rest, group } = pattern;
  const others = group.level === 'SYSTEM' ? 'andre systemer' : 'andre systemer og versjoner';
  return (
    `${formatNumber(groupShare.affected)} av ${formatNumber(groupShare.of)} kommuner på ${groupText(group)} ` +
    `${verb(pattern.failure, apprecErrorNames)} fra ${formatDate(pattern.startedAt)}; ` +
    `${formatNumber(rest.affected)} av ${formatNumber(rest.of)} på ${others}.`
  );
}

/** The page's and the report section's headings and texts. */
export const EPJ_TEXTS = {
  title: 'EPJ-mønstre',
  reportSection: 'EPJ-mønstre',
  noPatterns: 'Ingen EPJ-system eller -versjon skiller seg ut i perioden.',
  started: 'Startet',
  municipalities: 'Kommuner',
} as const;
