/**
 * What is kept of a message's content: aggregates only, never a person or an identity number.
 * Written by the ingest reader (and the demo generator) into Message.contentSummary.
 */
import { z } from 'zod';

export const iplosContentSummarySchema = z.object({
  kind: z.literal('KPR_IPL'),
  /** Number of PERSON records. */
  persons: z.number().int().nonnegative(),
  /** Number of TJENESTE records per IPLOS service code (tjTjenType), keyed by the code as text. */
  servicesByCode: z.record(z.string(), z.number().int().nonnegative()),
  /** Organisation numbers (tjInstOrgnr, dgInstOrgnr) seen: distinct values checked and how many failed mod-11. */
  organisationNumbers: z.object({
    checked: z.number().int().nonnegative(),
    invalid: z.number().int().nonnegative(),
  }),
});
export type IplosContentSummary = z.infer<typeof iplosContentSummarySchema>;

export const identityContentSummarySchema = z.object({
  kind: z.literal('KPR_IDE'),
  /** Number of persons mapped in the identmelding. */
  persons: z.number().int().nonnegative(),
  /** Persons whose identity number or name marks them as test persons (counts only). */
  testPersons: z.number().int().nonnegative(),
});
export type IdentityContentSummary = z.infer<typeof identityContentSummarySchema>;

export const contentSummarySchema = z.discriminatedUnion('kind', [
  iplosContentSummarySchema,
  identityContentSummarySchema,
]);
export type ContentSummary = z.infer<typeof contentSummarySchema>;
