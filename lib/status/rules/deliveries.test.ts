import { describe, expect, it } from 'vitest';
import { pairDeliveries } from './deliveries';
import { ide, ipl } from '@/lib/db/testing/delivery-state-builders';
import type { MessageInput } from './types';

const WINDOW_HOURS = 7 * 24;

/** Each delivery as 'ipl+ide' msgIds ('-' for a missing half), oldest first. */
function pairs(messages: MessageInput[], windowHours = WINDOW_HOURS): string[] {
  return pairDeliveries(messages, windowHours).map(
    (delivery) => `${delivery.ipl?.msgId ?? '-'}+${delivery.ide?.msgId ?? '-'}`,
  );
}

const noRun = { runNumber: null };

describe('pairDeliveries', () => {
  it.each([
    ['nothing', [], []],
    [
      'one run',
      [
        ipl('a', '2026-01-05T10:00:00+01:00', { runNumber: '7' }),
        ide('b', '2026-01-05T10:01:00+01:00', { runNumber: '7' }),
      ],
      ['a+b'],
    ],
    [
      'IDE before IPL in one run',
      [
        ide('b', '2026-01-05T09:00:00+01:00', { runNumber: '7' }),
        ipl('a', '2026-01-05T10:00:00+01:00', { runNumber: '7' }),
      ],
      ['a+b'],
    ],
    [
      'two runs',
      [
        ipl('a', '2026-01-05T10:00:00+01:00', { runNumber: '7' }),
        ide('b', '2026-01-05T10:01:00+01:00', { runNumber: '7' }),
        ipl('c', '2026-01-08T10:00:00+01:00', { runNumber: '8' }),
        ide('d', '2026-01-08T10:01:00+01:00', { runNumber: '8' }),
      ],
      ['a+b', 'c+d'],
    ],
    [
      'different run numbers never pair',
      [
        ipl('a', '2026-01-05T10:00:00+01:00', { runNumber: '7' }),
        ide('b', '2026-01-05T10:01:00+01:00', { runNumber: '8' }),
      ],
      ['a+-', '-+b'],
    ],
    [
      'a resend with the same run number supersedes the earlier KPR_IPL',
      [
        ipl('a', '2026-01-05T10:00:00+01:00', { runNumber: '7' }),
        ide('b', '2026-01-05T10:01:00+01:00', { runNumber: '7' }),
        ipl('c', '2026-01-06T10:00:00+01:00', { runNumber: '7' }),
      ],
      ['c+b'],
    ],
    [
      'no run numbers: paired by time',
      [ipl('a', '2026-01-05T10:00:00+01:00', noRun), ide('b', '2026-01-05T10:05:00+01:00', noRun)],
      ['a+b'],
    ],
    [
      'no run numbers: each resend pairs with its own KPR_IDE',
      [
        ipl('a', '2026-01-05T10:00:00+01:00', noRun),
        ide('b', '2026-01-05T10:05:00+01:00', noRun),
        ipl('c', '2026-01-06T10:00:00+01:00', noRun),
        ide('d', '2026-01-06T10:05:00+01:00', noRun),
      ],
      ['a+b', 'c+d'],
    ],
    [
      'no run numbers: the KPR_IDE goes to the closest KPR_IPL',
      [
        ipl('a', '2026-01-05T10:00:00+01:00', noRun),
        ipl('c', '2026-01-08T10:00:00+01:00', noRun),
        ide('d', '2026-01-09T10:00:00+01:00', noRun),
      ],
      ['a+-', 'c+d'],
    ],
    [
      'no run numbers: a KPR_IDE sent before its KPR_IPL',
      [ide('b', '2026-01-05T09:55:00+01:00', noRun), ipl('a', '2026-01-05T10:00:00+01:00', noRun)],
      ['a+b'],
    ],
    [
      'no run numbers: outside the window they stay apart',
      [ipl('a', '2026-01-05T10:00:00+01:00', noRun), ide('b', '2026-01-12T10:00:01+01:00', noRun)],
      ['a+-', '-+b'],
    ],
    [
      'no run numbers: exactly at the window still pairs',
      [ipl('a', '2026-01-05T10:00:00+01:00', noRun), ide('b', '2026-01-12T10:00:00+01:00', noRun)],
      ['a+b'],
    ],
    [
      'the KPR_IDE lacks a run number: paired by time with a numbered KPR_IPL',
      [ipl('a', '2026-01-05T10:00:00+01:00', { runNumber: '7' }), ide('b', '2026-01-05T10:05:00+01:00', noRun)],
      ['a+b'],
    ],
    [
      'the KPR_IPL lacks a run number: paired by time with a numbered KPR_IDE',
      [ipl('a', '2026-01-05T10:00:00+01:00', noRun), ide('b', '2026-01-05T10:05:00+01:00', { runNumber: '7' })],
      ['a+b'],
    ],
    [
      'a complete run is not broken up by a loose KPR_IDE',
      [
        ipl('a', '2026-01-05T10:00:00+01:00', { runNumber: '7' }),
        ide('b', '2026-01-05T10:01:00+01:00', { runNumber: '7' }),
        ide('x', '2026-01-05T10:02:00+01:00', noRun),
      ],
      ['a+b', '-+x'],
    ],
    [
      'a blank run number counts as none',
      [
        ipl('a', '2026-01-05T10:00:00+01:00', { runNumber: ' ' }),
        ide('b', '2026-01-05T10:05:00+01:00', { runNumber: '' }),
      ],
      ['a+b'],
    ],
    [
      'an IDE-only delivery sent last is the latest',
      [
        ipl('a', '2026-01-05T10:00:00+01:00', { runNumber: '7' }),
        ide('b', '2026-01-05T10:01:00+01:00', { runNumber: '7' }),
        ide('x', '2026-01-09T10:00:00+01:00', { runNumber: '8' }),
      ],
      ['a+b', '-+x'],
    ],
  ])('%s', (_name, messages, expected) => {
    expect(pairs(messages)).toEqual(expected);
  });

  it('orders deliveries by when their last message arrived, whatever the input order', () => {
    const messages = [
      ide('d', '2026-01-08T10:01:00+01:00', { runNumber: '8' }),
      ipl('a', '2026-01-05T10:00:00+01:00', { runNumber: '7' }),
      ipl('c', '2026-01-08T10:00:00+01:00', { runNumber: '8' }),
      ide('b', '2026-01-09T10:01:00+01:00', { runNumber: '7' }),
    ];
    const deliveries = pairDeliveries(messages, WINDOW_HOURS);
    expect(deliveries.map((delivery) => delivery.runNumber)).toEqual(['8', '7']);
    expect(deliveries.map((delivery) => delivery.sentAt.toISOString())).toEqual([
      '2026-01-08T09:01:00.000Z',
      '2026-01-09T09:01:00.000Z',
    ]);
  });

  it('does not touch its input', () => {
    const messages = Object.freeze([
      ipl('c', '2026-01-06T10:00:00+01:00', noRun),
      ipl('a', '2026-01-05T10:00:00+01:00', noRun),
    ]);
    expect(() => pairDeliveries(messages, WINDOW_HOURS)).not.toThrow();
    expect(messages.map((message) => message.msgId)).toEqual(['c', 'a']);
  });
});
