/** The answer of POST /opplasting/fil for one file, shown in the upload page's result list. */
import type { UploadOutcome } from '@/lib/ingest/labels';

export interface UploadResult {
  outcome: UploadOutcome;
  /** Norwegian; a rejection adds the reader's explanation (English, never quoting the document). */
  message: string;
  code?: string;
}
