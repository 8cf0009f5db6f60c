import { describe, expect, it } from 'vitest';
import { deriveDeliveryState, type DeliveryStateInput } from '../../status/rules';
import { apprec, at, delivery, extension, input, ipl, T02 } from '@/lib/db/testing/delivery-state-builders';
import {
  decideReminders,
  quietHoursEnd,
  reminderDedupeKey,
  type DecidedExtension,
  type ReminderConfig,
  type ReminderContact,
  type ReminderInput,
  type ReminderMunicipality,
} from './reminders';

// The 2025 season's deadline is Thursday 15 January 2026, end of day (Oslo).
const CONFIG: ReminderConfig = {
  pointsBeforeDeadline: [10, 5, 2, 1],
  dayKind: 'WORKING',
  quietHours: { start: '20:00', end: '07:00' },
  extensionDecisionMaxAgeDays: 7,
  baseUrl: 'https://kpr.example.no/',
};

function municipality(
  number: string,
  name: string,
  now: Date,
  events: Partial<DeliveryStateInput> = {},
  decidedExtensions: DecidedExtension[] = [],
): ReminderMunicipality {
  const result = deriveDeliveryState(input(events), now);
  return { number, name, state: result.state, flags: result.flags, figures: result.figures, decidedExtensions };
}

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

function decide(
  now: Date,
  municipalities: ReminderMunicipality[],
  contacts: ReminderContact[],
  logged: string[] = [],
  config = CONFIG,
) {
  const reminderInput: ReminderInput = {
    now,
    season: { key: '2025', name: 'KPR 2025 (årsrapportering)' },
    municipalities,
    contacts,
    loggedDedupeKeys: new Set(logged),
    config,
  };
  return decideReminders(reminderInput);
}

/** person → [municipality:trigger:event] */
const summary = (decision: ReturnType<typeof decide>) =>
  Object.fromEntries(
    decision.messages.map((message) => [
      message.userId,
      message.items.map((item) => `${item.municipalityNumber}:${item.trigger}:${item.event}`),
    ]),
  );

const DEADLINE = '2026-01-15T22:59:59.999Z';

describe('decideReminders: deadline points', () => {
  // Working days left, counted from the day after "now" up to and including 15 January.
  it.each([
    { when: '2025-12-30T10:00:00+01:00', days: 11, point: null }, // before the first point
    { when: '2026-01-01T10:00:00+01:00', days: 10, point: 10 },
    { when: '2026-01-05T10:00:00+01:00', days: 8, point: 10 }, // missed nothing: still point 10
    { when: '2026-01-08T10:00:00+01:00', days: 5, point: 5 },
    { when: '2026-01-09T10:00:00+01:00', days: 4, point: 5 },
    { when: '2026-01-13T10:00:00+01:00', days: 2, point: 2 },
    { when: '2026-01-14T10:00:00+01:00', days: 1, point: 1 },
    { when: '2026-01-15T10:00:00+01:00', days: 0, point: 1 }, // deadline day: the last point if not sent
    { when: '2026-01-16T10:00:00+01:00', days: 0, point: null }, // passed: no deadline reminder
  ])('at $when ($days working days left) the point is $point', ({ when, days, point }) => {
    const now = at(when);
    const oslo = municipality('0301', 'Oslo', now);
    expect(oslo.figures.workingDaysLeft).toBe(days);
    const decision = decide(now, [oslo], [contact('u1', ['0301'])]);
    expect(summary(decision)).toEqual(point === null ? {} : { u1: [`0301:DEADLINE_POINT:${point}wd@${DEADLINE}`] });
  });

  it('counts calendar days when so configured', () => {
    const now = at('2026-01-10T10:00:00+01:00'); // Saturday: 5 calendar days left
    const decision = decide(now, [municipality('0301', 'Oslo', now)], [contact('u1', ['0301'])], [], {
      ...CONFIG,
      dayKind: 'CALENDAR',
    });
    expect(summary(decision)).toEqual({ u1: [`0301:DEADLINE_POINT:5d@${DEADLINE}`] });
    expect(decision.messages[0]!.text).toContain('er om 5 dager');
  });

  it('starts afresh from a granted extension’s deadline', () => {
    const now = at('2026-01-14T10:00:00+01:00');
    const granted = extension('ext-1', '2026-01-05T09:00:00+01:00', '2026-01-30', {
      status: 'GRANTED',
      decidedAt: at('2026-01-06T09:00:00+01:00'),
    });
    const decision = decide(
      now,
      [municipality('0301', 'Oslo', now, { extensionRequests: [granted] })],
      [contact('u1', ['0301'])],
    );
    // 30 January is 12 working days after 14 January: before the first point; the decision is over a week old.
    expect(summary(decision)).toEqual({});
    const later = at('2026-01-29T10:00:00+01:00');
    const onPoint = decide(
      later,
      [municipality('0301', 'Oslo', later, { extensionRequests: [granted] })],
      [contact('u1', ['0301'])],
    );
    expect(summary(onPoint)).toEqual({ u1: ['0301:DEADLINE_POINT:1wd@2026-01-30T22:59:59.999Z'] });
    expect(onPoint.messages[0]!.text).toContain('(innvilget utsettelse)');
  });
});

