/**
 * The mail the browser tests' server sends. Without SMTP_URL the launcher (scripts/launch.ts) runs
 * the capture server and keeps each mail as an .eml file in the `mail` folder next to
 * EMBEDDED_POSTGRES_DIR; playwright.config.ts points that at a folder of the test run's own (the
 * test server's database is a throwaway one elsewhere, so nothing else lands there).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';

/** The test server's local state, one folder per port so that two test runs can share a machine. */
export function e2eDataDir(port: number | string): string {
  return path.resolve('.data', `e2e-${port}`);
}

/** Every mail captured since `since`, parsed, oldest first. */
export async function capturedMails(port: number | string, since: Date): Promise<ParsedMail[]> {
  const dir = path.join(e2eDataDir(port), 'mail');
  const files = (await readdir(dir).catch(() => [] as string[])).filter((file) => file.endsWith('.eml')).sort();
  const mails = await Promise.all(files.map(async (file) => simpleParser(await readFile(path.join(dir, file)))));
  return mails.filter((mail) => mail.date && mail.date.getTime() >= since.getTime() - 1000);
}
