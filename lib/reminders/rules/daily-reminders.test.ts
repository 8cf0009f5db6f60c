import { describe, expect, it } from 'vitest';
import type { DailyFlag } from '../../daily/rules/types';
import { decideDailyReminders, type DailyReminderMunicipality } from './daily-reminders';
import type { ReminderConfig, ReminderContact } from './reminders';

const CONFIG: ReminderConfig = {
  pointsBeforeDeadline: [10, 5, 2, 1],
  dayKind: 'WORKING',
  quietHours: { start: '20:00', end: '07:00' },
  extensionDecisionMaxAgeDays: 7,
  baseUrl: 'https://kpr.example.no/',
};
const SEASON = { key: '2026-daglig', name: 'KPR 2026 (daglig)' };
const NOON = new Date('2026-09-16T12:00:00+02:00');

const silent = (since: string): DailyFlag => ({
  code: 'SILENT',
  evidence: { count: 4, since: new Date(since), msgIds: ['ipl-1'] },
});
const rejecting = (since: string): DailyFlag => ({
  code: 'REJECTING',
  evidence: { count: 3, since: new Date(since), msgIds: ['ipl-2', 'ipl-3', 'ipl-4'] },
});
const drop: DailyFlag = {
  code: 'VOLUME_DROP',
  evidence: { value: 12, baseline: 40, since: new Date('2026-09-15T02:00:00+02:00'), msgIds: ['ipl-5'] },
};
const lagging: DailyFlag = { code: 'LAGGING', evidence: { count: 2, days: ['2026-09-10', '2026-09-11'] } };
const noIde: DailyFlag = { code: 'NO_IDE', evidence: { msgIds: ['ipl-6'] } };

const place = (number: string, name: string, flags: DailyFlag[]): DailyReminderMunicipality => ({
  number,
  name,
  flags,
});

function contact(userId: string, numbers: string[], overrides: Partial<ReminderContact> = {}): ReminderContact {
  return {
    userId,
    name: `Person ${userId}`,
    email: `${userId}@kommune.example.no`,
    role: 'MUNICIPAL_CONTACT',
    active: true,
    municipalityNumbers: numbers,
    ...overrides,
  };
}

const decide = (
  municipalities: DailyReminderMunicipality[],
  contacts: ReminderContact[],
  logged: string[] = [],
  now = NOON,
) =>
  decideDailyReminders({
    now,
    season: SEASON,
    municipalities,
    contacts,
    loggedDedupeKeys: new Set(logged),
    config: CONFIG,
  });

describe('daily reminders: once per episode', () => {
  it('tells a contact that their municipality turned silent, with the reason, the next step and the calendar link', () => {
    const { messages } = decide(
      [place('0301', 'Oslo', [silent('2026-09-10T02:01:00+02:00')])],
      [contact('a', ['0301'])],
    );
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message!.subject).toBe('Påminnelse for Oslo – KPR 2026 (daglig)');
    expect(message!.items).toEqual([
      expect.objectContaining({
        trigger: 'DAILY_SILENT',
        event: '2026-09-10T00:01:00.000Z',
        dedupeKey: 'a:0301:DAILY_SILENT:2026-09-10T00:01:00.000Z',
      }),
    ]);
    expect(message!.text).toContain(
      'Daglig rapportering: Stille: Ingen godkjent levering på 4 arbeidsdager (siden 10.09.2026 kl. 02:01). Sjekk at den daglige jobben i EPJ kjører',
    );
    expect(message!.text).toContain('Se status: https://kpr.example.no/kommuner/0301/daglig');
    expect(message!.html).toContain('<a href="https://kpr.example.no/kommuner/0301/daglig">Se status for Oslo</a>');
    expect(message!.text).toContain('og ikke igjen før det har rettet seg');
  });

  it('says nothing again while the episode lasts, and speaks again when a new one begins after recovery', () => {
    const contacts = [contact('a', ['0301'])];
    const first = decide([place('0301', 'Oslo', [silent('2026-09-10T02:01:00+02:00')])], contacts);
    const logged = first.messages.flatMap((message) => message.items.map((item) => item.dedupeKey));
    // The same silence a day later: the same episode.
    const later = new Date('2026-09-17T12:00:00+02:00');
    expect(decide([place('0301', 'Oslo', [silent('2026-09-10T02:01:00+02:00')])], contacts, logged, later)).toEqual({
      messages: [],
      deferredUntil: null,
    });
    // Recovered (no flag): nothing to say.
    expect(decide([place('0301', 'Oslo', [])], contacts, logged, later).messages).toEqual([]);
    // Silent again after a later accepted delivery: a new episode.
    const again = decide([place('0301', 'Oslo', [silent('2026-10-01T02:00:00+02:00')])], contacts, logged, later);
    expect(again.messages.map((message) => message.items.map((item) => item.event))).toEqual([
      ['2026-10-01T00:00:00.000Z'],
    ]);
  });

  it('bundles a contact’s municipalities in one mail; silence beside rejections, lagging days and a missing identmelding are no reminder', () => {
    const { messages } = decide(
      [
        place('0301', 'Oslo', [rejecting('2026-09-14T02:00:00+02:00'), silent('2026-09-11T02:00:00+02:00'), lagging]),
        place('4601', 'Bergen', [drop]),
        place('5501', 'Tromsø', [lagging, noIde]),
      ],
      [contact('a', ['4601', '0301', '5501']), contact('b', ['5501'])],
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]!.subject).toBe('Påminnelse for 2 kommuner – KPR 2026 (daglig)');
    expect(messages[0]!.items.map((item) => `${item.municipalityNumber}:${item.trigger}`)).toEqual([
      '0301:DAILY_REJECTING',
      '4601:DAILY_VOLUME_DROP',
    ]);
    expect(messages[0]!.text).toContain(
      'Daglig rapportering: Volumfall: Siste leveranse hadde 12 personer per dag mot en median på 40 for de foregående.',
    );
  });

  it('mails only active municipal contacts', () => {
    const flags = [silent('2026-09-10T02:01:00+02:00')];
    const { messages } = decide(
      [place('0301', 'Oslo', flags)],
      [contact('gone', ['0301'], { active: false }), contact('fhi', ['0301'], { role: 'FHI_STAFF' })],
    );
    expect(messages).toEqual([]);
  });

  it('in quiet hours decides nothing and says when they end', () => {
    const night = new Date('2026-09-16T22:30:00+02:00');
    expect(
      decide([place('0301', 'Oslo', [silent('2026-09-10T02:01:00+02:00')])], [contact('a', ['0301'])], [], night),
    ).toEqual({ messages: [], deferredUntil: new Date('2026-09-17T07:00:00+02:00') });
  });
});
