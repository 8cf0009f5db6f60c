import { describe, expect, it } from 'vitest';
import { bodyBytes, cleanApplicationProperties, cleanValue, sentAt, transportMetadata } from './amqp-message';

const text = (bytes: Uint8Array | null) => (bytes ? new TextDecoder().decode(bytes) : null);
const TAKEN = new Date('2026-01-09T10:00:00Z');

describe('bodyBytes', () => {
  it.each([
    ['a data section', { typecode: 0x75, content: Buffer.from('<a/>') }, '<a/>'],
    [
      'several data sections',
      { typecode: 0x75, multiple: true, content: [Buffer.from('<a>'), Buffer.from('</a>')] },
      '<a></a>',
    ],
    ['a string value', '<a/>', '<a/>'],
    ['a binary value', Buffer.from('<a/>'), '<a/>'],
    ['nothing', undefined, null],
    ['a number', 42, null],
    ['a map', { some: 'thing' }, null],
  ])('%s', (_, body, expected) => {
    expect(text(bodyBytes(body))).toBe(expected);
  });
});

describe('cleanValue', () => {
  it.each([
    ['a string', 'KPR_IPL', 'KPR_IPL'],
    ['a number', 122612, 122612],
    ['a boolean', true, true],
    ['a date', new Date('2026-01-08T13:10:00Z'), '2026-01-08T13:10:00.000Z'],
    ['nothing', undefined, null],
    ['a valid fødselsnummer', 'pasient 12814550026', '[fjernet: mulig fødselsnummer]'],
    ['eleven digits that are no identity number', '12345678901', '12345678901'],
    ['a long text, cut', 'x'.repeat(300), `${'x'.repeat(200)}…`],
  ])('%s', (_, value, expected) => {
    expect(cleanValue(value)).toEqual(expected);
  });
});

describe('transportMetadata', () => {
  it("keeps the AMQP properties, NHN's application properties and X-MessageInfo-*, and nothing else", () => {
    expect(
      transportMetadata('kpr_messages', {
        message_id: 'm-1',
        correlation_id: 'c-1',
        content_type: 'application/xml',
        application_properties: {
          fromHerId: 91235,
          toHerId: 122612,
          cpaId: 'cpa',
          applicationTimeStamp: '2026-01-08T13:10:00Z',
          'X-MessageInfo-MsgId': 'msg',
          somethingElse: 'not kept',
        },
      }),
    ).toEqual({
      queue: 'kpr_messages',
      messageId: 'm-1',
      correlationId: 'c-1',
      contentType: 'application/xml',
      fromHerId: 91235,
      toHerId: 122612,
      cpaId: 'cpa',
      applicationTimeStamp: '2026-01-08T13:10:00Z',
      'X-MessageInfo-MsgId': 'msg',
    });
  });

  it('keeps every application property of an intake error, cleaned', () => {
    expect(cleanApplicationProperties({ a: 1, b: 'pasient 12814550026' })).toEqual({
      a: 1,
      b: '[fjernet: mulig fødselsnummer]',
    });
  });
});

describe('sentAt', () => {
  it.each([
    [
      'applicationTimeStamp first',
      {
        application_properties: { applicationTimeStamp: '2026-01-08T13:10:00Z' },
        creation_time: new Date('2026-01-08T12:00:00Z'),
      },
      '2026-01-08T13:10:00.000Z',
    ],
    ['creation-time next', { creation_time: new Date('2026-01-08T12:00:00Z') }, '2026-01-08T12:00:00.000Z'],
    ['when taken without either', {}, TAKEN.toISOString()],
    ['not a date', { application_properties: { applicationTimeStamp: 'i går' } }, TAKEN.toISOString()],
    [
      'a Norwegian date as text, not read as 1 August',
      { application_properties: { applicationTimeStamp: '08.01.2026 13:10:00' } },
      TAKEN.toISOString(),
    ],
    [
      '.NET ticks precision and an offset',
      { application_properties: { applicationTimeStamp: '2026-01-08T13:10:00.1234567+01:00' } },
      '2026-01-08T12:10:00.123Z',
    ],
    ['more than a day ahead', { creation_time: new Date('2026-01-11T10:00:00Z') }, TAKEN.toISOString()],
    ['before 2000', { creation_time: new Date('1970-01-01T00:00:00Z') }, TAKEN.toISOString()],
  ])('%s', (_, message, expected) => {
    expect(sentAt(message, TAKEN).toISOString()).toBe(expected);
  });
});
