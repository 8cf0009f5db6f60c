// The EPJ patterns against a real database with the demo seeded: the vendor's waves the demo tells
// are found from the stored events alone, with exactly the municipalities the events show; FHI only.
import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonViewer as Viewer } from '@/lib/access/rules/actor';
import { osloDate } from '@/lib/core/calendar';
import { writeDemo } from '@/lib/demo';
import { db, sql } from '@/lib/db';
import { auditRowsDuring, createTestCast } from '@/lib/db/testing/viewers';
import { getEpjPatterns } from './data';

let staff: Viewer;
let oslo: Viewer;
/** The demo's annual clock is 20 January 2026; the daily season is told to the end of November. */
const ANNUAL_AS_OF = new Date('2026-01-20T12:00:00+01:00');
const DAILY_AS_OF = new Date('2026-11-30T12:00:00+01:00');

beforeAll(async () => {
  await writeDemo({ seed: 2025, dailyNow: DAILY_AS_OF });
  ({ staff, oslo } = await createTestCast('staff', 'oslo'));
});

describe('EPJ patterns of the demo', () => {
  it('finds the January wave of rejections on one version, listing exactly the municipalities the events show', async () => {
    const view = await getEpjPatterns(staff, {
      seasonKey: '2025',
      from: '2026-01-01',
      to: '2026-01-20',
      asOf: ANNUAL_AS_OF,
    });
    const waves = view!.result.patterns.filter(
      (pattern) => pattern.failure.kind === 'REJECTION' && pattern.group.level === 'VERSION',
    );
    expect(waves).toHaveLength(1);
    const [wave] = waves;
    expect(wave!.failure.code).toBe('T02');
    expect(wave!.groupShare.affected).toBeGreaterThanOrEqual(8);
    // Independently of the rules: the municipalities whose production fagmelding on that version
    // was rejected with T02 in the period, straight from the stored messages and Apprecs.
    const rows = await sql().query<{ number: string }>(
      `SELECT DISTINCT m.municipality_number AS number
       FROM message m JOIN season s ON s.id = m.season_id
       JOIN apprec a ON a.original_msg_id = m.msg_id AND a.status = 'REJECTED'
       JOIN apprec_error e ON e.apprec_id = a.id AND e.code = 'T02'
       WHERE s.key = '2025' AND m.type = 'KPR_IPL' AND m.environment = 'PRODUCTION'
         AND m.epj_system = $1 AND m.epj_version = $2
         AND a.received_at >= '2026-01-01T00:00:00+01:00' AND a.received_at <= $3
       ORDER BY 1`,
      [wave!.group.system, wave!.group.version, ANNUAL_AS_OF],
    );
    expect(wave!.affected.map((row) => row.number)).toEqual(rows.map((row) => row.number));
    expect(wave!.startedAt.toISOString() >= '2026-01-04T23:00:00.000Z').toBe(true);
    expect(view!.apprecErrorNames.T02).toBe('XML validerer ikke');
  });

  it('finds the October volume drop of one version in the daily season, and the September rejections of one vendor', async () => {
    const view = await getEpjPatterns(staff, { seasonKey: '2026-daglig', asOf: DAILY_AS_OF });
    const drops = view!.result.patterns.filter((pattern) => pattern.failure.kind === 'VOLUME_DROP');
    expect(drops.length).toBeGreaterThanOrEqual(1);
    const [drop] = drops;
    expect(drop!.startedAt.toISOString().slice(0, 7)).toBe('2026-10');
    // The group is the municipalities that sent on that version (the update); most of them dropped
    // (in a small municipality a day's few persons are too few to tell), and no one else is listed.
    const rows = await sql().query<{ number: string }>(
      `SELECT DISTINCT m.municipality_number AS number FROM message m JOIN season s ON s.id = m.season_id
       WHERE s.key = '2026-daglig' AND m.type = 'KPR_IPL' AND m.environment = 'PRODUCTION'
         AND m.epj_system = $1 AND m.epj_version = $2 AND m.received_at <= $3 ORDER BY 1`,
      [drop!.group.system, drop!.group.version, DAILY_AS_OF],
    );
    const onVersion = rows.map((row) => row.number);
    expect(drop!.groupShare.of).toBe(onVersion.length);
    expect(onVersion).toEqual(expect.arrayContaining(drop!.affected.map((row) => row.number)));
    expect(drop!.groupShare.affected * 2).toBeGreaterThan(onVersion.length);
    expect(drop!.groupShare.affected / drop!.groupShare.of).toBeGreaterThan((3 * drop!.rest.affected) / drop!.rest.of);
    // In September's period, one vendor's customers were rejected for a week.
    const september = await getEpjPatterns(staff, {
      seasonKey: '2026-daglig',
      from: '2026-09-01',
      to: '2026-09-30',
      asOf: DAILY_AS_OF,
    });
    const vendor = september!.result.patterns.filter(
      (pattern) => pattern.failure.kind === 'REJECTION' && pattern.group.level === 'SYSTEM',
    );
    expect(vendor.length).toBeGreaterThanOrEqual(1);
    expect(new Set(vendor.map((pattern) => pattern.group.system)).size).toBe(1);
    expect(vendor.map((pattern) => osloDate(pattern.startedAt))).toContain('2026-09-14');
  });

  it('refuses a municipal contact, as if the page did not exist, and audits it', async () => {
    const audit = await auditRowsDuring(db(), async () => {
      expect(await getEpjPatterns(oslo, { asOf: ANNUAL_AS_OF })).toBeNull();
    });
    expect(audit.map((row) => [row.action, row.outcome])).toEqual([['access.denied', 'DENIED']]);
  });

  it('answers an unknown season with null', async () => {
    expect(await getEpjPatterns(staff, { seasonKey: '1999', asOf: ANNUAL_AS_OF })).toBeNull();
  });
});
