/**
 * The reminder decision: given every municipality's derived status at `now`, its contacts and the
 * reminders already logged, who gets which reminder now. Pure: no I/O, no clock of its own.
 *
 * - Triggers: a point before the effective deadline (working or calendar days), the latest KPR_IPL
 *   rejected in Apprec, an Apprec missing after the season's threshold, an extension decided.
 * - Recipients: a municipality's active municipal contacts, and nobody else.
 * - A municipality that has delivered (state DELIVERED) gets nothing. ACCEPTED_WITH_ERRORS is not
 *   delivered: it must resubmit (MUST_RESUBMIT), and the dashboard does not count it as delivered.
 * - One message per person per run, bundling the issues of all their municipalities.
 * - In quiet hours nothing is sent; nothing is recorded either, so the next run after the quiet
 *   hours sends it (deferred, not dropped).
 * - Never the same reminder twice: each item has a dedupe key person × municipality × trigger ×
 *   event, and an item whose key is in the log (queued, sent or failed) is not decided again.
 */
import { TZDate, tzOffset } from '@date-fns/tz';
import { formatDate, formatDateTime } from '../../core/format';
import { osloDate } from '../../core/calendar';
import { escapeHtml } from '../../core/html';
import { countOf } from '../../status/rules/texts';
import type { DeliveryFigures, DeliveryFlag, DeliveryState, ExtensionStatus } from '../../status/rules';
import { DAY_MS, OSLO_TIME_ZONE } from '../../core/time';
import { REMINDER_TRIGGER_LABELS } from '../labels';

export type ReminderTrigger =
  | 'DEADLINE_POINT'
  | 'APPREC_REJECTED'
  | 'APPREC_MISSING'
  | 'EXTENSION_DECIDED'
  | 'DAILY_SILENT'
  | 'DAILY_REJECTING'
  | 'DAILY_VOLUME_DROP';

/** A wall-clock time in Europe/Oslo, 'HH:MM'. */
export type WallClockTime = string;

export interface ReminderConfig {
  /** Days before the effective deadline at which a reminder goes out, e.g. [10, 5, 2, 1]. */
  pointsBeforeDeadline: readonly number[];
  /** Whether those points count Norwegian working days or calendar days. */
  dayKind: 'WORKING' | 'CALENDAR';
  /** No mail from `start` to `end` (Oslo wall clock; may span midnight); null: none. */
  quietHours: { start: WallClockTime; end: WallClockTime } | null;
  /** An extension decision older than this is no news: it gets no reminder (e.g. on first start). */
  extensionDecisionMaxAgeDays: number;
  /** The app's public URL; links go to `<baseUrl>/kommuner/<number>`. */
  baseUrl: string;
}

/** An extension request that FHI has decided, as the reminder needs it. */
export interface DecidedExtension {
  id: string;
  status: Extract<ExtensionStatus, 'GRANTED' | 'DENIED'>;
  decidedAt: Date;
  requestedDeadline: Date;
  grantedDeadline: Date | null;
}

/** One municipality's derived status at `now` (a status row) and its decided extensions. */
export interface ReminderMunicipality {
  number: string;
  name: string;
  state: DeliveryState;
  flags: readonly DeliveryFlag[];
  figures: DeliveryFigures;
  decidedExtensions: readonly DecidedExtension[];
}

export interface ReminderContact {
  userId: string;
  name: string;
  email: string;
  role: 'FHI_ADMIN' | 'FHI_STAFF' | 'MUNICIPAL_CONTACT';
  active: boolean;
  municipalityNumbers: readonly string[];
}

export interface ReminderInput {
  now: Date;
  season: { key: string; name: string };
  municipalities: readonly ReminderMunicipality[];
  contacts: readonly ReminderContact[];
  /** Dedupe keys of every reminder item already logged (queued, sent or failed). */
  loggedDedupeKeys: ReadonlySet<string>;
  config: ReminderConfig;
}

export interface ReminderItem {
  municipalityNumber: string;
  municipalityName: string;
  trigger: ReminderTrigger;
  /** What the trigger is about: the deadline point, the Apprec, the message or the request. */
  event: string;
  dedupeKey: string;
  /** One Norwegian sentence or two: what happened and what to do. */
  text: string;
}

export interface ReminderMessage {
  userId: string;
  name: string;
  email: string;
  items: ReminderItem[];
  subject: string;
  text: string;
  html: string;
}

export interface ReminderDecision {
  messages: ReminderMessage[];
  /** In quiet hours: when they end (nothing is decided until then); otherwise null. */
  deferredUntil: Date | null;
}

export function reminderDedupeKey(
  userId: string,
  municipalityNumber: string,
  trigger: ReminderTrigger,
  event: string,
): string {
  return `${userId}:${municipalityNumber}:${trigger}:${event}`;
}

