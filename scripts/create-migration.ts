/**
 * Creates the next migration from the change in prisma/schema.prisma, offline:
 *   npm run db:migration -- <name>
 * Prisma's schema engine (WebAssembly) replays the existing migrations on a shadow database and
 * writes the SQL that brings them up to the schema into prisma/migrations/<timestamp>_<name>/.
 * (The engine's own createMigration wants a shadow-database factory this build does not accept;
 * its diff from the migrations is the same computation.)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { env } from '../lib/core/env';
import { MIGRATIONS_DIR, pendingSchemaChange } from '../lib/db/schema-engine';
import { startPostgresServer } from '../lib/db/throwaway';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:migration -- <name>   (lower case letters, digits and _)');
  process.exit(2);
}

const server = await startPostgresServer(env.DATABASE_URL);
try {
  const script = await pendingSchemaChange(server.url);
  if (!script) {
    console.log('No change: prisma/schema.prisma matches the migrations.');
  } else {
    // Prisma's own naming: UTC timestamp, then the name.
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const folder = `${stamp}_${name}`;
    const dir = path.join(MIGRATIONS_DIR, folder);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'migration.sql'), `${script}\n`);
    console.log(`Created prisma/migrations/${folder}/migration.sql`);
  }
} finally {
  await server.stop();
}
