/**
 * The daily regime's rules as season configuration (domain.md §9: FHI has not published them), so
 * that a changed rule is a change of prisma/data/seasons.json, not of code. Read from the season's
 * `daily_rules` column; the same schema checks seasons.json when reference data is loaded.
 */
import { z } from 'zod';

export const dailyRulesSchema = z.object({
  /** Which days must be covered: every calendar day, or only Norwegian working days. */
  expectedDays: z.enum(['CALENDAR', 'WORKING']),
  /** A day is on time when an accepted delivery covering it was received by day + graceDays at graceTime (Oslo). */
  graceDays: z.number().int().min(0).max(30),
  graceTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'graceTime is HH:MM'),
  /** Working days without an accepted delivery from which a municipality that had started is silent. */
  silenceWorkingDays: z.number().int().positive(),
  /** Production deliveries rejected in a row (the latest ones) that make a municipality rejecting. */
  rejectionRun: z.number().int().positive(),
  /** A delivery's person count below this share (percent) of the rolling median is a volume drop. */
  volumeDropPercent: z.number().positive().max(100),
  /** How many earlier accepted deliveries the rolling median is taken over (fewer: no judgement). */
  volumeBaselineDeliveries: z.number().int().min(3),
  /** Whether a day is covered only when its KPR_IPL's KPR_IDE (same run number) arrived too. */
  ideRequired: z.boolean(),
  /** Days back from the last day due in which a missing day makes a municipality lagging. */
  lagWindowDays: z.number().int().positive(),
});

export type DailyRules = z.infer<typeof dailyRulesSchema>;

/** Parses a season's stored rules; an annual season (null) has none. */
export function parseDailyRules(value: unknown): DailyRules | null {
  if (value === null || value === undefined) return null;
  return dailyRulesSchema.parse(value);
}
