/**
 * How well the flags foresee how a season ends, measured on the demo:
 *
 *   npm run eval:flags
 *
 * Writes the demo (seed DEMO_SEED, with one more annual season before the reference ones, and the
 * annual stories told to 1 June 2026 so that every season has ended) into a database of its own (a
 * throwaway embedded PostgreSQL, or a new database on DATABASE_URL, dropped afterwards), as the
 * benchmarks do. Then, for each annual season with a season before it, derives every municipality
 * at noon on several working days around the deadline, through the status capability's own
 * overview (the same engine, and last season's curve as the overview reads it), and compares each
 * flag raised then with the outcome at the end of the season — derived from the events as well,
 * never taken from the generator:
 *
 * - «Bør søke om utsettelse» and the rule it replaced («not delivered yet, 5 working days or
 *   fewer left»): ended late without an extension (no accepted delivery sent by the deadline, and
 *   no extension granted);
 * - «Forsinket»: ended late (no accepted delivery sent by the municipality's effective deadline);
 * - «Må sende på nytt»: had a production delivery then, and sent another one afterwards.
 *
 * Prints, per flag and date: how many ended that way (positives), how many had the flag (raised),
 * how many of those ended that way (caught), recall (caught ÷ positives) and raised ÷ caught.
 *
 * Runs under the react-server condition (see package.json) so the server-only data access layer
 * can be imported here.
 */
import { systemActor } from '@/lib/access';
import { prepareDatabase } from '@/lib/db/prepare';
import { closeAppPool, openAppPool } from '@/lib/db/sql';
import { startPostgresServer } from '@/lib/db/throwaway';
import { writeDemo } from '@/lib/demo';
import { env } from '@/lib/core/env';
import { endOfOsloDay, isNorwegianWorkingDay, osloDate, workingDaysBetween } from '@/lib/core/calendar';
import { DAY_MS } from '@/lib/core/time';
import { deriveStatusOverview, getSeasonDeadlineRiskCurve } from '@/lib/status';
import { riskPosition, type FlagCode, type MunicipalityStatusRow } from '@/lib/status/rules';

/** The annual stories' clock: long after every season's deadline and extensions. */
const SEASON_END = new Date('2026-06-01T12:00:00+02:00');
/** Working days before the deadline (negative: after it) at which the flags are read. */
const OFFSETS = [10, 5, 3, 1, 0, -1, -3];
/** The working days the old rule (before the deadline-risk estimate) advised an extension within. */
const OLD_RULE_WORKING_DAYS = 5;

type Evaluated = FlagCode | 'OLD_EXTENSION_RULE';

const FLAG_NAMES: Record<Evaluated, string> = {
  SHOULD_APPLY_FOR_EXTENSION: 'Bør søke om utsettelse',
  OLD_EXTENSION_RULE: '  (før: ikke levert, ≤ 5 arb.d.)',
  OVERDUE: 'Forsinket',
  MUST_RESUBMIT: 'Må sende på nytt',
  APPREC_MISSING: '',
  RESENT_BEFORE_APPREC: '',
  EXTENSION_PENDING: '',
  TRANSPORT_ERROR: '',
};

/** Noon in Oslo on the working day `offset` working days before the deadline's day (after it, when negative). */
function noonAt(deadline: Date, offset: number): Date {
  let day = osloDate(deadline);
  const step = offset >= 0 ? -DAY_MS : DAY_MS;
  let remaining = Math.abs(offset);
  while (remaining > 0 || !isNorwegianWorkingDay(day)) {
    day = osloDate(new Date(endOfOsloDay(day).getTime() + step));
    if (isNorwegianWorkingDay(day)) remaining--;
  }
  return new Date(endOfOsloDay(day).getTime() - 12 * 60 * 60_000);
}

/** Whether the municipality's row at the end of the season shows the outcome the flag foresees. */
function outcome(flag: Evaluated, end: MunicipalityStatusRow, then: MunicipalityStatusRow): boolean {
  switch (flag) {
    case 'SHOULD_APPLY_FOR_EXTENSION':
    case 'OLD_EXTENSION_RULE':
      return !end.figures.extensionGranted && end.figures.deliveredOnTime !== true;
    case 'OVERDUE':
      return end.figures.deliveredOnTime !== true;
    default: {
      const sentThen = then.figures.latestProductionMessage?.receivedAt.getTime();
      return sentThen !== undefined && (end.figures.latestProductionMessage?.receivedAt.getTime() ?? 0) > sentThen;
    }
  }
}

