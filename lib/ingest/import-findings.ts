/**
 * Findings from FHI's validation (POST /api/v1/findings and the staff upload), as JSON or CSV:
 * every row validated, every reference (municipality, season, MsgId) resolved, then all rows
 * written in one transaction — or none. Idempotent on a client-supplied key: the same key with the
 * same body answers the first import again; with another body, 409.
 */
import 'server-only';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Actor } from '@/lib/access';
import { recordIngestAudit } from './data/audit';
import {
  findFindingsImport,
  findMessageIds,
  type StoredFindingsImport,
  writeFindingsImport,
} from './data/findings-import';
import { loadIngestReference } from './data/reference';
import { sha256Hex } from './ingest-document';
import { resolveMunicipalityNumber } from './rules/checks';

export const MAX_FINDINGS_PER_IMPORT = 10_000;
const MAX_REPORTED_PROBLEMS = 10;

const findingRowSchema = z.object({
  municipality: z
    .string()
    .trim()
    .regex(/^\d{4}$/, 'must be a four-digit municipality number'),
  season: z.string().trim().min(1).max(40),
  msgId: z.string().trim().max(200).optional(),
  code: z.string().trim().min(1).max(100),
  severity: z.enum(['ERROR', 'WARNING', 'INFO']),
  message: z.string().trim().min(1).max(2000),
  count: z.coerce.number().int().min(1).max(10_000_000).default(1),
});
const findingRowsSchema = z
  .array(findingRowSchema)
  .min(1, 'at least one finding is required')
  .max(MAX_FINDINGS_PER_IMPORT);
export type FindingInputRow = z.infer<typeof findingRowSchema>;

export type FindingsFormat = 'json' | 'csv';

export interface FindingsImportOptions {
  format: FindingsFormat;
  /** The client's idempotency key. */
  key: string;
}

export interface FindingsImportSummary {
  importId: string;
  findings: number;
  municipalities: string[];
}

export type FindingsImportResult =
  | { ok: true; duplicate: boolean; summary: FindingsImportSummary }
  | {
      ok: false;
      status: 400 | 409 | 422;
      code: 'BODY_INVALID' | 'VALIDATION_FAILED' | 'IDEMPOTENCY_KEY_CONFLICT';
      message: string;
    };

export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(8)
  .max(200)
  .regex(/^[\x21-\x7e]+$/);

/** Imports the findings of `body` for `actor` (an FHI API key or person), audited either way. */
export async function importFindings(
  actor: Actor,
  body: Uint8Array,
  options: FindingsImportOptions,
): Promise<FindingsImportResult> {
  const result = await importParsed(actor, body, options);
  await recordIngestAudit(actor, {
    action: 'ingest.findings',
    outcome: result.ok ? 'SUCCESS' : 'FAILURE',
    details: result.ok
      ? {
          importId: result.summary.importId,
          findings: result.summary.findings,
          duplicate: result.duplicate,
          format: options.format,
        }
      : { code: result.code, format: options.format },
  });
  return result;
}

async function importParsed(
  actor: Actor,
  body: Uint8Array,
  options: FindingsImportOptions,
): Promise<FindingsImportResult> {
  const bodySha256 = sha256Hex(body);
  const existing = await findFindingsImport(actor, options.key);
  if (existing) return previousImport(existing, bodySha256);

  const records = parseRecords(body, options.format);
  if (records === null) {
    return {
      ok: false,
      status: 400,
      code: 'BODY_INVALID',
      message:
        options.format === 'json'
          ? 'The body must be JSON: { "findings": [ { municipality, season, msgId?, code, severity, message, count? } ] }.'
          : 'The body must be CSV with a header row: municipality,season,msgId,code,severity,message,count.',
    };
  }
  const parsed = findingRowsSchema.safeParse(records);
  if (!parsed.success)
    return validationFailed(parsed.error.issues.map((issue) => `${issuePath(issue.path)}: ${issue.message}`));

  const reference = await loadIngestReference(actor);
  const rows = parsed.data;
  const messageIds = await findMessageIds(actor, [...new Set(rows.flatMap((row) => (row.msgId ? [row.msgId] : [])))]);
  const seasons = new Map(reference.seasons.map((s) => [s.key, s.id]));
  const problems: string[] = [];
  const findings = rows.map((row, index) => {
    const municipalityNumber = resolveMunicipalityNumber(row.municipality, reference.municipalities).number;
    const seasonId = seasons.get(row.season);
    const messageId = row.msgId ? messageIds.get(row.msgId) : undefined;
    if (municipalityNumber === null) problems.push(`row ${index + 1}: municipality is not a valid municipality number`);
    if (seasonId === undefined)
      problems.push(`row ${index + 1}: season is not a known season key (${[...seasons.keys()].join(', ')})`);
    if (row.msgId && messageId === undefined) problems.push(`row ${index + 1}: msgId names no message received`);
    return {
      seasonId: seasonId ?? '',
      municipalityNumber: municipalityNumber ?? '',
      messageId: messageId ?? null,
      code: row.code,
      severity: row.severity,
      message: row.message,
      count: row.count,
    };
  });
  if (problems.length > 0) return validationFailed(problems);

  const written = await writeFindingsImport(actor, options.key, bodySha256, findings, new Date());
  // A concurrent request with the same key won the insert: answer as it did.
  if (!written.created) return previousImport(written.existing, bodySha256);
  return {
    ok: true,
    duplicate: false,
    summary: {
      importId: written.importId,
      findings: findings.length,
      municipalities: distinctSorted(findings.map((f) => f.municipalityNumber)),
    },
  };
}

/** The answer to a key used before: the same body is a duplicate of that import, another body a conflict. */
function previousImport(existing: StoredFindingsImport, bodySha256: string): FindingsImportResult {
  if (existing.bodySha256 !== bodySha256) {
    return {
      ok: false,
      status: 409,
      code: 'IDEMPOTENCY_KEY_CONFLICT',
      message: 'This Idempotency-Key was used for a different body. Use a new key for new content.',
    };
  }
  return {
    ok: true,
    duplicate: true,
    summary: {
      importId: existing.id,
      findings: existing.municipalityNumbers.length,
      municipalities: distinctSorted(existing.municipalityNumbers),
    },
  };
}

function parseRecords(body: Uint8Array, format: FindingsFormat): unknown {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(body);
  try {
    if (format === 'json') {
      const json: unknown = JSON.parse(text);
      return typeof json === 'object' && json !== null && 'findings' in json ? json.findings : null;
    }
    const records: Array<Record<string, string>> = parse(text, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
    // An empty optional column means "not given".
    return records.map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== '')));
  } catch {
    return null;
  }
}

function validationFailed(problems: string[]): FindingsImportResult {
  const shown = problems.slice(0, MAX_REPORTED_PROBLEMS).join('; ');
  const more = problems.length > MAX_REPORTED_PROBLEMS ? ` (and ${problems.length - MAX_REPORTED_PROBLEMS} more)` : '';
  return { ok: false, status: 422, code: 'VALIDATION_FAILED', message: `Nothing was imported. ${shown}${more}.` };
}

function issuePath(path: readonly PropertyKey[]): string {
  const [index, ...field] = path;
  return typeof index === 'number' ? `row ${index + 1}${field.length > 0 ? ` ${field.join('.')}` : ''}` : 'findings';
}

function distinctSorted(values: string[]): string[] {
  return [...new Set(values)].sort();
}
