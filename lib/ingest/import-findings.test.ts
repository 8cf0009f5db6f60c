import { describe, expect, it } from 'vitest';
import type { Viewer } from '@/lib/access';
import { db } from '@/lib/db';
import { type FindingsImportOptions, importFindings } from './import-findings';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** FHI's validation system's API key, as the route's authentication gives it. */
const VALIDATION: Viewer = {
  userId: null,
  apiKeyId: '0190a3c2-0000-7000-8000-000000000002',
  name: 'Validering',
  role: 'FHI_STAFF',
  municipalityNumbers: [],
  sessionId: null,
  requestId: 'test-request',
};
const options = (key: string, format: FindingsImportOptions['format'] = 'json'): FindingsImportOptions => ({
  format,
  key,
});
const json = (findings: unknown[]) => utf8(JSON.stringify({ findings }));
const ROW = {
  municipality: '4601',
  season: '2025',
  code: 'V-101',
  severity: 'ERROR',
  message: 'Manglende vedtaksdato',
  count: 3,
};

describe('importFindings', () => {
  it('imports JSON rows once; the same key and body again is a duplicate, another body a conflict', async () => {
    const body = json([ROW, { ...ROW, municipality: '1507', code: 'V-102', severity: 'WARNING', count: undefined }]);
    const first = await importFindings(VALIDATION, body, options('import-key-0001'));
    expect(first).toMatchObject({
      ok: true,
      duplicate: false,
      summary: { findings: 2, municipalities: ['1508', '4601'] },
    });
    const again = await importFindings(VALIDATION, body, options('import-key-0001'));
    expect(again).toEqual({ ...first, duplicate: true });
    const other = await importFindings(VALIDATION, json([ROW]), options('import-key-0001'));
    expect(other).toMatchObject({ ok: false, status: 409, code: 'IDEMPOTENCY_KEY_CONFLICT' });
    expect(await db().finding.count({ where: { source: 'FHI_VALIDATION', code: { in: ['V-101', 'V-102'] } } })).toBe(2);
  });

  it('imports CSV with an empty optional msgId', async () => {
    const csv = 'municipality,season,msgId,code,severity,message,count\n0301,2025,,V-200,INFO,"Merknad, med komma",\n';
    const result = await importFindings(VALIDATION, utf8(csv), options('import-key-csv1', 'csv'));
    expect(result).toMatchObject({ ok: true, summary: { findings: 1, municipalities: ['0301'] } });
  });

  it('writes nothing when one row is wrong, and says which', async () => {
    const before = await db().finding.count();
    const result = await importFindings(
      VALIDATION,
      json([
        ROW,
        { ...ROW, municipality: '9999' },
        { ...ROW, severity: 'FATAL' },
        { ...ROW, msgId: 'no-such-message' },
      ]),
      options('import-key-bad1'),
    );
    expect(result).toMatchObject({ ok: false, status: 422, code: 'VALIDATION_FAILED' });
    expect(!result.ok && result.message).toContain('row 3 severity');
    const second = await importFindings(
      VALIDATION,
      json([ROW, { ...ROW, municipality: '9999' }, { ...ROW, msgId: 'no-such-message' }]),
      options('import-key-bad2'),
    );
    expect(!second.ok && second.message).toMatch(/row 2: municipality.*row 3: msgId/);
    expect(await db().finding.count()).toBe(before);
    expect(await db().findingImport.count({ where: { key: { in: ['import-key-bad1', 'import-key-bad2'] } } })).toBe(0);
    expect(await importFindings(VALIDATION, utf8('{"findings": '), options('import-key-bad3'))).toMatchObject({
      ok: false,
      status: 400,
    });
  });

  it('is idempotent under concurrent requests with one key', async () => {
    const body = json([{ ...ROW, code: 'V-300' }]);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => importFindings(VALIDATION, body, options('import-key-conc'))),
    );
    expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
    expect(await db().finding.count({ where: { code: 'V-300' } })).toBe(1);
  });
});