describe('decideReminders: events', () => {
  const now = at('2026-01-12T10:00:00+01:00'); // 3 working days left: point 5

  it('sends an Apprec rejection, with its error codes', () => {
    const rejected = municipality(
      '0301',
      'Oslo',
      now,
      delivery('r1', '2026-01-09T09:00:00+01:00', {
        status: 'REJECTED',
        at: '2026-01-09T12:00:00+01:00',
        errors: [T02],
      }),
    );
    const decision = decide(
      now,
      [rejected],
      [contact('u1', ['0301'])],
      [reminderDedupeKey('u1', '0301', 'DEADLINE_POINT', `5wd@${DEADLINE}`)],
    );
    expect(summary(decision)).toEqual({ u1: ['0301:APPREC_REJECTED:apprec-r1-ipl-2026-01-09T12:00:00+01:00'] });
    expect(decision.messages[0]!.text).toContain('T02 XML validerer ikke');
  });

  it('sends a missing Apprec after the threshold, not before', () => {
    const sent = { messages: [ipl('m1', '2026-01-07T09:00:00+01:00')] };
    const before = at('2026-01-11T08:00:00+01:00'); // 95 hours
    const after = at('2026-01-11T10:00:00+01:00'); // 97 hours
    const logged = [reminderDedupeKey('u1', '0301', 'DEADLINE_POINT', `5wd@${DEADLINE}`)];
    expect(
      summary(decide(before, [municipality('0301', 'Oslo', before, sent)], [contact('u1', ['0301'])], logged)),
    ).toEqual({});
    expect(
      summary(decide(after, [municipality('0301', 'Oslo', after, sent)], [contact('u1', ['0301'])], logged)),
    ).toEqual({
      u1: ['0301:APPREC_MISSING:m1'],
    });
  });

  it.each([
    {
      status: 'GRANTED' as const,
      text: 'FHI innvilget søknaden om utsettelse 10.01.2026. Ny frist er 30.01.2026 kl. 23:59.',
    },
    { status: 'DENIED' as const, text: 'FHI avslo søknaden om utsettelse 10.01.2026.' },
  ])('sends an extension decision ($status)', ({ status, text }) => {
    const decided: DecidedExtension = {
      id: 'ext-9',
      status,
      decidedAt: at('2026-01-10T09:00:00+01:00'),
      requestedDeadline: at('2026-01-30T22:59:59.999Z'),
      grantedDeadline: null,
    };
    const decision = decide(
      now,
      [municipality('0301', 'Oslo', now, {}, [decided])],
      [contact('u1', ['0301'])],
      [reminderDedupeKey('u1', '0301', 'DEADLINE_POINT', `5wd@${DEADLINE}`)],
    );
    expect(summary(decision)).toEqual({ u1: ['0301:EXTENSION_DECIDED:ext-9'] });
    expect(decision.messages[0]!.text).toContain(text);
  });

  it('ignores extension decisions older than the configured age and those after now', () => {
    const old: DecidedExtension = {
      id: 'old',
      status: 'DENIED',
      decidedAt: at('2026-01-04T09:00:00+01:00'),
      requestedDeadline: at(DEADLINE),
      grantedDeadline: null,
    };
    const future: DecidedExtension = { ...old, id: 'future', decidedAt: at('2026-01-13T09:00:00+01:00') };
    const decision = decide(
      now,
      [municipality('0301', 'Oslo', now, {}, [old, future])],
      [contact('u1', ['0301'])],
      [reminderDedupeKey('u1', '0301', 'DEADLINE_POINT', `5wd@${DEADLINE}`)],
    );
    expect(summary(decision)).toEqual({});
  });
});

