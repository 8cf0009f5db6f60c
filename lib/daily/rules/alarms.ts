/**
 * The daily flags that call for follow-up — silent, rejected in a run, volume drop — as the
 * reminders and the weekly report tell them: silence is left out beside a run of rejections, since
 * the rejections are what keeps an accepted delivery away.
 */
import type { DailyFlagCode } from './types';

export const ALARM_CODES = ['SILENT', 'REJECTING', 'VOLUME_DROP'] as const satisfies readonly DailyFlagCode[];
export type AlarmCode = (typeof ALARM_CODES)[number];

const isAlarm = (code: DailyFlagCode): code is AlarmCode => (ALARM_CODES as readonly string[]).includes(code);

/** The alarms among a municipality's flag codes, in ALARM_CODES order. */
export function alarmCodes(codes: readonly DailyFlagCode[]): AlarmCode[] {
  const rejecting = codes.includes('REJECTING');
  return ALARM_CODES.filter((code) => codes.includes(code) && isAlarm(code) && !(rejecting && code === 'SILENT'));
}
