/** What the consumer takes from an `_error` queue's message: NHN's application properties, and its time. */
import { describe, expect, it } from 'vitest';
import { transportErrorReport } from './transport-error';

const TAKEN = new Date('2026-01-05T10:30:00Z');

describe('transportErrorReport', () => {
  it('reads NHN’s application properties; the receiver’s timestamp is when it happened', () => {
    expect(
      transportErrorReport(
        '85217_error',
        {
          body: null,
          message_id: 'err-1',
          application_properties: {
            originalMessageId: 'msg-1',
            errorCondition: 'transport:expired-certificate',
            errorDescription: 'Invalid end date',
            receiverTimeStamp: '2026-01-05T10:05:00Z',
            fromHerId: 112374,
            toHerId: '85217',
          },
        },
        TAKEN,
      ),
    ).toEqual({
      messageId: 'err-1',
      originalMessageId: 'msg-1',
      errorCondition: 'transport:expired-certificate',
      errorDescription: 'Invalid end date',
      receiverTimeStamp: '2026-01-05T10:05:00Z',
      receivedAt: new Date('2026-01-05T10:05:00Z'),
      queue: '85217_error',
      fromHerId: 112374,
      toHerId: '85217',
    });
  });

  it('takes the properties whatever their case; without a usable time, the creation time or when it was taken', () => {
    const report = transportErrorReport(
      'q',
      {
        creation_time: new Date('2026-01-05T10:01:00Z'),
        application_properties: {
          OriginalMessageId: 'msg-2',
          ErrorCondition: 'abuse:spoofing-attack',
          receiverTimeStamp: 'nonsense',
        },
      },
      TAKEN,
    );
    expect(report).toMatchObject({
      originalMessageId: 'msg-2',
      errorCondition: 'abuse:spoofing-attack',
      receivedAt: new Date('2026-01-05T10:01:00Z'),
      messageId: null,
    });
    expect(transportErrorReport('q', {}, TAKEN)).toMatchObject({
      originalMessageId: null,
      errorCondition: null,
      receivedAt: TAKEN,
    });
  });
});