describe('decideReminders: one message per person, bundled', () => {
  const now = at('2026-01-12T10:00:00+01:00');
  const oslo = municipality(
    '0301',
    'Oslo',
    now,
    delivery('r1', '2026-01-09T09:00:00+01:00', { status: 'REJECTED', at: '2026-01-09T12:00:00+01:00' }),
  );
  const bergen = municipality('4601', 'Bergen', now);

  it('bundles several issues and municipalities into one mail with a link to each municipality', () => {
    const decision = decide(now, [oslo, bergen], [contact('both', ['4601', '0301']), contact('oslo', ['0301'])]);
    expect(summary(decision)).toEqual({
      both: [
        `0301:DEADLINE_POINT:5wd@${DEADLINE}`,
        '0301:APPREC_REJECTED:apprec-r1-ipl-2026-01-09T12:00:00+01:00',
        `4601:DEADLINE_POINT:5wd@${DEADLINE}`,
      ],
      oslo: [`0301:DEADLINE_POINT:5wd@${DEADLINE}`, '0301:APPREC_REJECTED:apprec-r1-ipl-2026-01-09T12:00:00+01:00'],
    });
    const [both] = decision.messages;
    expect(both!.subject).toBe('Påminnelse for 2 kommuner – KPR 2025 (årsrapportering)');
    expect(decision.messages[1]!.subject).toBe('Påminnelse for Oslo – KPR 2025 (årsrapportering)');
    expect(both!.text).toContain('Fristen 15.01.2026 kl. 23:59 er om 3 arbeidsdager');
    expect(both!.text).toContain('Se status: https://kpr.example.no/kommuner/0301');
    expect(both!.text).toContain('Se status: https://kpr.example.no/kommuner/4601');
    expect(both!.html).toContain('<a href="https://kpr.example.no/kommuner/4601">Se status for Bergen</a>');
    expect(both!.items.every((item) => item.dedupeKey.startsWith('both:'))).toBe(true);
  });

  it('escapes names in the HTML', () => {
    const decision = decide(now, [{ ...bergen, name: 'A & <B>' }], [contact('u1', ['4601'], { name: 'Ola "Q"' })]);
    expect(decision.messages[0]!.html).toContain('A &amp; &lt;B&gt;');
    expect(decision.messages[0]!.html).toContain('Hei Ola &quot;Q&quot;,');
  });
});

