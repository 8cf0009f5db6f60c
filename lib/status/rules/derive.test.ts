import { describe, expect, it } from 'vitest';
import { endOfOsloDay } from '../../core/calendar';
import { deriveDeliveryState } from './derive';
import {
  apprec,
  at,
  delivery,
  extension,
  finding,
  ide,
  input,
  ipl,
  SEASON_2025,
  T02,
  testIpl,
} from '@/lib/db/testing/delivery-state-builders';
import type { DeliveryFigures, DeliveryState, DeliveryStateInput, FlagCode, MessageInput } from './types';

interface Case {
  name: string;
  input: DeliveryStateInput;
  asOf: string;
  state: DeliveryState;
  flags: FlagCode[];
  figures?: Partial<DeliveryFigures>;
}

const HOUR = 3_600_000;
const SEASON_DEADLINE = SEASON_2025.deadline;

/** A season whose deadline is elsewhere in the year, for DST cases. */
const seasonDueOn = (isoDate: string) => ({ ...SEASON_2025, deadline: endOfOsloDay(isoDate) });

/** Combines builders' message and Apprec lists. */
function events(...parts: Partial<DeliveryStateInput>[]): Partial<DeliveryStateInput> {
  return {
    messages: parts.flatMap((part) => part.messages ?? []),
    apprecs: parts.flatMap((part) => part.apprecs ?? []),
  };
}

const accepted = (name: string, sentAt: string, apprecAt: string) =>
  delivery(name, sentAt, { status: 'OK', at: apprecAt });
const GOOD = accepted('r1', '2026-01-10T10:00:00+01:00', '2026-01-10T12:00:00+01:00');

/** A granted extension: requested 8 Jan, decided 9 Jan, new deadline 13 Feb. */
const GRANTED = extension('e1', '2026-01-08T09:00:00+01:00', '2026-02-28', {
  status: 'GRANTED',
  grantedDeadline: endOfOsloDay('2026-02-13'),
  decidedAt: at('2026-01-09T14:00:00+01:00'),
});

/** The delivery `GOOD` with one change to its KPR_IPL. */
function goodWith(change: Partial<MessageInput>): Partial<DeliveryStateInput> {
  const [first, ...rest] = GOOD.messages;
  return { messages: [{ ...first!, ...change }, ...rest], apprecs: GOOD.apprecs };
}

