/**
 * The shapes of the pre-submission self-check, shared by the server (lib/ingest/data/self-checks.ts)
 * and the browser panel that runs the checks (app/(dashboard)/egenkontroll): the context the page
 * hands the browser, and the summary a contact may save — header fields, aggregates and counts,
 * never a person or an identity number. Pure: no I/O.
 */
import { z } from 'zod';
import { identityContentSummarySchema, iplosContentSummarySchema } from '../../core/content-summary';
import type { ReceiverEndpoint } from '../readers/msghead';
import type { ServiceCodeReference } from './checks';

export interface SelfCheckMunicipality {
  number: string;
  name: string;
  /** servicesByCode of last season's latest production KPR_IPL, if any. */
  lastYearServicesByCode: Record<string, number> | null;
  /** iiSysID of the latest production KPR_IPL, if any. */
  previousEpjSystem: string | null;
  latestSelfCheck: SelfCheckSummary | null;
}

/** Everything the browser needs to run the checks; plain data, no personal data. */
export interface SelfCheckContext {
  season: { key: string; name: string; periodStart: string; periodEnd: string };
  endpoints: ReceiverEndpoint[];
  validMunicipalityNumbers: string[];
  renumbering: [string, string][];
  serviceCodes: ServiceCodeReference[];
  municipalities: SelfCheckMunicipality[];
}

export interface SelfCheckSummary {
  createdAt: Date;
  byName: string;
  errorCount: number;
  warningCount: number;
}

const headerText = z.string().trim().max(100).nullable();
export const selfCheckInputSchema = z.object({
  municipalityNumber: z.string().regex(/^\d{4}$/),
  header: z.object({
    municipalityNumberAsSent: z.string().trim().min(1).max(8),
    periodFrom: z.iso.date(),
    periodTo: z.iso.date(),
    epjSystem: headerText,
    epjVersion: headerText,
    runNumber: headerText,
  }),
  summary: iplosContentSummarySchema.refine(
    (s) => Object.keys(s.servicesByCode).length <= 100,
    'too many service codes',
  ),
  identity: identityContentSummarySchema.nullable(),
});
export type SelfCheckInput = z.infer<typeof selfCheckInputSchema>;
