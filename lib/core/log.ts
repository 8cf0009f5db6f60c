/**
 * Server-side logging of unexpected failures: one line with the request id, where it happened and
 * the error, so a generic answer to the user can be traced. Callers never pass document content.
 */
export function logUnexpectedError(requestId: string, where: string, error: unknown): void {
  console.error(`[${requestId}] ${where} failed:`, error);
}
