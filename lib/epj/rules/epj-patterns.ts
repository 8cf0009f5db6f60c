/**
 * EPJ patterns: deliveries and failures (Apprec rejections by error code, check findings by code,
 * silences, volume drops) grouped by the EPJ system and version the municipalities sent
 * (`iiSysID`, `iiSysVersjon`), and the groups whose share of a failure stands well above the rest —
 * a vendor's update that gets its customers rejected with one error code, or their volumes drop
 * at once. Pure: events in, groups and patterns out.
 *
 * A municipality belongs to a group for the time it used that EPJ (from the first production
 * KPR_IPL that named it until the next that named another), so one that changed system during the
 * season counts under each system for the days it used it.
 */

/** The EPJ as sent in the fagmelding's header; null where the header left it out. */
export interface Epj {
  system: string | null;
  version: string | null;
}

/** A municipality's use of one EPJ, from a message naming it until the next message naming another. */
export interface EpjUse {
  municipality: string;
  epj: Epj;
  from: Date;
  /** When the next EPJ took over; null: still in use. */
  until: Date | null;
}

export type FailureKind = 'REJECTION' | 'FINDING' | 'SILENCE' | 'VOLUME_DROP';
export const FAILURE_KINDS: readonly FailureKind[] = ['REJECTION', 'FINDING', 'SILENCE', 'VOLUME_DROP'];

export interface Failure {
  kind: FailureKind;
  /** The Apprec error code or the finding's code; null for silence and volume drop. */
  code: string | null;
}

/** One failure of one municipality, under the EPJ it used then. */
export interface FailureEvent extends Failure {
  municipality: string;
  epj: Epj;
  at: Date;
  /** A failure that lasts (a silence): when it ended, null while it lasts. Absent: an instant. */
  until?: Date | null;
}

/** A production fagmelding (KPR_IPL) and whether it was accepted (null: no Apprec yet). */
export interface DeliveryEvent {
  municipality: string;
  epj: Epj;
  at: Date;
  accepted: boolean | null;
}

export interface EpjPatternInput {
  period: { from: Date; to: Date };
  uses: readonly EpjUse[];
  deliveries: readonly DeliveryEvent[];
  failures: readonly FailureEvent[];
}

export type GroupLevel = 'SYSTEM' | 'VERSION';

export interface EpjGroup {
  level: GroupLevel;
  system: string | null;
  /** null for a whole system. */
  version: string | null;
}

/** When a pattern stands out (see standsOut). */
export const PATTERN_THRESHOLDS = {
  /** At least this many municipalities of the group had the failure. */
  minAffected: 3,
  /** At least this share of the group. */
  minShare: 0.2,
  /** The group's share at least this many times the rest's. */
  minRatio: 3,
  /**
   * And a share that high would come by chance at most this often (one-sided hypergeometric test).
   * Strict, because every group is tested for every failure code at once (some 30 groups × 20 codes).
   */
  maxPValue: 0.001,
} as const;

export interface Share {
  affected: number;
  of: number;
}

export interface AffectedMunicipality {
  number: string;
  /** The first failure of the kind in the period while on the group's EPJ. */
  firstAt: Date;
  /** Failures of the kind in the period while on the group's EPJ. */
  count: number;
}

/** A group whose share of a failure stands well above the rest. */
export interface EpjPattern {
  failure: Failure;
  group: EpjGroup;
  /** The group's municipalities that had it, by number. */
  affected: AffectedMunicipality[];
  groupShare: Share;
  /** The municipalities on other EPJs (other systems; for a version, every other system and version). */
  rest: Share;
  /** When the pattern started (startOf). */
  startedAt: Date;
  pValue: number;
}

/** One row of the table by EPJ: the group, its municipalities, deliveries and failures. */
export interface EpjGroupSummary {
  group: EpjGroup;
  municipalities: number;
  deliveries: number;
  accepted: number;
  /** Municipalities with the failure, per kind (any code) and per code of the kind. */
  failures: Record<FailureKind, { municipalities: number; byCode: { code: string; municipalities: number }[] }>;
}

/** One failure (kind and code) over all groups: how many municipalities had it. */
export interface FailureSummary {
  failure: Failure;
  municipalities: number;
}

