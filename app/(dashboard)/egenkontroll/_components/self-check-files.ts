/**
 * The self-check's work on the chosen files, in the browser: reading each as a KPR_IPL, a KPR_IDE
 * or a problem to tell the contact, and running the pre-send checks on what was read. Nothing is
 * uploaded. A file name is shown with any national identity number in it masked.
 */
import { maskIdentityNumbers } from '@/lib/core/identity-masking';
import type { IdentityContentSummary } from '@/lib/core/content-summary';
import type { ReceiverEndpoint } from '@/lib/ingest/readers/msghead';
import { type CheckFinding, type MunicipalityReference, runDeliveryChecks } from '@/lib/ingest/rules/checks';
import type { SelfCheckContext, SelfCheckMunicipality } from '@/lib/ingest/rules/self-check';
import { ingestErrorText } from '@/lib/ingest/labels';
import { XmlReadError } from '@/lib/ingest/readers/errors';
import type { IplosContent } from '@/lib/ingest/readers/iplos';
import { readKprDocument } from '@/lib/ingest/readers/read-document';

interface ReadFile {
  fileName: string;
}
export type ReadIpl = ReadFile & IplosContent;
export type ReadIde = ReadFile & { summary: IdentityContentSummary };

export interface ReadFiles {
  /** The last KPR_IPL among the files, if any. */
  ipl: ReadIpl | null;
  /** The last KPR_IDE among the files, if any. */
  ide: ReadIde | null;
  /** What could not be used, one sentence per file. */
  problems: string[];
}

export async function readSelfCheckFiles(files: readonly File[], endpoints: ReceiverEndpoint[]): Promise<ReadFiles> {
  const read: ReadFiles = { ipl: null, ide: null, problems: [] };
  for (const file of files) {
    const fileName = maskIdentityNumbers(file.name);
    try {
      const document = readKprDocument(new Uint8Array(await file.arrayBuffer()), { endpoints });
      if (document.kind === 'KPR_IPL') read.ipl = { fileName, ...document.content };
      else if (document.kind === 'KPR_IDE') read.ide = { fileName, summary: document.content.summary };
      else
        read.problems.push(
          `${fileName}: dette er en applikasjonskvittering (Apprec), ikke en fagmelding eller identmelding.`,
        );
    } catch (error) {
      read.problems.push(
        error instanceof XmlReadError
          ? `${fileName}: filen kan ikke leses som KPR-melding. ${ingestErrorText(error.code, error.path)}`
          : `${fileName}: filen kan ikke leses.`,
      );
    }
  }
  return read;
}

/** The checks of §5 on the files read, against last year's delivery of `own` (the contact's municipality) if known. */
export function checkSelfCheckFiles(
  { ipl, ide }: Pick<ReadFiles, 'ipl' | 'ide'>,
  own: SelfCheckMunicipality | null,
  context: SelfCheckContext,
  municipalities: MunicipalityReference,
): CheckFinding[] {
  if (!ipl) return [];
  return runDeliveryChecks({
    header: ipl.header,
    summary: ipl.summary,
    identity: ide?.summary ?? null,
    season: context.season,
    municipalities,
    serviceCodes: context.serviceCodes,
    previousEpjSystem: own?.previousEpjSystem ?? null,
    lastYearServicesByCode: own?.lastYearServicesByCode ?? null,
  });
}