describe('decideReminders: who gets nothing', () => {
  const now = at('2026-01-12T10:00:00+01:00');
  const undelivered = municipality('0301', 'Oslo', now);
  const deadlineKey = (user: string) => reminderDedupeKey(user, '0301', 'DEADLINE_POINT', `5wd@${DEADLINE}`);

  it.each([
    {
      case: 'a delivered municipality',
      municipalities: [
        municipality(
          '0301',
          'Oslo',
          now,
          delivery('ok', '2026-01-08T09:00:00+01:00', { status: 'OK', at: '2026-01-08T12:00:00+01:00' }),
        ),
      ],
      contacts: [contact('u1', ['0301'])],
      logged: [],
    },
    {
      case: 'a delivered municipality with an extension decided',
      municipalities: [
        municipality(
          '0301',
          'Oslo',
          now,
          delivery('ok', '2026-01-08T09:00:00+01:00', { status: 'OK', at: '2026-01-08T12:00:00+01:00' }),
          [
            {
              id: 'e',
              status: 'GRANTED',
              decidedAt: at('2026-01-11T09:00:00+01:00'),
              requestedDeadline: at(DEADLINE),
              grantedDeadline: null,
            },
          ],
        ),
      ],
      contacts: [contact('u1', ['0301'])],
      logged: [],
    },
    {
      case: 'an inactive contact',
      municipalities: [undelivered],
      contacts: [contact('u1', ['0301'], { active: false })],
      logged: [],
    },
    {
      case: 'FHI staff',
      municipalities: [undelivered],
      contacts: [contact('u1', ['0301'], { role: 'FHI_STAFF' })],
      logged: [],
    },
    {
      case: 'a contact of another municipality',
      municipalities: [undelivered],
      contacts: [contact('u1', ['4601'])],
      logged: [],
    },
    {
      case: 'a reminder already sent',
      municipalities: [undelivered],
      contacts: [contact('u1', ['0301'])],
      logged: [deadlineKey('u1')],
    },
  ])('$case', ({ municipalities, contacts, logged }) => {
    expect(decide(now, municipalities, contacts, logged)).toEqual({ messages: [], deferredUntil: null });
  });

  it('still reminds a municipality accepted with errors (it must resubmit)', () => {
    const withErrors = municipality(
      '0301',
      'Oslo',
      now,
      delivery('e', '2026-01-08T09:00:00+01:00', {
        status: 'OK_WITH_ERRORS',
        at: '2026-01-08T12:00:00+01:00',
        errors: [T02],
      }),
    );
    expect(withErrors.state).toBe('ACCEPTED_WITH_ERRORS');
    expect(summary(decide(now, [withErrors], [contact('u1', ['0301'])]))).toEqual({
      u1: [`0301:DEADLINE_POINT:5wd@${DEADLINE}`],
    });
  });

  it('sends only what is new to someone who already had part of it', () => {
    const rejected = municipality('0301', 'Oslo', now, {
      ...delivery('r1', '2026-01-09T09:00:00+01:00', { status: 'REJECTED', at: '2026-01-09T12:00:00+01:00' }),
      apprecs: [apprec('r1-ipl', 'REJECTED', '2026-01-09T12:00:00+01:00')],
    });
    expect(summary(decide(now, [rejected], [contact('u1', ['0301'])], [deadlineKey('u1')]))).toEqual({
      u1: ['0301:APPREC_REJECTED:apprec-r1-ipl-2026-01-09T12:00:00+01:00'],
    });
  });

  it.each([
    { when: '2026-01-12T20:00:00+01:00', until: '2026-01-13T07:00:00+01:00' },
    { when: '2026-01-12T23:30:00+01:00', until: '2026-01-13T07:00:00+01:00' },
    { when: '2026-01-13T06:59:00+01:00', until: '2026-01-13T07:00:00+01:00' },
    // The night summer time begins: 07:00 is already CEST.
    { when: '2026-03-29T01:30:00+01:00', until: '2026-03-29T07:00:00+02:00' },
  ])('defers in quiet hours at $when until $until', ({ when, until }) => {
    const night = at(when);
    expect(decide(night, [municipality('0301', 'Oslo', night)], [contact('u1', ['0301'])])).toEqual({
      messages: [],
      deferredUntil: at(until),
    });
  });

  it.each([
    { when: '2026-01-12T07:00:00+01:00', quiet: { start: '20:00', end: '07:00' } },
    { when: '2026-01-12T19:59:00+01:00', quiet: { start: '20:00', end: '07:00' } },
    { when: '2026-01-12T19:59:00+01:00', quiet: { start: '12:00', end: '13:00' } },
    { when: '2026-01-12T12:30:00+01:00', quiet: null },
  ])('is not quiet at $when with $quiet', ({ when, quiet }) => {
    expect(quietHoursEnd(at(when), quiet)).toBeNull();
  });

  it('handles quiet hours within one day', () => {
    expect(quietHoursEnd(at('2026-01-12T12:30:00+01:00'), { start: '12:00', end: '13:00' })).toEqual(
      at('2026-01-12T13:00:00+01:00'),
    );
  });
});
