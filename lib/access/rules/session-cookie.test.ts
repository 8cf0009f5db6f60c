import { describe, expect, it } from 'vitest';
import { sessionIdReader } from './session-cookie';

/** A reader of the cookie that counts how often it had to decrypt. */
function counting(id: string | null) {
  const read = async () => {
    read.calls++;
    return id;
  };
  read.calls = 0;
  return read;
}

const cookie = (name: string, value: string) => ({ name, value });

describe('sessionIdReader', () => {
  it('decrypts a cookie once and answers the same cookie from memory', async () => {
    const sessionId = sessionIdReader();
    const read = counting('sid-1');
    const cookies = [cookie('theme', 'dark'), cookie('authjs.session-token', 'token-a')];
    expect(await sessionId(cookies, read)).toBe('sid-1');
    expect(await sessionId(cookies, read)).toBe('sid-1');
    expect(read.calls).toBe(1);
  });

  it('reads another cookie (another session, a renewed cookie) again', async () => {
    const sessionId = sessionIdReader();
    expect(await sessionId([cookie('authjs.session-token', 'token-a')], counting('sid-1'))).toBe('sid-1');
    const read = counting('sid-2');
    expect(await sessionId([cookie('__Secure-authjs.session-token', 'token-a')], read)).toBe('sid-2');
    expect(await sessionId([cookie('authjs.session-token', 'token-b')], read)).toBe('sid-2');
    expect(read.calls).toBe(2);
  });

  it('takes a cookie split in chunks as one, whatever order the chunks come in', async () => {
    const sessionId = sessionIdReader();
    const read = counting('sid-1');
    await sessionId([cookie('authjs.session-token.0', 'part-a'), cookie('authjs.session-token.1', 'part-b')], read);
    await sessionId([cookie('authjs.session-token.1', 'part-b'), cookie('authjs.session-token.0', 'part-a')], read);
    expect(read.calls).toBe(1);
    await sessionId([cookie('authjs.session-token.0', 'part-a'), cookie('authjs.session-token.1', 'part-c')], read);
    expect(read.calls).toBe(2);
  });

  it('answers null without a session cookie, without decrypting anything', async () => {
    const sessionId = sessionIdReader();
    const read = counting('sid-1');
    expect(await sessionId([], read)).toBeNull();
    expect(await sessionId([cookie('authjs.session-tokens', 'x'), cookie('authjs.csrf-token', 'y')], read)).toBeNull();
    expect(read.calls).toBe(0);
  });

  it('keeps no answer for a cookie without a session id: it is read again every time', async () => {
    const sessionId = sessionIdReader();
    const read = counting(null);
    const cookies = [cookie('authjs.session-token', 'expired-or-forged')];
    expect(await sessionId(cookies, read)).toBeNull();
    expect(await sessionId(cookies, read)).toBeNull();
    expect(read.calls).toBe(2);
  });

  it('forgets a cookie after the time to keep it, and the oldest when full', async () => {
    const quickly = sessionIdReader({ ttlMs: 1 });
    const read = counting('sid-1');
    await quickly([cookie('authjs.session-token', 'token-a')], read);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await quickly([cookie('authjs.session-token', 'token-a')], read);
    expect(read.calls).toBe(2);

    const small = sessionIdReader({ max: 2 });
    const counted = counting('sid');
    for (const token of ['a', 'b', 'c', 'a']) await small([cookie('authjs.session-token', token)], counted);
    expect(counted.calls).toBe(4);
  });
});
