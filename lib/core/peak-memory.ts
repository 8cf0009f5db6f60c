/**
 * This process's peak resident memory in bytes: its own high-water mark (VmHWM in
 * /proc/self/status), Linux only; null elsewhere. Not getrusage's maxRSS: on Linux a child's maxRSS
 * starts at the resident memory of the parent it was forked from.
 */
import { readFileSync } from 'node:fs';

export function peakMemory(): number | null {
  try {
    const kilobytes = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kilobytes ? Number(kilobytes) * 1024 : null;
  } catch {
    return null;
  }
}
