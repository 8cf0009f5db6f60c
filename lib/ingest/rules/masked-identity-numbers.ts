/**
 * The finding that tells the municipality and FHI that a national identity number stood in a
 * header field of a received message (an organisation name, iiSysID, …) and was masked before it
 * was stored. It names the fields, never the number. Pure.
 */
import type { Severity } from '../../core/severity';
import { IDENTITY_NUMBER_MASKED_MESSAGE } from '../labels';

export const IDENTITY_NUMBER_MASKED = 'IDENTITY_NUMBER_MASKED';

export interface IdentityNumberMaskedFinding {
  code: typeof IDENTITY_NUMBER_MASKED;
  severity: Severity;
  /** Norwegian bokmål. */
  message: string;
  /** The number of fields a number was masked in. */
  count: number;
  /** The fields, as element paths (like CheckFinding's evidence: facts, no value from the document). */
  evidence: Readonly<Record<string, string | number | null>>;
}

/** One finding when `fields` (element paths, from the reader's IDENTITY_NUMBER_MASKED warning) is not empty. */
export function identityNumberMaskedFindings(fields: readonly string[]): IdentityNumberMaskedFinding[] {
  if (fields.length === 0) return [];
  return [
    {
      code: IDENTITY_NUMBER_MASKED,
      severity: 'WARNING',
      message: IDENTITY_NUMBER_MASKED_MESSAGE(fields),
      count: fields.length,
      evidence: { fields: fields.join(', ') },
    },
  ];
}
