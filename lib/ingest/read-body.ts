/**
 * Reads a request body up to a byte limit, stopping as soon as it is exceeded (a declared
 * Content-Length over the limit is refused without reading), so an oversized body is answered 413
 * before anything parses it.
 */
export type BodyReading = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'TOO_LARGE' };

export async function readBodyWithLimit(request: Request, maxBytes: number): Promise<BodyReading> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, reason: 'TOO_LARGE' };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return { ok: false, reason: 'TOO_LARGE' };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