const cases: Case[] = [
  // --- Nothing in production yet
  {
    name: 'nothing sent, in the autumn',
    input: input(),
    asOf: '2025-11-01T12:00:00+01:00',
    state: 'NOT_STARTED',
    flags: [],
    figures: { deliveredOnTime: null, productionDeliveries: 0, latestProductionMessage: null },
  },
  {
    name: 'nothing sent, 6 working days left: no advice yet',
    input: input(),
    asOf: '2026-01-07T12:00:00+01:00',
    state: 'NOT_STARTED',
    flags: [],
    figures: { workingDaysLeft: 6, calendarDaysLeft: 8 },
  },
  {
    name: 'nothing sent, 5 working days left: apply for an extension',
    input: input(),
    asOf: '2026-01-08T12:00:00+01:00',
    state: 'NOT_STARTED',
    flags: ['SHOULD_APPLY_FOR_EXTENSION'],
    figures: { workingDaysLeft: 5 },
  },
  {
    name: 'nothing sent, on the deadline day',
    input: input(),
    asOf: '2026-01-15T23:59:00+01:00',
    state: 'NOT_STARTED',
    flags: ['SHOULD_APPLY_FOR_EXTENSION'],
    figures: { workingDaysLeft: 0, calendarDaysLeft: 0 },
  },
  {
    name: 'nothing sent, one minute after the deadline',
    input: input(),
    asOf: '2026-01-16T00:01:00+01:00',
    state: 'NOT_STARTED',
    flags: ['OVERDUE'],
    figures: { workingDaysLeft: 0, calendarDaysLeft: -1 },
  },
  {
    name: 'validation traffic only, awaiting the test Apprec',
    input: input({ messages: [testIpl('t1', '2025-10-15T10:00:00+02:00')] }),
    asOf: '2025-10-16T10:00:00+02:00',
    state: 'TESTING',
    flags: [],
    figures: {
      latestTestIpl: {
        msgId: 't1',
        type: 'KPR_IPL',
        receivedAt: at('2025-10-15T10:00:00+02:00'),
        runNumber: '1',
        apprec: null,
      },
    },
  },
  {
    name: 'validation traffic only, test accepted',
    input: input({
      messages: [testIpl('t1', '2025-10-15T10:00:00+02:00')],
      apprecs: [apprec('t1', 'OK', '2025-10-15T11:00:00+02:00')],
    }),
    asOf: '2025-10-16T10:00:00+02:00',
    state: 'TESTING',
    flags: [],
    figures: {
      latestTestIpl: {
        msgId: 't1',
        type: 'KPR_IPL',
        receivedAt: at('2025-10-15T10:00:00+02:00'),
        runNumber: '1',
        apprec: {
          apprecId: 'apprec-t1-2025-10-15T11:00:00+02:00',
          status: 'OK',
          receivedAt: at('2025-10-15T11:00:00+02:00'),
          errorCodes: [],
        },
      },
    },
  },
  {
    name: 'validation traffic only, test rejected: nothing to resubmit in production',
    input: input({
      messages: [testIpl('t1', '2025-10-15T10:00:00+02:00')],
      apprecs: [apprec('t1', 'REJECTED', '2025-10-15T11:00:00+02:00', [T02])],
    }),
    asOf: '2025-10-16T10:00:00+02:00',
    state: 'TESTING',
    flags: [],
    figures: { productionDeliveries: 0 },
  },
  {
    name: 'validation traffic only, test Apprec not yet received at asOf',
    input: input({
      messages: [testIpl('t1', '2025-10-15T10:00:00+02:00')],
      apprecs: [apprec('t1', 'OK', '2025-10-17T11:00:00+02:00')],
    }),
    asOf: '2025-10-16T10:00:00+02:00',
    state: 'TESTING',
    flags: [],
    figures: { latestTestIpl: expect.objectContaining({ apprec: null }) },
  },
  {
    name: 'validation traffic only, after the deadline',
    input: input({ messages: [testIpl('t1', '2025-10-15T10:00:00+02:00')] }),
    asOf: '2026-01-20T12:00:00+01:00',
    state: 'TESTING',
    flags: ['OVERDUE'],
  },
  {
    name: 'a test message received after asOf is not known yet',
    input: input({ messages: [testIpl('t1', '2025-10-15T10:00:00+02:00')] }),
    asOf: '2025-10-15T09:59:59+02:00',
    state: 'NOT_STARTED',
    flags: [],
    figures: { latestTestIpl: null },
  },

  // --- Waiting for the Apprec: the threshold is plain elapsed hours
  {
    name: 'production sent an hour ago',
    input: input(delivery('r1', '2026-01-12T10:00:00+01:00')),
    asOf: '2026-01-12T11:00:00+01:00',
    state: 'SENT',
    flags: [],
    figures: {
      productionDeliveries: 1,
      latestProductionMessage: expect.objectContaining({ msgId: 'r1-ide', type: 'KPR_IDE' }),
    },
  },
  {
    name: 'exactly 96 hours without an Apprec is not yet overdue',
    input: input(delivery('r1', '2026-01-05T10:00:00+01:00')),
    asOf: '2026-01-09T10:00:00+01:00',
    state: 'SENT',
    flags: [],
  },
  {
    name: '96 hours and one second without an Apprec',
    input: input(delivery('r1', '2026-01-05T10:00:00+01:00')),
    asOf: '2026-01-09T10:00:01+01:00',
    state: 'APPREC_OVERDUE',
    flags: ['APPREC_MISSING'],
  },
  {
    name: 'the 96 hours run through a weekend (Friday → Tuesday)',
    input: input(delivery('r1', '2026-01-09T15:00:00+01:00')),
    asOf: '2026-01-13T15:00:01+01:00',
    state: 'APPREC_OVERDUE',
    flags: ['APPREC_MISSING'],
  },
  {
    name: 'a minute short of 96 hours over a weekend',
    input: input(delivery('r1', '2026-01-09T15:00:00+01:00')),
    asOf: '2026-01-13T14:59:00+01:00',
    state: 'SENT',
    flags: [],
  },
  {
    name: 'spring-forward: 95.5 elapsed hours although the clock moved 96.5',
    input: input({ ...delivery('r1', '2026-03-27T12:00:00+01:00'), season: seasonDueOn('2026-06-30') }),
    asOf: '2026-03-31T12:30:00+02:00',
    state: 'SENT',
    flags: [],
  },
  {
    name: 'spring-forward: overdue at 96 elapsed hours (13:00 summer time)',
    input: input({ ...delivery('r1', '2026-03-27T12:00:00+01:00'), season: seasonDueOn('2026-06-30') }),
    asOf: '2026-03-31T13:00:01+02:00',
    state: 'APPREC_OVERDUE',
    flags: ['APPREC_MISSING'],
  },
  {
    name: 'fall-back: overdue at 96 elapsed hours (11:00 winter time)',
    input: input({ ...delivery('r1', '2025-10-24T12:00:00+02:00'), season: seasonDueOn('2026-06-30') }),
    asOf: '2025-10-28T11:00:01+01:00',
    state: 'APPREC_OVERDUE',
    flags: ['APPREC_MISSING'],
  },
  {
    name: 'fall-back: not overdue at 10:59 winter time',
    input: input({ ...delivery('r1', '2025-10-24T12:00:00+02:00'), season: seasonDueOn('2026-06-30') }),
    asOf: '2025-10-28T10:59:59+01:00',
    state: 'SENT',
    flags: [],
  },
  {
    name: 'a late Apprec ends the overdue state',
    input: input(accepted('r1', '2026-01-05T10:00:00+01:00', '2026-01-10T10:00:00+01:00')),
    asOf: '2026-01-11T10:00:00+01:00',
    state: 'DELIVERED',
    flags: [],
  },
  {
    name: 'an Apprec received after asOf is not known yet',
    input: input(accepted('r1', '2026-01-10T10:00:00+01:00', '2026-01-12T10:00:00+01:00')),
    asOf: '2026-01-12T09:00:00+01:00',
    state: 'SENT',
    flags: [],
  },

  // --- The deadline: the end of 15 January in Oslo
  {
    name: 'sent 23:58–23:59 on 15 January, Apprec next morning: on time',
    input: input(accepted('r1', '2026-01-15T23:58:00+01:00', '2026-01-16T08:00:00+01:00')),
    asOf: '2026-01-16T12:00:00+01:00',
    state: 'DELIVERED',
    flags: [],
    figures: { deliveredOnTime: true, firstAcceptedAt: at('2026-01-16T08:00:00+01:00') },
  },
  {
    name: 'sent 23:59 on 15 January, Apprec still awaited: not overdue',
    input: input(accepted('r1', '2026-01-15T23:58:00+01:00', '2026-01-16T08:00:00+01:00')),
    asOf: '2026-01-16T07:00:00+01:00',
    state: 'SENT',
    flags: [],
    figures: { deliveredOnTime: null },
  },
  {
    name: 'sent 00:01 on 16 January: late',
    input: input(accepted('r1', '2026-01-16T00:01:00+01:00', '2026-01-16T08:00:00+01:00')),
    asOf: '2026-01-16T12:00:00+01:00',
    state: 'DELIVERED',
    flags: [],
    figures: { deliveredOnTime: false },
  },
  {
    name: 'sent 00:01 on 16 January, awaiting the Apprec: overdue',
    input: input(accepted('r1', '2026-01-16T00:01:00+01:00', '2026-01-16T08:00:00+01:00')),
    asOf: '2026-01-16T07:00:00+01:00',
    state: 'SENT',
    flags: ['OVERDUE'],
  },
  {
    name: 'KPR_IPL at 23:59, KPR_IDE at 00:01: complete only after the deadline',
    input: input({
      messages: [ipl('a', '2026-01-15T23:59:00+01:00'), ide('b', '2026-01-16T00:01:00+01:00')],
      apprecs: [apprec('a', 'OK', '2026-01-16T08:00:00+01:00')],
    }),
    asOf: '2026-01-16T12:00:00+01:00',
    state: 'DELIVERED',
    flags: [],
    figures: { deliveredOnTime: false },
  },
  {
    name: 'summer deadline (+02:00): 23:58 is on time',
    input: input({
      ...accepted('r1', '2026-06-15T23:58:00+02:00', '2026-06-16T08:00:00+02:00'),
      season: seasonDueOn('2026-06-15'),
    }),
    asOf: '2026-06-16T12:00:00+02:00',
    state: 'DELIVERED',
    flags: [],
    figures: { deliveredOnTime: true },
  },
  {
    name: 'summer deadline (+02:00): 00:01 is late',
    input: input({
      ...accepted('r1', '2026-06-16T00:01:00+02:00', '2026-06-16T08:00:00+02:00'),
      season: seasonDueOn('2026-06-15'),
    }),
    asOf: '2026-06-16T12:00:00+02:00',
    state: 'DELIVERED',
    flags: [],
    figures: { deliveredOnTime: false },
  },
  {
    name: 'deadline on the spring-forward Sunday: 23:58 summer time is on time',
    input: input({
      ...accepted('r1', '2026-03-29T23:58:00+02:00', '2026-03-30T08:00:00+02:00'),
      season: seasonDueOn('2026-03-29'),
    }),
    asOf: '2026-03-30T12:00:00+02:00',
    state: 'DELIVERED',
    flags: [],
    figures: { deliveredOnTime: true },
  },
  {
    name: 'deadline on the spring-forward Sunday: 00:00 on Monday is late',
    input: input({
      ...accepted('r1', '2026-03-30T00:00:00+02:00', '2026-03-30T08:00:00+02:00'),
      season: seasonDueOn('2026-03-29'),
    }),
    asOf: '2026-03-30T12:00:00+02:00',
    state: 'DELIVERED',
    flags: [],
    figures: { deliveredOnTime: false },
  },
  {
    name: 'deadline on the fall-back Sunday: 23:58 winter time is on time',
    input: input({
      ...accepted('r1', '2026-10-25T23:58:00+01:00', '2026-10-26T08:00:00+01:00'),
      season: seasonDueOn('2026-10-25'),
    }),
    asOf: '2026-10-26T12:00:00+01:00',
    state: 'DELIVERED',
    flags: [],
    figures: { deliveredOnTime: true, calendarDaysLeft: -1 },
  },

  // --- Rejection and resend
  {
    name: 'rejected (T02)',
    input: input(
      delivery('r1', '2026-01-05T10:00:00+01:00', {
        status: 'REJECTED',
        at: '2026-01-05T12:00:00+01:00',
        errors: [T02],
      }),
    ),
    asOf: '2026-01-05T13:00:00+01:00',
    state: 'REJECTED',
    flags: ['MUST_RESUBMIT'],
    figures: { deliveredOnTime: null, firstAcceptedAt: null },
  },
  {
    name: 'rejected, within 5 working days of the deadline',
    input: input(
      delivery('r1', '2026-01-10T10:00:00+01:00', {
        status: 'REJECTED',
        at: '2026-01-10T12:00:00+01:00',
        errors: [T02],
      }),
    ),
    asOf: '2026-01-12T09:00:00+01:00',
    state: 'REJECTED',
    flags: ['MUST_RESUBMIT', 'SHOULD_APPLY_FOR_EXTENSION'],
  },
  {
    name: 'rejected, resent with a new MsgId, awaiting the Apprec',
    input: input(
      events(
        delivery('r1', '2026-01-05T10:00:00+01:00', {
          status: 'REJECTED',
          at: '2026-01-05T12:00:00+01:00',
          errors: [T02],
        }),
        delivery('r2', '2026-01-06T09:00:00+01:00'),
      ),
    ),
    asOf: '2026-01-06T10:00:00+01:00',
    state: 'SENT',
    flags: [],
    figures: { productionDeliveries: 2 },
  },
  {
    name: 'rejected, resent with a new MsgId, accepted',
    input: input(
      events(
        delivery('r1', '2026-01-05T10:00:00+01:00', {
          status: 'REJECTED',
          at: '2026-01-05T12:00:00+01:00',
          errors: [T02],
        }),
        accepted('r2', '2026-01-06T09:00:00+01:00', '2026-01-06T12:00:00+01:00'),
      ),
    ),
    asOf: '2026-01-07T10:00:00+01:00',
    state: 'DELIVERED',
    flags: [],
    figures: { productionDeliveries: 2, firstAcceptedAt: at('2026-01-06T12:00:00+01:00'), deliveredOnTime: true },
  },
  {
    name: 'rejected after the deadline',
    input: input(
      delivery('r1', '2026-01-15T10:00:00+01:00', {
        status: 'REJECTED',
        at: '2026-01-16T09:00:00+01:00',
        errors: [T02],
      }),
    ),
    asOf: '2026-01-16T10:00:00+01:00',
    state: 'REJECTED',
    flags: ['OVERDUE', 'MUST_RESUBMIT'],
  },
  {
    name: 'accepted first, a later resend rejected: the latest counts',
    input: input(
      events(
        accepted('r1', '2026-01-05T10:00:00+01:00', '2026-01-05T12:00:00+01:00'),
        delivery('r2', '2026-01-12T10:00:00+01:00', {
          status: 'REJECTED',
          at: '2026-01-12T12:00:00+01:00',
          errors: [T02],
        }),
      ),
    ),
    asOf: '2026-01-12T13:00:00+01:00',
    state: 'REJECTED',
    flags: ['MUST_RESUBMIT'],
    figures: { deliveredOnTime: true, firstAcceptedAt: at('2026-01-05T12:00:00+01:00') },
  },
  {
    name: 'resent before the first Apprec came',
    input: input(events(delivery('r1', '2026-01-05T10:00:00+01:00'), delivery('r2', '2026-01-06T10:00:00+01:00'))),
    asOf: '2026-01-06T11:00:00+01:00',
    state: 'SENT',
    flags: ['RESENT_BEFORE_APPREC'],
  },
  {
    name: 'resent before the first Apprec, which came afterwards',
    input: input(
      events(
        accepted('r1', '2026-01-05T10:00:00+01:00', '2026-01-07T10:00:00+01:00'),
        delivery('r2', '2026-01-06T10:00:00+01:00'),
      ),
    ),
    asOf: '2026-01-07T11:00:00+01:00',
    state: 'SENT',
    flags: ['RESENT_BEFORE_APPREC'],
    figures: { firstAcceptedAt: at('2026-01-07T10:00:00+01:00') },
  },
  {
    name: 'resent with the same run number: the later KPR_IPL counts',
    input: input({
      messages: [
        ipl('a', '2026-01-05T10:00:00+01:00'),
        ide('b', '2026-01-05T10:01:00+01:00'),
        ipl('c', '2026-01-06T10:00:00+01:00'),
      ],
      apprecs: [
        apprec('a', 'REJECTED', '2026-01-05T12:00:00+01:00', [T02]),
        apprec('c', 'OK', '2026-01-06T12:00:00+01:00'),
      ],
    }),
    asOf: '2026-01-06T13:00:00+01:00',
    state: 'DELIVERED',
    flags: [],
    figures: { productionDeliveries: 1 },
  },

  // --- Incomplete deliveries
  {
    name: 'KPR_IPL accepted, KPR_IDE never sent',
    input: input({
      messages: [ipl('a', '2026-01-05T10:00:00+01:00')],
      apprecs: [apprec('a', 'OK', '2026-01-05T12:00:00+01:00')],
    }),
    asOf: '2026-01-06T10:00:00+01:00',
    state: 'INCOMPLETE',
    flags: ['MUST_RESUBMIT'],
    figures: { deliveredOnTime: null, firstAcceptedAt: null },
  },
  {
    name: 'KPR_IPL accepted, KPR_IDE never sent, after the deadline',
    input: input({
      messages: [ipl('a', '2026-01-05T10:00:00+01:00')],
      apprecs: [apprec('a', 'OK', '2026-01-05T12:00:00+01:00')],
    }),
    asOf: '2026-01-20T10:00:00+01:00',
    state: 'INCOMPLETE',
    flags: ['OVERDUE', 'MUST_RESUBMIT'],
  },
  {
    name: 'KPR_IPL awaiting its Apprec, KPR_IDE not yet sent',
    input: input({ messages: [ipl('a', '2026-01-05T10:00:00+01:00')] }),
    asOf: '2026-01-05T11:00:00+01:00',
    state: 'SENT',
    flags: [],
  },
  {
    name: 'only the KPR_IDE sent',
    input: input({ messages: [ide('b', '2026-01-05T10:00:00+01:00')] }),
    asOf: '2026-01-05T11:00:00+01:00',
    state: 'INCOMPLETE',
    flags: ['MUST_RESUBMIT'],
  },
  {
    name: 'KPR_IDE rejected',
    input: input(events(GOOD, { apprecs: [apprec('r1-ide', 'REJECTED', '2026-01-10T12:00:00+01:00', [T02])] })),
    asOf: '2026-01-10T13:00:00+01:00',
    state: 'INCOMPLETE',
    flags: ['MUST_RESUBMIT', 'SHOULD_APPLY_FOR_EXTENSION'],
  },
  {
    name: 'KPR_IDE with a positive Apprec of its own',
    input: input(events(GOOD, { apprecs: [apprec('r1-ide', 'OK', '2026-01-10T12:00:00+01:00')] })),
    asOf: '2026-01-10T13:00:00+01:00',
    state: 'DELIVERED',
    flags: [],
  },
  {
    name: 'no run numbers: KPR_IDE paired by time',
    input: input({
      messages: [
        ipl('a', '2026-01-05T10:00:00+01:00', { runNumber: null }),
        ide('b', '2026-01-05T10:03:00+01:00', { runNumber: null }),
      ],
      apprecs: [apprec('a', 'OK', '2026-01-05T12:00:00+01:00')],
    }),
    asOf: '2026-01-06T10:00:00+01:00',
    state: 'DELIVERED',
    flags: [],
  },
  {
    name: 'no run numbers: a KPR_IDE two days later completes the delivery',
    input: input({
      messages: [
        ipl('a', '2026-01-05T10:00:00+01:00', { runNumber: null }),
        ide('b', '2026-01-07T10:00:00+01:00', { runNumber: null }),
      ],
      apprecs: [apprec('a', 'OK', '2026-01-05T12:00:00+01:00')],
    }),
    asOf: '2026-01-08T10:00:00+01:00',
    state: 'DELIVERED',
    flags: [],
    figures: { firstAcceptedAt: at('2026-01-07T10:00:00+01:00') },
  },
  {
    name: 'a KPR_IDE of another run does not complete the delivery',
    input: input({
      messages: [
        ipl('a', '2026-01-05T10:00:00+01:00', { runNumber: '1' }),
        ide('b', '2026-01-05T10:01:00+01:00', { runNumber: '2' }),
      ],
      apprecs: [apprec('a', 'OK', '2026-01-05T12:00:00+01:00')],
    }),
    asOf: '2026-01-06T10:00:00+01:00',
    state: 'INCOMPLETE',
    flags: ['MUST_RESUBMIT'],
    figures: { productionDeliveries: 2 },
  },

  // --- Content and findings
  {
    name: 'old (2023) municipality number 3001 → 3101',
    input: input(goodWith({ municipalityNumberAsSent: '3001', municipalityNumber: '3101' })),
    asOf: '2026-01-10T13:00:00+01:00',
    state: 'ACCEPTED_WITH_ERRORS',
    flags: ['MUST_RESUBMIT'],
  },
  {
    name: 'unknown municipality number',
    input: input(goodWith({ municipalityNumberAsSent: '9999', municipalityNumber: null })),
    asOf: '2026-01-10T13:00:00+01:00',
    state: 'ACCEPTED_WITH_ERRORS',
    flags: ['MUST_RESUBMIT'],
  },
  {
    name: 'old municipality number while awaiting the Apprec',
    input: input({
      messages: [
        ipl('a', '2026-01-05T10:00:00+01:00', { municipalityNumberAsSent: '3001', municipalityNumber: '3101' }),
      ],
    }),
    asOf: '2026-01-05T11:00:00+01:00',
    state: 'SENT',
    flags: ['MUST_RESUBMIT'],
  },
  {
    name: 'only half the year',
    input: input(goodWith({ periodTo: '2025-06-30' })),
    asOf: '2026-01-10T13:00:00+01:00',
    state: 'ACCEPTED_WITH_ERRORS',
    flags: ['MUST_RESUBMIT'],
  },
  {
    name: 'the wrong year',
    input: input(goodWith({ periodFrom: '2024-01-01', periodTo: '2024-12-31' })),
    asOf: '2026-01-10T13:00:00+01:00',
    state: 'ACCEPTED_WITH_ERRORS',
    flags: ['MUST_RESUBMIT'],
  },
  {
    name: 'open error finding on the KPR_IPL',
    input: input({ ...GOOD, findings: [finding('r1-ipl', '2026-01-10T10:05:00+01:00')] }),
    asOf: '2026-01-10T13:00:00+01:00',
    state: 'ACCEPTED_WITH_ERRORS',
    flags: ['MUST_RESUBMIT'],
  },
  {
    name: 'error finding resolved before asOf',
    input: input({
      ...GOOD,
      findings: [
        finding('r1-ipl', '2026-01-10T10:05:00+01:00', {
          status: 'RESOLVED',
          resolvedAt: at('2026-01-11T10:00:00+01:00'),
        }),
      ],
    }),
    asOf: '2026-01-12T10:00:00+01:00',
    state: 'DELIVERED',
    flags: [],
  },
  {
    name: 'error finding resolved after asOf is still open at asOf',
    input: input({
      ...GOOD,
      findings: [
        finding('r1-ipl', '2026-01-10T10:05:00+01:00', {
          status: 'RESOLVED',
          resolvedAt: at('2026-01-13T10:00:00+01:00'),
        }),
      ],
    }),
    asOf: '2026-01-12T10:00:00+01:00',
    state: 'ACCEPTED_WITH_ERRORS',
    flags: ['MUST_RESUBMIT'],
  },
  {
    name: 'error finding detected after asOf is not known yet',
    input: input({ ...GOOD, findings: [finding('r1-ipl', '2026-01-13T10:00:00+01:00')] }),
    asOf: '2026-01-12T10:00:00+01:00',
    state: 'DELIVERED',
    flags: [],
  },
  {
    name: 'a warning finding does not hold the delivery back',
    input: input({
      ...GOOD,
      findings: [
        finding('r1-ipl', '2026-01-10T10:05:00+01:00', { severity: 'WARNING', code: 'WELFARE_TECHNOLOGY_MISSING' }),
      ],
    }),
    asOf: '2026-01-10T13:00:00+01:00',
    state: 'DELIVERED',
    flags: [],
  },
  {
    name: 'an error finding on a superseded delivery no longer counts',
    input: input({
      ...events(accepted('r0', '2026-01-05T10:00:00+01:00', '2026-01-05T12:00:00+01:00'), GOOD),
      findings: [finding('r0-ipl', '2026-01-05T10:05:00+01:00')],
    }),
    asOf: '2026-01-10T13:00:00+01:00',
    state: 'DELIVERED',
    flags: [],
  },
  {
    name: 'an error finding about the season as a whole counts',
    input: input({
      ...GOOD,
      findings: [finding(null, '2026-01-11T10:00:00+01:00', { code: 'FHI-V17', message: 'Mange brukere uten vedtak' })],
    }),
    asOf: '2026-01-11T13:00:00+01:00',
    state: 'ACCEPTED_WITH_ERRORS',
    flags: ['MUST_RESUBMIT'],
  },
  {
    name: 'an error finding on a test message does not hold production back',
    input: input({
      ...events({ messages: [testIpl('t1', '2025-11-01T10:00:00+01:00')] }, GOOD),
      findings: [finding('t1', '2025-11-01T10:05:00+01:00')],
    }),
    asOf: '2026-01-10T13:00:00+01:00',
    state: 'DELIVERED',
    flags: [],
  },
  {
    name: 'Apprec "OK, feil i delmelding"',
    input: input(
      delivery('r1', '2026-01-05T10:00:00+01:00', {
        status: 'OK_WITH_ERRORS',
        at: '2026-01-05T12:00:00+01:00',
        errors: [
          { codeSystem: '2.16.578.1.12.4.1.1.9999', code: 'K17', displayName: 'Ukjent tjenestekode', freeText: null },
        ],
      }),
    ),
    asOf: '2026-01-05T13:00:00+01:00',
    state: 'ACCEPTED_WITH_ERRORS',
    flags: ['MUST_RESUBMIT'],
    figures: { firstAcceptedAt: at('2026-01-05T12:00:00+01:00') },
  },

  // --- Extensions
  {
    name: 'extension granted: the new deadline is effective',
    input: input({ extensionRequests: [GRANTED] }),
    asOf: '2026-01-20T12:00:00+01:00',
    state: 'NOT_STARTED',
    flags: [],
    figures: {
      effectiveDeadline: endOfOsloDay('2026-02-13'),
      extensionGranted: true,
      calendarDaysLeft: 24,
      workingDaysLeft: 18,
    },
  },
  {
    name: 'extension granted: no advice even close to the new deadline',
    input: input({ extensionRequests: [GRANTED] }),
    asOf: '2026-02-10T12:00:00+01:00',
    state: 'NOT_STARTED',
    flags: [],
    figures: { workingDaysLeft: 3 },
  },
  {
    name: 'extension granted: delivered before the new deadline is on time',
    input: input({
      ...accepted('r1', '2026-02-10T10:00:00+01:00', '2026-02-10T12:00:00+01:00'),
      extensionRequests: [GRANTED],
    }),
    asOf: '2026-02-11T12:00:00+01:00',
    state: 'DELIVERED',
    flags: [],
    figures: { deliveredOnTime: true },
  },
  {
    name: 'extension granted: after the new deadline',
    input: input({ extensionRequests: [GRANTED] }),
    asOf: '2026-02-14T00:00:01+01:00',
    state: 'NOT_STARTED',
    flags: ['OVERDUE'],
    figures: { calendarDaysLeft: -1 },
  },
  {
    name: 'extension granted after asOf: still pending at asOf',
    input: input({ extensionRequests: [GRANTED] }),
    asOf: '2026-01-08T18:00:00+01:00',
    state: 'NOT_STARTED',
    flags: ['EXTENSION_PENDING'],
    figures: { effectiveDeadline: SEASON_DEADLINE, extensionGranted: false },
  },
  {
    name: 'extension requested after asOf is not known yet',
    input: input({ extensionRequests: [GRANTED] }),
    asOf: '2026-01-07T18:00:00+01:00',
    state: 'NOT_STARTED',
    flags: [],
    figures: { extensionGranted: false },
  },
  {
    name: 'extension granted an earlier date than the season deadline: the season deadline stands',
    input: input({ extensionRequests: [{ ...GRANTED, grantedDeadline: endOfOsloDay('2026-01-10') }] }),
    asOf: '2026-01-12T12:00:00+01:00',
    state: 'NOT_STARTED',
    flags: [],
    figures: { effectiveDeadline: SEASON_DEADLINE, extensionGranted: true },
  },
  {
    name: 'extension granted without a date: the requested date',
    input: input({ extensionRequests: [{ ...GRANTED, grantedDeadline: null }] }),
    asOf: '2026-01-20T12:00:00+01:00',
    state: 'NOT_STARTED',
    flags: [],
    figures: { effectiveDeadline: endOfOsloDay('2026-02-28') },
  },
  {
    name: 'extension denied: advice to apply stands',
    input: input({ extensionRequests: [{ ...GRANTED, status: 'DENIED', grantedDeadline: null }] }),
    asOf: '2026-01-12T12:00:00+01:00',
    state: 'NOT_STARTED',
    flags: ['SHOULD_APPLY_FOR_EXTENSION'],
    figures: { effectiveDeadline: SEASON_DEADLINE, extensionGranted: false },
  },
  {
    name: 'extension denied after asOf: pending at asOf',
    input: input({
      extensionRequests: [
        { ...GRANTED, status: 'DENIED', grantedDeadline: null, decidedAt: at('2026-01-12T10:00:00+01:00') },
      ],
    }),
    asOf: '2026-01-09T12:00:00+01:00',
    state: 'NOT_STARTED',
    flags: ['EXTENSION_PENDING'],
  },
  {
    name: 'extension pending, municipality delivered meanwhile',
    input: input({ ...GOOD, extensionRequests: [extension('e1', '2026-01-08T09:00:00+01:00', '2026-02-28')] }),
    asOf: '2026-01-10T13:00:00+01:00',
    state: 'DELIVERED',
    flags: ['EXTENSION_PENDING'],
  },
  {
    name: 'extension withdrawn: advice to apply stands',
    input: input({
      extensionRequests: [
        extension('e1', '2026-01-08T09:00:00+01:00', '2026-02-28', {
          status: 'WITHDRAWN',
          decidedAt: at('2026-01-09T09:00:00+01:00'),
        }),
      ],
    }),
    asOf: '2026-01-12T12:00:00+01:00',
    state: 'NOT_STARTED',
    flags: ['SHOULD_APPLY_FOR_EXTENSION'],
  },

  // --- Apprecs and messages out of order
  {
    name: 'an Apprec known before its message: the message is not known yet at asOf',
    input: input({ ...accepted('r1', '2026-01-05T10:00:00+01:00', '2026-01-05T09:00:00+01:00') }),
    asOf: '2026-01-05T09:30:00+01:00',
    state: 'NOT_STARTED',
    flags: [],
  },
  {
    name: 'an Apprec known before its message: linked once the message arrives',
    input: input({ ...accepted('r1', '2026-01-05T10:00:00+01:00', '2026-01-05T09:00:00+01:00') }),
    asOf: '2026-01-05T10:30:00+01:00',
    state: 'DELIVERED',
    flags: [],
    figures: { firstAcceptedAt: at('2026-01-05T10:01:00+01:00') },
  },
  {
    name: 'an Apprec for a message never seen is ignored',
    input: input({ apprecs: [apprec('elsewhere', 'OK', '2026-01-05T09:00:00+01:00')] }),
    asOf: '2026-01-05T10:00:00+01:00',
    state: 'NOT_STARTED',
    flags: [],
  },
  {
    name: 'two Apprecs for one message: the first is final',
    input: input(events(GOOD, { apprecs: [apprec('r1-ipl', 'REJECTED', '2026-01-10T15:00:00+01:00', [T02])] })),
    asOf: '2026-01-10T16:00:00+01:00',
    state: 'DELIVERED',
    flags: [],
  },

  // --- Figures
  {
    name: 'time to first accepted delivery, from the season opening',
    input: input(GOOD),
    asOf: '2026-01-12T10:00:00+01:00',
    state: 'DELIVERED',
    flags: [],
    figures: {
      timeToFirstAcceptedDeliveryMs: 9 * 24 * HOUR + 12 * HOUR,
      firstAcceptedAt: at('2026-01-10T12:00:00+01:00'),
    },
  },
  {
    name: 'accepted before the season opened counts as no time',
    input: input(accepted('r1', '2025-12-20T10:00:00+01:00', '2025-12-20T12:00:00+01:00')),
    asOf: '2026-01-12T10:00:00+01:00',
    state: 'DELIVERED',
    flags: [],
    figures: { timeToFirstAcceptedDeliveryMs: 0, deliveredOnTime: true },
  },
];

