/**
 * Pairing messages into deliveries. A delivery is the KPR_IPL (fagmelding) and the KPR_IDE
 * (identmelding) of one run; either may be missing.
 *
 * The rule, applied to the messages of one environment:
 * 1. Messages with a run number (iiLopenr) are grouped by it. A group's KPR_IPL is its latest
 *    received KPR_IPL, its KPR_IDE likewise; earlier ones of the same type are superseded resends.
 * 2. A message without a run number forms a delivery of its own.
 * 3. A delivery that has a KPR_IPL but no KPR_IDE and a delivery that has only a KPR_IDE are merged
 *    when at most one of them carries a run number (two different run numbers never pair) and they
 *    were received at most `pairingWindowHours` apart. Closest pairs are merged first, so a resend
 *    pairs with its own KPR_IDE rather than with the one of the run before.
 *
 * Deliveries are returned oldest first, ordered by `sentAt`: when the last of its messages arrived.
 */
import type { MessageInput } from './types';

export interface Delivery {
  runNumber: string | null;
  ipl: MessageInput | null;
  ide: MessageInput | null;
  /** When the last of its messages was received. */
  sentAt: Date;
}

/** Oldest first; ties broken by msgId so the order never depends on the input's. */
export function byReceivedAt(a: MessageInput, b: MessageInput): number {
  return a.receivedAt.getTime() - b.receivedAt.getTime() || (a.msgId < b.msgId ? -1 : a.msgId > b.msgId ? 1 : 0);
}

function delivery(runNumber: string | null, ipl: MessageInput | null, ide: MessageInput | null): Delivery {
  const times = [ipl, ide].flatMap((message) => (message ? [message.receivedAt.getTime()] : []));
  return { runNumber, ipl, ide, sentAt: new Date(Math.max(...times)) };
}

/** Pairs one environment's messages into deliveries (see the rule above); `messages` need not be sorted. */
export function pairDeliveries(messages: readonly MessageInput[], pairingWindowHours: number): Delivery[] {
  const sorted = [...messages].sort(byReceivedAt);
  const runs = new Map<string, { ipl: MessageInput | null; ide: MessageInput | null }>();
  const deliveries: Delivery[] = [];

  for (const message of sorted) {
    const runNumber = message.runNumber?.trim() || null;
    if (runNumber === null) {
      deliveries.push(message.type === 'KPR_IPL' ? delivery(null, message, null) : delivery(null, null, message));
      continue;
    }
    const run = runs.get(runNumber) ?? { ipl: null, ide: null };
    // Sorted input: a later message of the same type supersedes the earlier one.
    if (message.type === 'KPR_IPL') run.ipl = message;
    else run.ide = message;
    runs.set(runNumber, run);
  }
  for (const [runNumber, run] of runs) deliveries.push(delivery(runNumber, run.ipl, run.ide));

  const windowMs = pairingWindowHours * 3_600_000;
  const candidates: { iplOnly: Delivery; ipl: MessageInput; ideOnly: Delivery; distance: number }[] = [];
  for (const iplOnly of deliveries) {
    const ipl = iplOnly.ipl;
    if (!ipl || iplOnly.ide) continue;
    for (const ideOnly of deliveries) {
      if (!ideOnly.ide || ideOnly.ipl) continue;
      if (iplOnly.runNumber !== null && ideOnly.runNumber !== null) continue;
      const distance = Math.abs(ipl.receivedAt.getTime() - ideOnly.ide.receivedAt.getTime());
      if (distance <= windowMs) candidates.push({ iplOnly, ipl, ideOnly, distance });
    }
  }
  candidates.sort((a, b) => a.distance - b.distance || byReceivedAt(a.ipl, b.ipl));

  const merged = new Set<Delivery>();
  const result: Delivery[] = [];
  for (const { iplOnly, ideOnly } of candidates) {
    if (merged.has(iplOnly) || merged.has(ideOnly)) continue;
    merged.add(iplOnly).add(ideOnly);
    result.push(delivery(iplOnly.runNumber ?? ideOnly.runNumber, iplOnly.ipl, ideOnly.ide));
  }
  for (const single of deliveries) if (!merged.has(single)) result.push(single);

  const tieBreak = (d: Delivery) => (d.ipl ?? d.ide)?.msgId ?? '';
  return result.sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime() || tieBreak(a).localeCompare(tieBreak(b)));
}
