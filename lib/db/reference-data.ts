/**
 * Loads the reference data in prisma/data (copied from the project's sources, see its SOURCES.md)
 * into the database. Idempotent: rows are inserted or brought up to date, never duplicated.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { dailyRulesSchema } from '@/lib/daily/rules/config';
import type { PrismaClient } from './client';
import { Prisma } from './generated/client';

const DATA_DIR = path.resolve('prisma/data');
/** The 2024 county and municipality structure, unchanged through 2025. */
const STRUCTURE_VALID_FROM = '2024-01-01';

async function readCsv<T>(file: string, row: z.ZodType<T>): Promise<T[]> {
  const records: unknown[] = parse(await readFile(path.join(DATA_DIR, file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  });
  return records.map((record, index) => {
    const parsed = row.safeParse(record);
    if (!parsed.success) throw new Error(`${file} row ${index + 2}: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  });
}

async function readJson<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  return schema.parse(JSON.parse(await readFile(path.join(DATA_DIR, file), 'utf8')));
}

const countyRow = z.object({
  fylkesnummer: z.string().regex(/^\d{2}$/),
  fylkesnavn: z.string().min(1),
  new_in_2024_split_from: z.string(),
});
const municipalityRow = z.object({
  kommunenummer: z.string().regex(/^\d{4}$/),
  kommunenavn_klass_2026_01_01: z.string().min(1),
  kortnavn: z.string().min(1),
  fylkesnummer: z.string().regex(/^\d{2}$/),
});
const renumberingRow = z.object({
  code_2020_2023: z.string().regex(/^\d{4}$/),
  name_2020_2023: z.string().min(1),
  code_2024: z.string().regex(/^\d{4}$/),
  note: z.string(),
});
const serviceCodeRow = z.object({
  code: z.coerce.number().int().positive(),
  current_name: z.string().min(1),
  older_name_if_different: z.string(),
  group: z.string().min(1),
  status_for_2025_annual_data: z.string().min(1),
  welfare_technology: z.enum(['yes', '']),
});
const codeListsFile = z.record(z.string(), z.unknown());
const endpointsFile = z.object({
  endpoints: z.array(
    z.object({
      herId: z.number().int().positive(),
      name: z.string(),
      level: z.number().int(),
      parentHerId: z.number().int().nullable(),
      environment: z.enum(['PRODUCTION', 'VALIDATION']).nullable(),
    }),
  ),
});
const seasonsFile = z.object({
  seasons: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      kind: z.enum(['ANNUAL', 'DAILY']),
      periodStart: z.iso.date(),
      periodEnd: z.iso.date(),
      opensAt: z.iso.datetime({ offset: true }),
      deadline: z.iso.datetime({ offset: true }),
      apprecOverdueHours: z.number().int().positive(),
      extensionAdviceWorkingDays: z.number().int().nonnegative(),
      extensionPendingAlertWorkingDays: z.number().int().nonnegative(),
      dailyRules: dailyRulesSchema.optional(),
    }),
  ),
});

/** Expired codes are named "(EXPIRED)" in the source and replaced from 2019 data ("expired from 2019"). */
function serviceCodeValidity(
  status: string,
  name: string,
): { validFromYear: number | null; validToYear: number | null; name: string } {
  const cleanName = name.replace(/\s*\(EXPIRED\)$/, '');
  if (status.startsWith('expired')) return { validFromYear: null, validToYear: 2018, name: cleanName };
  const newFrom = /new for (\d{4}) data/.exec(status);
  return { validFromYear: newFrom ? Number(newFrom[1]) : null, validToYear: null, name: cleanName };
}

/** Code systems in apprec-msghead-codes.json are the keys that start with the code system's number. */
function codeListEntries(file: Record<string, unknown>): { codeSystem: string; code: string; name: string }[] {
  return Object.entries(file).flatMap(([key, value]) => {
    const system = /^(\d{4})_/.exec(key)?.[1];
    if (!system || typeof value !== 'object' || value === null) return [];
    return Object.entries(value as Record<string, unknown>)
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .map(([code, name]) => ({ codeSystem: system, code, name }));
  });
}

export interface ReferenceDataCounts {
  counties: number;
  municipalities: number;
  renumberings: number;
  serviceCodes: number;
  codeListEntries: number;
  endpoints: number;
  seasons: number;
}

/** The reference files in prisma/data, validated and mapped to the shapes the database (and the checks) use. */
export async function readReferenceFiles() {
  const [counties, municipalities, renumberings, serviceCodeRows, codeLists, endpoints, seasons] = await Promise.all([
    readCsv('fylker-2025.csv', countyRow),
    readCsv('kommuner-2025.csv', municipalityRow),
    readCsv('kommune-renumbering-2024.csv', renumberingRow),
    readCsv('iplos-tjenestekoder.csv', serviceCodeRow),
    readJson('apprec-msghead-codes.json', codeListsFile),
    readJson('endpoints.json', endpointsFile),
    readJson('seasons.json', seasonsFile),
  ]);
  const serviceCodes = serviceCodeRows.map((row) => {
    const validity = serviceCodeValidity(row.status_for_2025_annual_data, row.current_name);
    return {
      code: row.code,
      name: validity.name,
      olderName: row.older_name_if_different,
      group: row.group,
      validFromYear: validity.validFromYear,
      validToYear: validity.validToYear,
      welfareTechnology: row.welfare_technology === 'yes',
      statusNote: row.status_for_2025_annual_data,
    };
  });
  return {
    counties,
    municipalities,
    renumberings,
    serviceCodes,
    codeListEntries: codeListEntries(codeLists),
    endpoints: endpoints.endpoints,
    seasons: seasons.seasons,
  };
}

export async function loadReferenceData(prisma: PrismaClient): Promise<ReferenceDataCounts> {
  const {
    counties,
    municipalities,
    renumberings,
    serviceCodes,
    codeListEntries: codes,
    endpoints,
    seasons,
  } = await readReferenceFiles();
  const validFrom = new Date(`${STRUCTURE_VALID_FROM}T00:00:00Z`);

  // One statement per table: the rows go in as one JSON parameter (fast on every start).
  await prisma.$transaction([
    prisma.$executeRaw`
      INSERT INTO county (number, name, split_from, valid_from)
      SELECT r.number, r.name, NULLIF(r.split_from, ''), ${validFrom}::date
      FROM json_to_recordset(${JSON.stringify(counties.map((c) => ({ number: c.fylkesnummer, name: c.fylkesnavn, split_from: c.new_in_2024_split_from })))}::json)
        AS r(number text, name text, split_from text)
      ON CONFLICT (number) DO UPDATE SET name = EXCLUDED.name, split_from = EXCLUDED.split_from, valid_from = EXCLUDED.valid_from`,
    prisma.$executeRaw`
      INSERT INTO municipality (number, name, short_name, county_number, valid_from)
      SELECT r.number, r.name, r.short_name, r.county_number, ${validFrom}::date
      FROM json_to_recordset(${JSON.stringify(municipalities.map((m) => ({ number: m.kommunenummer, name: m.kommunenavn_klass_2026_01_01, short_name: m.kortnavn, county_number: m.fylkesnummer })))}::json)
        AS r(number text, name text, short_name text, county_number text)
      ON CONFLICT (number) DO UPDATE SET name = EXCLUDED.name, short_name = EXCLUDED.short_name,
        county_number = EXCLUDED.county_number, valid_from = EXCLUDED.valid_from`,
    prisma.$executeRaw`
      INSERT INTO municipality_renumbering (old_number, old_name, new_number, valid_from, note)
      SELECT r.old_number, r.old_name, r.new_number, ${validFrom}::date, NULLIF(r.note, '')
      FROM json_to_recordset(${JSON.stringify(renumberings.map((r) => ({ old_number: r.code_2020_2023, old_name: r.name_2020_2023, new_number: r.code_2024, note: r.note })))}::json)
        AS r(old_number text, old_name text, new_number text, note text)
      ON CONFLICT (old_number) DO UPDATE SET old_name = EXCLUDED.old_name, new_number = EXCLUDED.new_number, note = EXCLUDED.note`,
    prisma.$executeRaw`
      INSERT INTO service_code (code, name, older_name, "group", valid_from_year, valid_to_year, welfare_technology, status_note)
      SELECT r.code, r.name, NULLIF(r.older_name, ''), r.grp, r.valid_from_year, r.valid_to_year, r.welfare_technology, r.status_note
      FROM json_to_recordset(${JSON.stringify(
        serviceCodes.map((s) => ({
          code: s.code,
          name: s.name,
          older_name: s.olderName,
          grp: s.group,
          valid_from_year: s.validFromYear,
          valid_to_year: s.validToYear,
          welfare_technology: s.welfareTechnology,
          status_note: s.statusNote,
        })),
      )}::json)
        AS r(code int, name text, older_name text, grp text, valid_from_year int, valid_to_year int, welfare_technology boolean, status_note text)
      ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, older_name = EXCLUDED.older_name, "group" = EXCLUDED."group",
        valid_from_year = EXCLUDED.valid_from_year, valid_to_year = EXCLUDED.valid_to_year,
        welfare_technology = EXCLUDED.welfare_technology, status_note = EXCLUDED.status_note`,
    prisma.$executeRaw`
      INSERT INTO code_list_entry (code_system, code, name)
      SELECT r.code_system, r.code, r.name
      FROM json_to_recordset(${JSON.stringify(codes.map((c) => ({ code_system: c.codeSystem, code: c.code, name: c.name })))}::json)
        AS r(code_system text, code text, name text)
      ON CONFLICT (code_system, code) DO UPDATE SET name = EXCLUDED.name`,
    prisma.$executeRaw`
      INSERT INTO endpoint (her_id, name, level, parent_her_id, environment)
      SELECT r.her_id, r.name, r.level, r.parent_her_id, r.environment::"Environment"
      FROM json_to_recordset(${JSON.stringify(endpoints.map((e) => ({ her_id: e.herId, name: e.name, level: e.level, parent_her_id: e.parentHerId, environment: e.environment })))}::json)
        AS r(her_id int, name text, level int, parent_her_id int, environment text)
      ON CONFLICT (her_id) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level,
        parent_her_id = EXCLUDED.parent_her_id, environment = EXCLUDED.environment`,
    ...seasons.map((season) => {
      const data = {
        name: season.name,
        kind: season.kind,
        periodStart: new Date(`${season.periodStart}T00:00:00Z`),
        periodEnd: new Date(`${season.periodEnd}T00:00:00Z`),
        opensAt: new Date(season.opensAt),
        deadline: new Date(season.deadline),
        apprecOverdueHours: season.apprecOverdueHours,
        extensionAdviceWorkingDays: season.extensionAdviceWorkingDays,
        extensionPendingAlertWorkingDays: season.extensionPendingAlertWorkingDays,
        dailyRules: season.dailyRules ?? Prisma.DbNull,
      };
      return prisma.season.upsert({ where: { key: season.key }, create: { key: season.key, ...data }, update: data });
    }),
  ]);

  return {
    counties: counties.length,
    municipalities: municipalities.length,
    renumberings: renumberings.length,
    serviceCodes: serviceCodes.length,
    codeListEntries: codes.length,
    endpoints: endpoints.length,
    seasons: seasons.length,
  };
}
