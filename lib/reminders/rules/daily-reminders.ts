/**
 * The daily season's reminders: a contact hears once when their municipality turns silent, gets a
 * run of rejected deliveries or its volume drops — once per episode. An episode is named by the
 * instant it began (the flag's `since`: the last accepted delivery before the silence, the first
 * rejected delivery of the run, the first low delivery), so it keeps its name while it lasts and
 * recovery (an accepted delivery, one back at volume) ends it: the next one begins later and is
 * news again. The same quiet hours and the same bundling as the annual reminders. Pure.
 */
import { DAILY_NEXT_STEP, dailyFlagReason } from '../../daily/labels';
import { alarmCodes, type AlarmCode } from '../../daily/rules/alarms';
import type { DailyFlag } from '../../daily/rules/types';
import {
  bundleReminders,
  quietHoursEnd,
  type BundleInput,
  type MailWording,
  type ReminderDecision,
  type ReminderItem,
  type ReminderTrigger,
} from './reminders';

/** The daily flags that are news to a contact, and the trigger each is logged under. */
export const DAILY_TRIGGERS = {
  SILENT: 'DAILY_SILENT',
  REJECTING: 'DAILY_REJECTING',
  VOLUME_DROP: 'DAILY_VOLUME_DROP',
} as const satisfies Record<AlarmCode, ReminderTrigger>;

/** One municipality's daily state at `now` (a daily overview row). */
export interface DailyReminderMunicipality {
  number: string;
  name: string;
  flags: readonly DailyFlag[];
}

export interface DailyReminderInput extends BundleInput {
  now: Date;
  municipalities: readonly DailyReminderMunicipality[];
}

const DAILY_WORDING: MailWording = {
  footer:
    'Du får denne e-posten fordi du er kontaktperson for kommunen i KPR-status. Du får én e-post når kommunen blir stille, får leveringer avvist flere ganger på rad eller volumet faller, og ikke igjen før det har rettet seg.',
  path: (number) => `/kommuner/${number}/daglig`,
};

/** A municipality's episodes now: one per alarm (lib/daily/rules/alarms.ts). */
function episodesOf(municipality: DailyReminderMunicipality): Omit<ReminderItem, 'dedupeKey'>[] {
  const alarms = new Set<string>(alarmCodes(municipality.flags.map((flag) => flag.code)));
  const told = municipality.flags.filter((flag): flag is DailyFlag & { code: AlarmCode } => alarms.has(flag.code));
  return told.flatMap((flag) => {
    const began = flag.evidence.since;
    if (!began) return [];
    return [
      {
        municipalityNumber: municipality.number,
        municipalityName: municipality.name,
        trigger: DAILY_TRIGGERS[flag.code],
        event: began.toISOString(),
        text: `${dailyFlagReason(flag)} ${DAILY_NEXT_STEP[flag.code]}`,
      },
    ];
  });
}

/** Who gets which daily reminder now. */
export function decideDailyReminders(input: DailyReminderInput): ReminderDecision {
  const deferredUntil = quietHoursEnd(input.now, input.config.quietHours);
  if (deferredUntil) return { messages: [], deferredUntil };
  const issuesByNumber = new Map(
    input.municipalities.map((municipality) => [municipality.number, episodesOf(municipality)]),
  );
  return { messages: bundleReminders(input, issuesByNumber, DAILY_WORDING), deferredUntil: null };
}
