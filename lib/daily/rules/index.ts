/** The daily engine's pure faces: configuration, coverage of days, state and rates, the calendar. */
export * from './types';
export { dailyRulesSchema, parseDailyRules, type DailyRules } from './config';
export { deriveDailyState, reportingRate, sumCounts, timeliness } from './derive';
export { dailyCalendar } from './calendar';
export { byDailyUrgency, DAILY_FLAG_URGENCY, DAILY_FLAGS_BY_URGENCY, dailyFlagsByUrgency } from './urgency';
export { dayNumber, graceInstant, isoOfDay, osloDayOf } from './days';
export { ALARM_CODES, alarmCodes, type AlarmCode } from './alarms';
