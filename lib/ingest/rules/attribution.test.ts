import { describe, expect, it } from 'vitest';
import { type AttributionCandidate, type AttributionInput, attributeMessage, sameRun } from './attribution';

const at = (iso: string) => new Date(iso);
const ipl = (municipalityNumber: string, msgId: string, receivedAt = '2026-01-08T10:00:00Z'): AttributionCandidate => ({
  municipalityNumber,
  msgId,
  receivedAt: at(receivedAt),
});
const none: AttributionInput['payload'] = { kind: 'NONE' };

describe('attributeMessage', () => {
  it.each<[string, AttributionInput, ReturnType<typeof attributeMessage>]>([
    [
      'the payload decides first, whatever the sender has sent before',
      { payload: { kind: 'VALID', municipalityNumber: '4601' }, sender: [ipl('0301', 'a')], run: [ipl('0301', 'a')] },
      { method: 'PAYLOAD', municipalityNumber: '4601', fromMsgId: null, reason: null },
    ],
    [
      'a sender known for one municipality, learned from its latest KPR_IPL',
      {
        payload: none,
        sender: [ipl('1103', 'old', '2025-01-10T10:00:00Z'), ipl('1103', 'new', '2026-01-08T10:00:00Z')],
        run: [],
      },
      { method: 'SENDER', municipalityNumber: '1103', fromMsgId: 'new', reason: null },
    ],
    [
      'a sender serving several municipalities: the KPR_IPL of the same run decides',
      { payload: none, sender: [ipl('3101', 'halden'), ipl('3103', 'moss')], run: [ipl('3103', 'moss')] },
      { method: 'RUN', municipalityNumber: '3103', fromMsgId: 'moss', reason: null },
    ],
    [
      'a sender serving several, and a run that does not single one out: unattributed',
      {
        payload: none,
        sender: [ipl('3101', 'halden'), ipl('3103', 'moss')],
        run: [ipl('3101', 'halden'), ipl('3103', 'moss')],
      },
      { method: 'UNATTRIBUTED', municipalityNumber: null, fromMsgId: null, reason: 'SENDER_SERVES_SEVERAL' },
    ],
    [
      'an unknown sender and nothing in the payload',
      { payload: none, sender: [], run: [] },
      { method: 'UNATTRIBUTED', municipalityNumber: null, fromMsgId: null, reason: 'NO_MUNICIPALITY_IN_PAYLOAD' },
    ],
    [
      'an unknown number in the payload falls back on the sender',
      { payload: { kind: 'UNKNOWN' }, sender: [ipl('5001', 'trondheim')], run: [] },
      { method: 'SENDER', municipalityNumber: '5001', fromMsgId: 'trondheim', reason: null },
    ],
    [
      'an unknown number, nothing else: its own reason',
      { payload: { kind: 'UNKNOWN' }, sender: [], run: [] },
      { method: 'UNATTRIBUTED', municipalityNumber: null, fromMsgId: null, reason: 'MUNICIPALITY_NUMBER_UNKNOWN' },
    ],
    [
      'two numbers in the payload, nothing else',
      { payload: { kind: 'CONFLICTING' }, sender: [], run: [] },
      { method: 'UNATTRIBUTED', municipalityNumber: null, fromMsgId: null, reason: 'MUNICIPALITY_NUMBER_CONFLICTING' },
    ],
  ])('%s', (_, input, expected) => {
    expect(attributeMessage(input)).toEqual(expected);
  });
});

describe('sameRun', () => {
  const message = (runNumber: string | null, receivedAt: string) => ({ runNumber, receivedAt: at(receivedAt) });
  it.each<[string, ReturnType<typeof message>, ReturnType<typeof message>, boolean]>([
    [
      'the same run number, weeks apart',
      message('7', '2025-12-01T10:00:00Z'),
      message(' 7 ', '2026-01-08T10:00:00Z'),
      true,
    ],
    [
      'different run numbers, minutes apart',
      message('7', '2026-01-08T10:00:00Z'),
      message('8', '2026-01-08T10:05:00Z'),
      false,
    ],
    [
      'no run number on one, within the window',
      message('7', '2026-01-08T10:00:00Z'),
      message(null, '2026-01-15T09:59:00Z'),
      true,
    ],
    [
      'no run number on one, beyond the window',
      message('7', '2026-01-08T10:00:00Z'),
      message(null, '2026-01-15T10:01:00Z'),
      false,
    ],
    [
      'no run number on either, within the window',
      message(null, '2026-01-08T10:00:00Z'),
      message('', '2026-01-08T09:00:00Z'),
      true,
    ],
  ])('%s', (_, a, b, expected) => {
    expect(sameRun(a, b)).toBe(expected);
  });
});
