/**
 * Which municipality a message belongs to, and how that was decided: nothing is stored silently
 * without one. A KPR_IPL always names it (iiKomnr; ingestion refuses one that names none it knows).
 * A KPR_IDE's format is not public (domain.md §8), so it is attributed, in this order:
 *
 * 1. PAYLOAD: its payload names a valid municipality in a known shape (readers/iplos.ts).
 * 2. SENDER: its MsgHead sender is known from KPR_IPLs received before it that named their
 *    municipality in the payload: the same HER-id, or the same organisation number. Only when they
 *    all name one municipality; a sender that has sent for several (a shared EPJ host) decides nothing.
 * 3. RUN: the KPR_IPL of the same run. A run is the KPR_IPL and KPR_IDE a sender ships for one
 *    delivery: the same sender (HER-id or organisation number), the same environment and season,
 *    and the same run number (iiLopenr) when both carry one; when either has none, received within
 *    RUN_WINDOW_HOURS of each other (the status engine's pairing window). Only when those KPR_IPLs
 *    name one municipality. Sender and run number together are what a sending system keeps
 *    constant for one delivery; names and message ids are not.
 * 4. UNATTRIBUTED, with the reason: listed for FHI on "Uten kommune", who may assign it.
 *
 * A KPR_IDE that arrives before its KPR_IPL is attributed (SENDER or RUN) when the KPR_IPL arrives,
 * counting from then. Pure: the candidates are read by lib/ingest/data/attribution.ts.
 */

/** The status engine's pairing window (lib/status/rules/rules.ts, pairingWindowHours). */
export const RUN_WINDOW_HOURS = 7 * 24;

export type AttributionMethod = 'PAYLOAD' | 'SENDER' | 'RUN' | 'ASSIGNED' | 'UNATTRIBUTED';

export const UNATTRIBUTED_REASONS = [
  'NO_MUNICIPALITY_IN_PAYLOAD',
  'MUNICIPALITY_NUMBER_UNKNOWN',
  'MUNICIPALITY_NUMBER_CONFLICTING',
  'SENDER_SERVES_SEVERAL',
] as const;
export type UnattributedReason = (typeof UNATTRIBUTED_REASONS)[number];

/** A KPR_IPL the attribution may learn from: the municipality its payload named, and its MsgId. */
export interface AttributionCandidate {
  municipalityNumber: string;
  msgId: string;
  receivedAt: Date;
}

export interface AttributionInput {
  /** What the payload said: a valid municipality (after renumbering), an unknown number, two numbers, or nothing. */
  payload:
    { kind: 'VALID'; municipalityNumber: string } | { kind: 'UNKNOWN' } | { kind: 'CONFLICTING' } | { kind: 'NONE' };
  /** Earlier KPR_IPLs of the same sender (HER-id or organisation number). */
  sender: readonly AttributionCandidate[];
  /** KPR_IPLs of the same run (see above). */
  run: readonly AttributionCandidate[];
}

export type Attribution =
  | { method: 'PAYLOAD'; municipalityNumber: string; fromMsgId: null; reason: null }
  | { method: 'SENDER' | 'RUN'; municipalityNumber: string; fromMsgId: string; reason: null }
  | { method: 'UNATTRIBUTED'; municipalityNumber: null; fromMsgId: null; reason: UnattributedReason };

/** The one municipality the candidates name (with the latest candidate naming it), or null when none or several. */
function single(candidates: readonly AttributionCandidate[]): AttributionCandidate | null {
  const numbers = new Set(candidates.map((candidate) => candidate.municipalityNumber));
  if (numbers.size !== 1) return null;
  return [...candidates].sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime())[0]!;
}

export function attributeMessage(input: AttributionInput): Attribution {
  if (input.payload.kind === 'VALID')
    return { method: 'PAYLOAD', municipalityNumber: input.payload.municipalityNumber, fromMsgId: null, reason: null };
  const bySender = single(input.sender);
  if (bySender)
    return {
      method: 'SENDER',
      municipalityNumber: bySender.municipalityNumber,
      fromMsgId: bySender.msgId,
      reason: null,
    };
  const byRun = single(input.run);
  if (byRun)
    return { method: 'RUN', municipalityNumber: byRun.municipalityNumber, fromMsgId: byRun.msgId, reason: null };
  const reason: UnattributedReason =
    input.payload.kind === 'UNKNOWN'
      ? 'MUNICIPALITY_NUMBER_UNKNOWN'
      : input.payload.kind === 'CONFLICTING'
        ? 'MUNICIPALITY_NUMBER_CONFLICTING'
        : new Set(input.sender.map((candidate) => candidate.municipalityNumber)).size > 1
          ? 'SENDER_SERVES_SEVERAL'
          : 'NO_MUNICIPALITY_IN_PAYLOAD';
  return { method: 'UNATTRIBUTED', municipalityNumber: null, fromMsgId: null, reason };
}

/** Whether a KPR_IPL and a KPR_IDE of one sender, environment and season are of one run (rule 3 above). */
export function sameRun(
  ipl: { runNumber: string | null; receivedAt: Date },
  ide: { runNumber: string | null; receivedAt: Date },
): boolean {
  const iplRun = ipl.runNumber?.trim() || null;
  const ideRun = ide.runNumber?.trim() || null;
  if (iplRun !== null && ideRun !== null) return iplRun === ideRun;
  return Math.abs(ipl.receivedAt.getTime() - ide.receivedAt.getTime()) <= RUN_WINDOW_HOURS * 3_600_000;
}