describe('deriveDeliveryState', () => {
  it('has at least 60 table cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases)('$name', ({ input: events, asOf, state, flags, figures }) => {
    const result = deriveDeliveryState(events, at(asOf));
    expect(result.state).toBe(state);
    expect(result.flags.map((flag) => flag.code)).toEqual(flags);
    if (figures) expect(result.figures).toMatchObject(figures);
  });
});

/** The input as the database would have held it at `asOf`: later events absent, later decisions not yet made. */
function asKnownAt(events: DeliveryStateInput, asOf: Date): DeliveryStateInput {
  return {
    ...events,
    messages: events.messages.filter((message) => message.receivedAt <= asOf),
    apprecs: events.apprecs.filter((answer) => answer.receivedAt <= asOf),
    findings: events.findings
      .filter((item) => item.detectedAt <= asOf)
      .map((item) =>
        item.resolvedAt && item.resolvedAt > asOf ? { ...item, status: 'OPEN' as const, resolvedAt: null } : item,
      ),
    extensionRequests: events.extensionRequests
      .filter((request) => request.requestedAt <= asOf)
      .map((request) =>
        request.decidedAt && request.decidedAt > asOf
          ? { ...request, status: 'PENDING' as const, grantedDeadline: null, decidedAt: null }
          : request,
      ),
    resubmissionAgreements: events.resubmissionAgreements.filter((note) => note.createdAt <= asOf),
  };
}

