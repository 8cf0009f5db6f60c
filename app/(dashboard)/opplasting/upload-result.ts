/** The answer of POST /opplasting/fil for one file, shown in the upload page's result list. */
export interface UploadResult {
  outcome: 'created' | 'duplicate' | 'rejected' | 'failed';
  /** Norwegian; a rejection adds the reader's explanation (English, never quoting the document). */
  message: string;
  code?: string;
}