/** The rule the estimate replaced: not delivered yet, no extension granted or pending, within 5 working days or after the deadline. */
function oldRule(row: MunicipalityStatusRow): boolean {
  const position = riskPosition(row.state);
  return (
    position !== null &&
    position !== 'AWAITING_APPREC' &&
    !row.figures.extensionGranted &&
    !row.flags.some((flag) => flag.code === 'EXTENSION_PENDING') &&
    row.figures.workingDaysLeft <= OLD_RULE_WORKING_DAYS
  );
}

const pct = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(0)} %` : '–');
const ratio = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '–');

const server = await startPostgresServer(env.DATABASE_URL);
const name = `kpr_eval_flags_${process.pid}`;
const url = await server.createDatabase(name);
const actor = systemActor('benchmark');
try {
  await prepareDatabase(url);
  openAppPool(url, 4);
  await writeDemo({
    seed: env.DEMO_SEED,
    extraAnnualSeasons: 1,
    now: SEASON_END,
    dailyNow: new Date('2026-01-02T12:00:00+01:00'),
  });
  const lines: string[] = [];
  for (const seasonKey of ['2025', '2024']) {
    const end = await deriveStatusOverview(actor, { seasonKey, asOf: SEASON_END });
    if (!end?.previous) continue;
    const endRows = new Map(end.rows.map((row) => [row.number, row]));
    lines.push(
      `\nSeason ${end.season.name} (last season's curve: ${end.previous.season.name}), ${end.rows.length} municipalities`,
    );
    const curve = await getSeasonDeadlineRiskCurve(actor, end.season.key);
    if (curve) {
      lines.push(
        `Last season's curve (${curve.seasonName}): delivered by the deadline ÷ municipalities in the position`,
      );
      const positions = [...new Set(curve.points.map((point) => point.position))];
      lines.push(`| w.d. left | ${positions.map((position) => position.padEnd(15)).join(' | ')} |`);
      for (const days of OFFSETS.filter((offset) => offset >= 0)) {
        const cells = positions.map((position) => {
          const point = curve.points.find((p) => p.position === position && p.workingDaysLeft === days);
          return (point ? `${point.deliveredByDeadline} / ${point.municipalities}` : '–').padEnd(15);
        });
        lines.push(`| ${String(days).padStart(9)} | ${cells.join(' | ')} |`);
      }
      lines.push('');
    }
    lines.push(
      `| ${'flag'.padEnd(32)} | date       | w.d. left | positives | raised | caught | recall | raised ÷ caught |`,
    );
    lines.push(`|${'-'.repeat(34)}|------------|-----------|-----------|--------|--------|--------|-----------------|`);
    const flags: Evaluated[] = ['SHOULD_APPLY_FOR_EXTENSION', 'OLD_EXTENSION_RULE', 'OVERDUE', 'MUST_RESUBMIT'];
    const atOffsets = await Promise.all(
      OFFSETS.map(async (offset) => {
        const asOf = noonAt(end.season.deadline, offset);
        return { offset, asOf, overview: (await deriveStatusOverview(actor, { seasonKey, asOf }))! };
      }),
    );
    for (const flag of flags) {
      for (const { offset, asOf, overview } of atOffsets) {
        // The extension advice is about the run-up to the deadline; the others are read after it too.
        if ((flag === 'SHOULD_APPLY_FOR_EXTENSION' || flag === 'OLD_EXTENSION_RULE') && offset < 0) continue;
        if (flag === 'OVERDUE' && offset >= 0) continue;
        let positives = 0;
        let raised = 0;
        let caught = 0;
        for (const row of overview.rows) {
          const ended = outcome(flag, endRows.get(row.number)!, row);
          const has = flag === 'OLD_EXTENSION_RULE' ? oldRule(row) : row.flags.some((f) => f.code === flag);
          if (ended) positives++;
          if (has) raised++;
          if (has && ended) caught++;
        }
        const left = workingDaysBetween(asOf, end.season.deadline);
        lines.push(
          `| ${FLAG_NAMES[flag].padEnd(32)} | ${osloDate(asOf)} | ${String(offset < 0 ? `${-offset} after` : left).padStart(9)} | ${String(positives).padStart(9)} | ${String(raised).padStart(6)} | ${String(caught).padStart(6)} | ${pct(caught / positives).padStart(6)} | ${ratio(raised / caught).padStart(15)} |`,
        );
      }
    }
  }
  console.log(lines.join('\n'));
} finally {
  await closeAppPool();
  await server.dropDatabase(name);
  await server.stop();
}