/** A whole season of one municipality: a test, a rejection, an agreement, an extension, two resends. */
const SEASON_STORY = input({
  messages: [
    testIpl('t1', '2025-10-20T10:00:00+02:00'),
    ...delivery('r1', '2026-01-08T10:00:00+01:00').messages,
    ...delivery('r2', '2026-01-20T10:00:00+01:00').messages,
    ipl('r3-ipl', '2026-01-21T09:00:00+01:00', { runNumber: 'r3' }),
    ide('r3-ide', '2026-01-23T09:00:00+01:00', { runNumber: 'r3' }),
  ],
  apprecs: [
    apprec('t1', 'REJECTED', '2025-10-20T11:00:00+02:00', [T02]),
    apprec('r1-ipl', 'REJECTED', '2026-01-13T10:00:00+01:00', [T02]),
    apprec('r2-ipl', 'OK', '2026-01-22T08:00:00+01:00'),
    apprec('r3-ipl', 'OK', '2026-01-21T09:00:00+01:00'),
  ],
  findings: [
    finding('r2-ipl', '2026-01-20T10:05:00+01:00', { status: 'RESOLVED', resolvedAt: at('2026-01-24T10:00:00+01:00') }),
    finding(null, '2026-01-14T08:00:00+01:00', {
      severity: 'WARNING',
      status: 'RESOLVED',
      resolvedAt: at('2026-01-25T10:00:00+01:00'),
    }),
  ],
  extensionRequests: [
    GRANTED,
    extension('e2', '2026-01-26T09:00:00+01:00', '2026-03-01', {
      status: 'DENIED',
      decidedAt: at('2026-02-02T09:00:00+01:00'),
    }),
  ],
  resubmissionAgreements: [{ createdAt: at('2026-01-14T09:00:00+01:00') }],
});

