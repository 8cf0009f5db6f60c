import { describe, expect, it } from 'vitest';
import { readBodyWithLimit } from './read-body';

function streamed(parts: string[]): Request {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      controller.close();
    },
  });
  return new Request('http://localhost/', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

describe('readBodyWithLimit', () => {
  it('reads a body within the limit', async () => {
    const result = await readBodyWithLimit(streamed(['<a>', '</a>']), 7);
    expect(result.ok && new TextDecoder().decode(result.bytes)).toBe('<a></a>');
  });

  it('stops at the first chunk over the limit', async () => {
    expect(await readBodyWithLimit(streamed(['<a>', '</a>', 'x'.repeat(1000)]), 7)).toEqual({
      ok: false,
      reason: 'TOO_LARGE',
    });
  });

  it('refuses a declared Content-Length over the limit without reading', async () => {
    const request = new Request('http://localhost/', {
      method: 'POST',
      body: 'x'.repeat(100),
      headers: { 'content-length': '100' },
    });
    expect(await readBodyWithLimit(request, 10)).toEqual({ ok: false, reason: 'TOO_LARGE' });
  });
});