function minutesOf(time: WallClockTime): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/** When the quiet hours that `now` falls in end, or null when `now` is outside them. */
export function quietHoursEnd(now: Date, quietHours: ReminderConfig['quietHours']): Date | null {
  if (!quietHours) return null;
  const start = minutesOf(quietHours.start);
  const end = minutesOf(quietHours.end);
  if (start === end) return null;
  const wallClock = new Date(now.getTime() + tzOffset(OSLO_TIME_ZONE, now) * 60_000);
  const minute = wallClock.getUTCHours() * 60 + wallClock.getUTCMinutes();
  const quiet = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!quiet) return null;
  // The end is today (Oslo) if it is still ahead, else tomorrow.
  const day = osloDate(now);
  const endDay = minute < end ? day : osloDate(new Date(now.getTime() + DAY_MS));
  const [year, month, date] = endDay.split('-').map(Number);
  return new Date(new TZDate(year!, month! - 1, date!, Math.floor(end / 60), end % 60, 0, 0, OSLO_TIME_ZONE).getTime());
}

/** The configured point the municipality is at: the smallest point at or above the days left, if any. */
function deadlinePoint(municipality: ReminderMunicipality, config: ReminderConfig, now: Date): number | null {
  const { figures } = municipality;
  if (now > figures.effectiveDeadline) return null;
  const daysLeft = config.dayKind === 'WORKING' ? figures.workingDaysLeft : figures.calendarDaysLeft;
  const reached = config.pointsBeforeDeadline.filter((point) => point >= daysLeft);
  return reached.length > 0 ? Math.min(...reached) : null;
}

function deadlineText(municipality: ReminderMunicipality, config: ReminderConfig): string {
  const { figures } = municipality;
  const deadline = formatDateTime(figures.effectiveDeadline);
  const daysLeft = config.dayKind === 'WORKING' ? figures.workingDaysLeft : figures.calendarDaysLeft;
  const when =
    figures.calendarDaysLeft === 0
      ? `Fristen går ut i dag (${deadline})`
      : config.dayKind === 'WORKING'
        ? `Fristen ${deadline} er om ${countOf(daysLeft, 'arbeidsdag', 'arbeidsdager')}`
        : `Fristen ${deadline} er om ${countOf(daysLeft, 'dag', 'dager')}`;
  const extension = figures.extensionGranted ? ' (innvilget utsettelse)' : '';
  return `${when}${extension}, og kommunen har ikke levert. Send fagmelding (KPR_IPL) og identmelding (KPR_IDE), eller søk om utsettelse.`;
}

function extensionText(extension: DecidedExtension): string {
  if (extension.status === 'GRANTED') {
    const deadline = extension.grantedDeadline ?? extension.requestedDeadline;
    return `FHI innvilget søknaden om utsettelse ${formatDate(extension.decidedAt)}. Ny frist er ${formatDateTime(deadline)}.`;
  }
  return `FHI avslo søknaden om utsettelse ${formatDate(extension.decidedAt)}. Den opprinnelige fristen gjelder; lever så snart som mulig.`;
}

const flagOf = (municipality: ReminderMunicipality, code: DeliveryFlag['code']) =>
  municipality.flags.find((flag) => flag.code === code);

/** Everything the municipality should hear about now, before dedupe (without the person's id in the key). */
function issuesOf(
  municipality: ReminderMunicipality,
  config: ReminderConfig,
  now: Date,
): Omit<ReminderItem, 'dedupeKey'>[] {
  if (municipality.state === 'DELIVERED') return [];
  const base = { municipalityNumber: municipality.number, municipalityName: municipality.name };
  const issues: Omit<ReminderItem, 'dedupeKey'>[] = [];

  const point = deadlinePoint(municipality, config, now);
  if (point !== null) {
    // A new effective deadline (an extension) starts the points afresh.
    const event = `${point}${config.dayKind === 'WORKING' ? 'wd' : 'd'}@${municipality.figures.effectiveDeadline.toISOString()}`;
    issues.push({ ...base, trigger: 'DEADLINE_POINT', event, text: deadlineText(municipality, config) });
  }

  const resubmit = flagOf(municipality, 'MUST_RESUBMIT');
  const rejectedApprec = resubmit?.causes?.includes('REJECTED') ? resubmit.evidence.apprecIds?.[0] : undefined;
  if (resubmit && rejectedApprec) {
    issues.push({
      ...base,
      trigger: 'APPREC_REJECTED',
      event: rejectedApprec,
      text: `${resubmit.reason} ${resubmit.nextStep}`,
    });
  }

  const missing = flagOf(municipality, 'APPREC_MISSING');
  const waitingMsgId = missing?.evidence.msgIds?.[0];
  if (missing && waitingMsgId) {
    issues.push({
      ...base,
      trigger: 'APPREC_MISSING',
      event: waitingMsgId,
      text: `${missing.reason} ${missing.nextStep}`,
    });
  }

  const oldest = now.getTime() - config.extensionDecisionMaxAgeDays * DAY_MS;
  for (const extension of municipality.decidedExtensions) {
    const at = extension.decidedAt.getTime();
    if (at > now.getTime() || at < oldest) continue;
    issues.push({ ...base, trigger: 'EXTENSION_DECIDED', event: extension.id, text: extensionText(extension) });
  }
  return issues;
}

