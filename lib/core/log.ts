/**
 * Server-side logging: one line per event, every line masked for national identity numbers
 * (lib/core/identity-masking.ts) before it is printed, so a number inside an error's message (a
 * database error quoting a value, say) or a job's line never reaches the log. Unexpected failures
 * carry the request id, so a generic answer to the user can be traced. Callers never pass document
 * content. maskConsoleOutput, installed once per server process (instrumentation.ts), puts the same
 * mask in front of console itself, so what Next.js or a library logs is masked too.
 */
import { formatWithOptions } from 'node:util';
import { maskIdentityNumbers } from './identity-masking';

/** The parts formatted as console.log would (objects and errors inspected, no colours), then masked. */
export function formatLogLine(...parts: unknown[]): string {
  return maskIdentityNumbers(formatWithOptions({ colors: false, depth: 6 }, ...parts));
}

/** An informational line on standard output. */
export function logLine(...parts: unknown[]): void {
  console.log(formatLogLine(...parts));
}

/** An error line on standard error. */
export function logErrorLine(...parts: unknown[]): void {
  console.error(formatLogLine(...parts));
}

export function logUnexpectedError(requestId: string, where: string, error: unknown): void {
  logErrorLine(`[${requestId}] ${where} failed:`, error);
}

const MASKED_CONSOLE = Symbol.for('kpr.maskedConsole');
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/** Masks every line `target` (the process's console by default) prints from now on; installing it twice changes nothing. */
export function maskConsoleOutput(target: Console = console): void {
  const marked = target as Console & { [MASKED_CONSOLE]?: true };
  if (marked[MASKED_CONSOLE]) return;
  for (const method of CONSOLE_METHODS) {
    const original = target[method].bind(target);
    target[method] = (...parts: unknown[]) => original(formatLogLine(...parts));
  }
  marked[MASKED_CONSOLE] = true;
}