describe('asOf', () => {
  const eventTimes = [
    ...SEASON_STORY.messages.map((message) => message.receivedAt),
    ...SEASON_STORY.apprecs.map((answer) => answer.receivedAt),
    ...SEASON_STORY.findings.flatMap((item) => [item.detectedAt, item.resolvedAt ?? item.detectedAt]),
    ...SEASON_STORY.extensionRequests.flatMap((request) => [
      request.requestedAt,
      request.decidedAt ?? request.requestedAt,
    ]),
    ...SEASON_STORY.resubmissionAgreements.map((note) => note.createdAt),
    SEASON_STORY.season.deadline,
    GRANTED.grantedDeadline!,
  ];
  const instants = [...new Set(eventTimes.flatMap((time) => [-1, 0, 1].map((ms) => time.getTime() + ms)))]
    .sort((a, b) => a - b)
    .map((time) => new Date(time));

  it.each(instants.map((instant) => [instant.toISOString(), instant]))(
    'at %s sees only what had happened by then',
    (_label, asOf) => {
      expect(deriveDeliveryState(SEASON_STORY, asOf)).toEqual(deriveDeliveryState(asKnownAt(SEASON_STORY, asOf), asOf));
    },
  );

  it('replays the season story', () => {
    const replay = (asOf: string) => {
      const result = deriveDeliveryState(SEASON_STORY, at(asOf));
      return [result.state, ...result.flags.map((flag) => flag.code)];
    };
    expect(replay('2025-10-20T12:00:00+02:00')).toEqual(['TESTING']);
    expect(replay('2026-01-08T12:00:00+01:00')).toEqual(['SENT', 'EXTENSION_PENDING']);
    expect(replay('2026-01-13T12:00:00+01:00')).toEqual(['REJECTED', 'MUST_RESUBMIT']);
    expect(replay('2026-01-20T12:00:00+01:00')).toEqual(['SENT', 'MUST_RESUBMIT']);
    expect(replay('2026-01-21T10:00:00+01:00')).toEqual(['INCOMPLETE', 'MUST_RESUBMIT', 'RESENT_BEFORE_APPREC']);
    expect(replay('2026-01-23T10:00:00+01:00')).toEqual(['DELIVERED', 'RESENT_BEFORE_APPREC']);
    expect(replay('2026-01-27T10:00:00+01:00')).toEqual(['DELIVERED', 'RESENT_BEFORE_APPREC', 'EXTENSION_PENDING']);
  });

  it('neither changes nor depends on the order of its input', () => {
    const frozen = structuredClone(SEASON_STORY);
    for (const list of [frozen.messages, frozen.apprecs, frozen.findings, frozen.extensionRequests])
      Object.freeze(list);
    const reversed = {
      ...frozen,
      messages: [...frozen.messages].reverse(),
      apprecs: [...frozen.apprecs].reverse(),
      extensionRequests: [...frozen.extensionRequests].reverse(),
    };
    const asOf = at('2026-01-23T10:00:00+01:00');
    expect(deriveDeliveryState(frozen, asOf)).toEqual(deriveDeliveryState(reversed, asOf));
    expect(frozen).toEqual(SEASON_STORY);
  });
});
