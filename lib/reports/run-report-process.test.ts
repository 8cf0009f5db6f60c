import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '@/lib/access/rules/actor';
import { db } from '@/lib/db';
import { recordTestDelivery } from '@/lib/db/testing/deliveries';
import { buildWeeklyReport } from './data/build';
import { renderWeeklyReportFiles } from './files';
import { REPORT_PROCESS_SCRIPT, runReportProcess } from './run-report-process';

const WEEK = '2026-01-12';

describe('the report process', () => {
  beforeAll(async () => {
    await recordTestDelivery(db(), {
      seasonKey: '2025',
      msgId: 'oslo',
      municipality: '0301',
      receivedAt: '2026-01-13T09:00:00+01:00',
      apprec: 'OK',
    });
    await recordTestDelivery(db(), {
      seasonKey: '2025',
      msgId: 'bergen',
      municipality: '4601',
      receivedAt: '2026-01-14T09:00:00+01:00',
      apprec: 'REJECTED',
    });
  });

  it('never loads Prisma', async () => {
    const bundle = await readFile(REPORT_PROCESS_SCRIPT, 'utf8');
    const imports = [...bundle.matchAll(/^import .*? from "([^"]+)";$|^import "([^"]+)";$/gm)].map(
      (match) => match[1] ?? match[2],
    );
    expect(imports).toContain('pg');
    expect(imports.filter((name) => /prisma/i.test(name!))).toEqual([]);
    expect(bundle).not.toMatch(/PrismaClient|generated\/client/);
  });

  // Each run of the process builds and renders a whole report (some 2 s on a quiet machine, 20 s and
  // more on a busy one), so one run answers both what it builds and which season it takes by default.
  it('builds the same report and the same bytes as the app would, of the latest annual season when none is named, and says what it took', async () => {
    const built = (await runReportProcess({ weekStart: WEEK }))!;
    expect(built.report.snapshot.season.key).toBe('2025');
    const report = (await buildWeeklyReport(systemActor('weekly-report'), { seasonKey: '2025', weekStart: WEEK }))!;
    expect(built.report).toEqual(report);
    expect(built.report.snapshot.municipalities).toHaveLength(357);
    expect(built.files.map((file) => [file.format, file.sha256])).toEqual(
      (await renderWeeklyReportFiles(report)).map((file) => [file.format, file.sha256]),
    );
    expect(Buffer.isBuffer(built.files[0]!.content)).toBe(true);
    expect(built.figures).toEqual({
      buildMs: expect.any(Number),
      xlsxMs: expect.any(Number),
      csvMs: expect.any(Number),
      pdfMs: expect.any(Number),
      peakMemory: expect.any(Number),
    });
  });

  it('answers null for a season that does not exist', async () => {
    expect(await runReportProcess({ seasonKey: '1999', weekStart: WEEK })).toBeNull();
  });

  it('says why when it fails', async () => {
    await expect(runReportProcess({ seasonKey: '2025', weekStart: 'not a week' })).rejects.toThrow(
      /^The report process failed: .+/,
    );
  });
});
