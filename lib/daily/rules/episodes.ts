/**
 * A daily season's silences and volume drops as episodes over time, not only as they stand at one
 * instant: the EPJ patterns (lib/epj) ask which municipalities went quiet or sent too few persons
 * during a period, and with which EPJ. The same rules as the state's flags (derive.ts).
 */
import type { DailyRules } from './config';
import type { DailyDelivery } from './coverage';
import { osloDayOf, osloWallInstant, workingDaysAfter, isWorkingDay, type SeasonDays, type DayNumber } from './days';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Expected days in a delivery's period, at least one (a delivery covering only a weekend counts as one). */
export function expectedDaysIn(delivery: DailyDelivery, table: SeasonDays): number {
  let count = 0;
  for (let day = delivery.from!; day <= delivery.to!; day++) if (table.expected[day - table.start]) count++;
  return Math.max(1, count);
}

export interface VolumeDropEvent {
  delivery: DailyDelivery;
  /** Persons per expected day of the delivery, and the median of the deliveries before it. */
  value: number;
  baseline: number;
}

/**
 * Every accepted delivery whose persons per expected day fall below `volumeDropPercent` of the
 * median of the `volumeBaselineDeliveries` accepted deliveries before it (the VOLUME_DROP flag's
 * rule, applied to each delivery in turn). `accepted` oldest first.
 */
export function volumeDrops(
  accepted: readonly DailyDelivery[],
  rules: Pick<DailyRules, 'volumeDropPercent' | 'volumeBaselineDeliveries'>,
  table: SeasonDays,
): VolumeDropEvent[] {
  const { volumeDropPercent: percent, volumeBaselineDeliveries: baseline } = rules;
  const perDay = accepted
    .filter((delivery) => delivery.ipl.persons !== null && delivery.from !== null && delivery.to !== null)
    .map((delivery) => ({ delivery, value: delivery.ipl.persons! / expectedDaysIn(delivery, table) }));
  const drops: VolumeDropEvent[] = [];
  for (let index = baseline; index < perDay.length; index++) {
    const reference = median(perDay.slice(index - baseline, index).map((entry) => entry.value));
    const { delivery, value } = perDay[index]!;
    if (reference > 0 && value < (reference * percent) / 100) drops.push({ delivery, value, baseline: reference });
  }
  return drops;
}

export interface SilenceEpisode {
  /** The delivery silence counts from: the last accepted one (or the first sent, with none accepted). */
  reference: DailyDelivery;
  /** The start of the first Oslo day on which the silence threshold was reached. */
  from: Date;
  /** When it ended (the next accepted delivery was whole); null while it lasts at `asOf`. */
  until: Date | null;
}

/** The first day after `from` on which `threshold` working days have passed. */
function thresholdDay(from: DayNumber, threshold: number): DayNumber {
  let day = from;
  while (workingDaysAfter(from, day) < threshold) {
    day++;
    while (!isWorkingDay(day)) day++;
  }
  return day;
}

/**
 * The stretches in which the SILENT flag stood: from the day `silenceWorkingDays` working days had
 * passed since the last accepted delivery (or since the first one sent, while none was accepted)
 * until the next accepted delivery was whole, or still at `asOf`. `deliveries` oldest first.
 */
export function silenceEpisodes(
  deliveries: readonly DailyDelivery[],
  rules: Pick<DailyRules, 'silenceWorkingDays'>,
  asOf: Date,
): SilenceEpisode[] {
  const first = deliveries[0];
  if (!first) return [];
  const today = osloDayOf(asOf);
  const accepted = deliveries.filter((delivery) => delivery.accepted && delivery.completeAt <= asOf);
  const references: { reference: DailyDelivery; since: Date; next: Date | null }[] = [];
  if (accepted[0] !== first)
    references.push({ reference: first, since: first.ipl.receivedAt, next: accepted[0]?.completeAt ?? null });
  accepted.forEach((delivery, index) =>
    references.push({ reference: delivery, since: delivery.completeAt, next: accepted[index + 1]?.completeAt ?? null }),
  );
  const episodes: SilenceEpisode[] = [];
  for (const { reference, since, next } of references) {
    const day = thresholdDay(osloDayOf(since), rules.silenceWorkingDays);
    const end = next === null ? today : osloDayOf(next);
    if (day > end) continue;
    episodes.push({ reference, from: osloWallInstant(day, 0), until: next });
  }
  return episodes;
}
