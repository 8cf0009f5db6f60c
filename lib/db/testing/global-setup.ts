/**
 * vitest global setup: one PostgreSQL server for the run and a template database migrated from
 * empty with the reference data (see database.ts), and the weekly report's process bundled
 * (dist/report-process.mjs), which the report tests start.
 */
import type { TestProject } from 'vitest/node';
import { bundleReportProcess } from '../../../scripts/bundle-report-process';
import { env } from '../../core/env';
import { createPrismaClient } from '../client';
import { loadReferenceData } from '../reference-data';
import { applyMigrations } from '../schema-engine';
import { startPostgresServer } from '../throwaway';

export default async function setup(project: TestProject) {
  await bundleReportProcess();
  const server = await startPostgresServer(env.DATABASE_URL);
  const templateDatabase = `kpr_template_${process.pid}_${Date.now()}`;
  const url = await server.createDatabase(templateDatabase);
  await applyMigrations(url);
  const prisma = createPrismaClient(url, 2);
  try {
    await loadReferenceData(prisma);
  } finally {
    await prisma.$disconnect();
  }
  project.provide('postgresServerUrl', server.url);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    await server.dropDatabase(templateDatabase);
    await server.stop();
  };
}
