/**
 * Brings a database up to date before the app serves from it: migrations applied and reference
 * data loaded. What else a start needs (the demo's key, people and data) the launcher adds after
 * this, through the capabilities (scripts/launch.ts).
 */
import { createPrismaClient } from './client';
import { loadReferenceData } from './reference-data';
import { applyMigrations } from './schema-engine';

export async function prepareDatabase(url: string, log: (line: string) => void = () => {}): Promise<void> {
  const applied = await applyMigrations(url);
  if (applied.length > 0) log(`Migrations applied: ${applied.join(', ')}`);
  const prisma = createPrismaClient(url, 2);
  try {
    await loadReferenceData(prisma);
  } finally {
    await prisma.$disconnect();
  }
}