export interface EpjPatternResult {
  /** Systems, each followed by its versions; by system, then version. */
  groups: EpjGroupSummary[];
  failures: FailureSummary[];
  /** Highlighted patterns, by kind, then the date they started. */
  patterns: EpjPattern[];
  /** Municipalities with a known EPJ in the period. */
  municipalities: number;
}

// ---------------------------------------------------------------------------------------------
// Uses of an EPJ over time

export const sameEpj = (a: Epj, b: Epj) => a.system === b.system && a.version === b.version;

/**
 * Each municipality's uses of an EPJ from its production fagmeldinger (any order): a use begins
 * with a message naming an EPJ other than the one before and lasts until the next such message.
 */
export function epjUses(messages: readonly { municipality: string; epj: Epj; at: Date }[]): EpjUse[] {
  const byMunicipality = new Map<string, { epj: Epj; at: Date }[]>();
  for (const message of messages) {
    const list = byMunicipality.get(message.municipality) ?? [];
    list.push(message);
    byMunicipality.set(message.municipality, list);
  }
  const uses: EpjUse[] = [];
  for (const [municipality, list] of [...byMunicipality].sort(([a], [b]) => a.localeCompare(b))) {
    list.sort((a, b) => a.at.getTime() - b.at.getTime());
    let current: EpjUse | null = null;
    for (const { epj, at } of list) {
      if (current && sameEpj(current.epj, epj)) continue;
      if (current) current.until = at;
      current = { municipality, epj, from: at, until: null };
      uses.push(current);
    }
  }
  return uses;
}