/** What a season's mail says beyond its items: why the person gets it, and which page each municipality links to. */
export interface MailWording {
  footer: string;
  /** The page a municipality's section links to, after the base URL: '/kommuner/0301'. */
  path(number: string): string;
}

const ANNUAL_WORDING: MailWording = {
  footer:
    'Du får denne e-posten fordi du er kontaktperson for kommunen i KPR-status. Påminnelsene stopper når kommunen har levert.',
  path: (number) => `/kommuner/${number}`,
};

/** The bundled mail to one person: a section per municipality, an item per issue. */
function composeReminder(
  recipient: { name: string },
  season: { name: string },
  items: readonly ReminderItem[],
  baseUrl: string,
  wording: MailWording,
): Pick<ReminderMessage, 'subject' | 'text' | 'html'> {
  const byMunicipality = new Map<string, ReminderItem[]>();
  for (const item of items)
    byMunicipality.set(item.municipalityNumber, [...(byMunicipality.get(item.municipalityNumber) ?? []), item]);
  const names = [...byMunicipality.values()].map((group) => group[0]!.municipalityName);
  const subject =
    names.length === 1
      ? `Påminnelse for ${names[0]} – ${season.name}`
      : `Påminnelse for ${names.length} kommuner – ${season.name}`;
  const urlOf = (number: string) => `${baseUrl.replace(/\/+$/, '')}${wording.path(number)}`;

  const intro = `Hei ${recipient.name},\n\nDette er en påminnelse om ${season.name}.`;
  const sections = [...byMunicipality.entries()].map(([number, group]) => {
    const lines = group.map((item) => `- ${REMINDER_TRIGGER_LABELS[item.trigger]}: ${item.text}`);
    return `${group[0]!.municipalityName} (${number})\n${lines.join('\n')}\nSe status: ${urlOf(number)}`;
  });
  const outro = `${wording.footer}\n\nVennlig hilsen\nFolkehelseinstituttet (FHI)`;
  const text = [intro, ...sections, outro].join('\n\n') + '\n';

  const htmlSections = [...byMunicipality.entries()].map(([number, group]) => {
    const url = escapeHtml(urlOf(number));
    const list = group.map(
      (item) =>
        `<li><strong>${escapeHtml(REMINDER_TRIGGER_LABELS[item.trigger])}:</strong> ${escapeHtml(item.text)}</li>`,
    );
    return `<h2>${escapeHtml(group[0]!.municipalityName)} (${number})</h2>\n<ul>\n${list.join('\n')}\n</ul>\n<p><a href="${url}">Se status for ${escapeHtml(group[0]!.municipalityName)}</a></p>`;
  });
  const html = [
    '<!doctype html>',
    `<html lang="nb"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>`,
    `<p>Hei ${escapeHtml(recipient.name)},</p>`,
    `<p>Dette er en påminnelse om ${escapeHtml(season.name)}.</p>`,
    ...htmlSections,
    `<p>${escapeHtml(wording.footer)}</p>`,
    '<p>Vennlig hilsen<br>Folkehelseinstituttet (FHI)</p>',
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

/** What every season's decision shares: the season, the contacts, what is logged already and the config. */
export type BundleInput = Pick<ReminderInput, 'season' | 'contacts' | 'loggedDedupeKeys' | 'config'>;

/**
 * One message per active municipal contact with the issues of their municipalities not logged for
 * them before; a contact with nothing new gets nothing.
 */
export function bundleReminders(
  input: BundleInput,
  issuesByNumber: ReadonlyMap<string, readonly Omit<ReminderItem, 'dedupeKey'>[]>,
  wording: MailWording,
): ReminderMessage[] {
  const messages: ReminderMessage[] = [];
  for (const contact of input.contacts) {
    if (!contact.active || contact.role !== 'MUNICIPAL_CONTACT') continue;
    const items = [...new Set(contact.municipalityNumbers)]
      .sort()
      .flatMap((number) => issuesByNumber.get(number) ?? [])
      .map((issue) => ({
        ...issue,
        dedupeKey: reminderDedupeKey(contact.userId, issue.municipalityNumber, issue.trigger, issue.event),
      }))
      .filter((item) => !input.loggedDedupeKeys.has(item.dedupeKey));
    if (items.length === 0) continue;
    messages.push({
      userId: contact.userId,
      name: contact.name,
      email: contact.email,
      items,
      ...composeReminder(contact, input.season, items, input.config.baseUrl, wording),
    });
  }
  return messages;
}

/** Who gets which reminder now. */
export function decideReminders(input: ReminderInput): ReminderDecision {
  const { now, config } = input;
  const deferredUntil = quietHoursEnd(now, config.quietHours);
  if (deferredUntil) return { messages: [], deferredUntil };

  const issuesByNumber = new Map(
    input.municipalities.map((municipality) => [municipality.number, issuesOf(municipality, config, now)]),
  );
  return { messages: bundleReminders(input, issuesByNumber, ANNUAL_WORDING), deferredUntil: null };
}