/** The EPJ a municipality used at an instant (the last one named by then), or null before its first. */
export function epjAt(uses: readonly EpjUse[], municipality: string, at: Date): Epj | null {
  let found: Epj | null = null;
  for (const use of uses) {
    if (use.municipality !== municipality || use.from > at) continue;
    found = use.epj;
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// The test

/** ln(n!) for the hypergeometric test, remembered. */
const logFactorials: number[] = [0];
function logFactorial(n: number): number {
  for (let k = logFactorials.length; k <= n; k++) logFactorials[k] = logFactorials[k - 1]! + Math.log(k);
  return logFactorials[n]!;
}
const logChoose = (n: number, k: number) => logFactorial(n) - logFactorial(k) - logFactorial(n - k);

/**
 * P(X ≥ affected) when `group.of` municipalities are drawn from all (`group.of + rest.of`), of
 * whom `group.affected + rest.affected` had the failure: how likely a share this high is by chance.
 */
export function upperTailPValue(group: Share, rest: Share): number {
  const population = group.of + rest.of;
  const successes = group.affected + rest.affected;
  const draws = group.of;
  let p = 0;
  for (let k = group.affected; k <= Math.min(draws, successes); k++) {
    if (draws - k > population - successes) continue;
    p += Math.exp(
      logChoose(successes, k) + logChoose(population - successes, draws - k) - logChoose(population, draws),
    );
  }
  return Math.min(1, p);
}

/** Whether the group's share stands well above the rest's (PATTERN_THRESHOLDS). */
export function standsOut(group: Share, rest: Share, thresholds = PATTERN_THRESHOLDS): boolean {
  if (group.of === 0 || rest.of === 0 || group.affected < thresholds.minAffected) return false;
  const share = group.affected / group.of;
  const restShare = rest.affected / rest.of;
  if (share < thresholds.minShare || share < thresholds.minRatio * restShare) return false;
  return upperTailPValue(group, rest) <= thresholds.maxPValue;
}

// ---------------------------------------------------------------------------------------------
// Grouping

const failureKey = (failure: Failure) => `${failure.kind}:${failure.code ?? ''}`;
const groupKey = (group: EpjGroup) =>
  group.level === 'SYSTEM' ? `S|${group.system ?? ''}` : `V|${group.system ?? ''}|${group.version ?? ''}`;
const systemGroup = (epj: Epj): EpjGroup => ({ level: 'SYSTEM', system: epj.system, version: null });
const versionGroup = (epj: Epj): EpjGroup => ({ level: 'VERSION', system: epj.system, version: epj.version });

const compareText = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'nb', { numeric: true });
const compareGroups = (a: EpjGroup, b: EpjGroup) =>
  compareText(a.system, b.system) ||
  (a.level === b.level ? 0 : a.level === 'SYSTEM' ? -1 : 1) ||
  compareText(a.version, b.version);

const overlaps = (from: Date, until: Date | null | undefined, period: EpjPatternInput['period']) =>
  from <= period.to && (until === null || until === undefined ? true : until >= period.from);

interface Tally {
  group: EpjGroup;
  members: Set<string>;
  deliveries: number;
  accepted: number;
  /** Per failure key: municipality → first instant and count. */
  affected: Map<string, Map<string, { firstAt: Date; count: number }>>;
}

/** The groups and highlighted patterns of a period (`uses`, `deliveries` and `failures` may reach outside it). */
export function findEpjPatterns(input: EpjPatternInput): EpjPatternResult {
  const { period } = input;
  const tallies = new Map<string, Tally>();
  const tally = (group: EpjGroup) => {
    const key = groupKey(group);
    let found = tallies.get(key);
    if (!found) {
      found = { group, members: new Set(), deliveries: 0, accepted: 0, affected: new Map() };
      tallies.set(key, found);
    }
    return found;
  };
  const both = (epj: Epj) => [tally(systemGroup(epj)), tally(versionGroup(epj))];
  const all = new Set<string>();

  for (const use of input.uses) {
    if (!overlaps(use.from, use.until, period)) continue;
    all.add(use.municipality);
    for (const group of both(use.epj)) group.members.add(use.municipality);
  }
  for (const delivery of input.deliveries) {
    if (delivery.at < period.from || delivery.at > period.to) continue;
    all.add(delivery.municipality);
    for (const group of both(delivery.epj)) {
      group.members.add(delivery.municipality);
      group.deliveries++;
      if (delivery.accepted) group.accepted++;
    }
  }
  const failures = new Map<string, Failure>();
  for (const event of input.failures) {
    if (!overlaps(event.at, event.until === undefined ? event.at : event.until, period)) continue;
    const key = failureKey(event);
    failures.set(key, { kind: event.kind, code: event.code });
    all.add(event.municipality);
    for (const group of both(event.epj)) {
      group.members.add(event.municipality);
      const byMunicipality = group.affected.get(key) ?? new Map<string, { firstAt: Date; count: number }>();
      const seen = byMunicipality.get(event.municipality);
      if (!seen) byMunicipality.set(event.municipality, { firstAt: event.at, count: 1 });
      else {
        seen.count++;
        if (event.at < seen.firstAt) seen.firstAt = event.at;
      }
      group.affected.set(key, byMunicipality);
    }
  }

  const ordered = [...tallies.values()].sort((a, b) => compareGroups(a.group, b.group));
  const patterns = findPatterns(ordered, failures);
  return {
    groups: ordered.map((entry) => summarise(entry, failures)),
    failures: [...failures]
      .map(([key, failure]) => ({
        failure,
        municipalities: new Set(
          ordered
            .filter((entry) => entry.group.level === 'SYSTEM')
            .flatMap((entry) => [...(entry.affected.get(key)?.keys() ?? [])]),
        ).size,
      }))
      .sort((a, b) => compareFailures(a.failure, b.failure)),
    patterns,
    municipalities: all.size,
  };
}

const compareFailures = (a: Failure, b: Failure) =>
  FAILURE_KINDS.indexOf(a.kind) - FAILURE_KINDS.indexOf(b.kind) || compareText(a.code, b.code);

function summarise(entry: Tally, failures: ReadonlyMap<string, Failure>): EpjGroupSummary {
  const byKind = Object.fromEntries(
    FAILURE_KINDS.map((kind) => [
      kind,
      { municipalities: 0, byCode: [] as { code: string; municipalities: number }[] },
    ]),
  ) as EpjGroupSummary['failures'];
  const anyOfKind = new Map<FailureKind, Set<string>>(FAILURE_KINDS.map((kind) => [kind, new Set()]));
  for (const [key, affected] of entry.affected) {
    const failure = failures.get(key)!;
    for (const number of affected.keys()) anyOfKind.get(failure.kind)!.add(number);
    if (failure.code !== null) byKind[failure.kind].byCode.push({ code: failure.code, municipalities: affected.size });
  }
  for (const kind of FAILURE_KINDS) {
    byKind[kind].municipalities = anyOfKind.get(kind)!.size;
    byKind[kind].byCode.sort((a, b) => b.municipalities - a.municipalities || compareText(a.code, b.code));
  }
  return {
    group: entry.group,
    municipalities: entry.members.size,
    deliveries: entry.deliveries,
    accepted: entry.accepted,
    failures: byKind,
  };
}

/** The share of `key` among `members` of the tallies other than `except` (at one level). */
function restOf(tallies: readonly Tally[], except: Tally, key: string): Share {
  const members = new Set<string>();
  const affected = new Set<string>();
  for (const other of tallies) {
    if (other === except) continue;
    for (const number of other.members) members.add(number);
    for (const number of other.affected.get(key)?.keys() ?? []) affected.add(number);
  }
  return { affected: affected.size, of: members.size };
}

/**
 * Systems that stand out against the other systems; versions that stand out against every other
 * system and version — but under a system that stands out itself, only a version that also stands
 * out against the rest of its own system (else the system's pattern says it all).
 */
function findPatterns(tallies: readonly Tally[], failures: ReadonlyMap<string, Failure>): EpjPattern[] {
  const systems = tallies.filter((entry) => entry.group.level === 'SYSTEM');
  const versions = tallies.filter((entry) => entry.group.level === 'VERSION');
  const patterns: EpjPattern[] = [];
  for (const [key, failure] of failures) {
    const systemsOut = new Set<string | null>();
    for (const entry of systems) {
      const pattern = patternOf(entry, key, failure, restOf(systems, entry, key));
      if (pattern) {
        systemsOut.add(entry.group.system);
        patterns.push(pattern);
      }
    }
    for (const entry of versions) {
      const pattern = patternOf(entry, key, failure, restOf(versions, entry, key));
      if (!pattern) continue;
      if (systemsOut.has(entry.group.system)) {
        const sameSystem = versions.filter((other) => other.group.system === entry.group.system);
        if (!standsOut(pattern.groupShare, restOf(sameSystem, entry, key))) continue;
      }
      patterns.push(pattern);
    }
  }
  return patterns.sort(
    (a, b) =>
      compareFailures(a.failure, b.failure) ||
      a.startedAt.getTime() - b.startedAt.getTime() ||
      compareGroups(a.group, b.group),
  );
}

/** A wave's onset: within this many days, half of the group's municipalities first had the failure. */
export const WAVE_DAYS = 14;
const DAY_MS = 86_400_000;

/**
 * When a pattern started: the first of the municipalities' first failures from which half of them
 * had theirs within WAVE_DAYS (a vendor's wave, not a municipality's odd failure months before);
 * without such a fortnight, the earliest.
 */
export function startOf(firstFailures: readonly Date[]): Date {
  const times = firstFailures.map((at) => at.getTime()).sort((a, b) => a - b);
  const half = Math.ceil(times.length / 2);
  for (let index = 0; index < times.length; index++) {
    let within = 0;
    for (let next = index; next < times.length && times[next]! - times[index]! <= WAVE_DAYS * DAY_MS; next++) within++;
    if (within >= half) return new Date(times[index]!);
  }
  return new Date(times[0]!);
}

function patternOf(entry: Tally, key: string, failure: Failure, rest: Share): EpjPattern | null {
  const affected = entry.affected.get(key);
  if (!affected) return null;
  const share = { affected: affected.size, of: entry.members.size };
  if (!standsOut(share, rest)) return null;
  const list = [...affected]
    .map(([number, { firstAt, count }]) => ({ number, firstAt, count }))
    .sort((a, b) => a.number.localeCompare(b.number));
  return {
    failure,
    group: entry.group,
    affected: list,
    groupShare: share,
    rest,
    startedAt: startOf(list.map((row) => row.firstAt)),
    pValue: upperTailPValue(share, rest),
  };
}
