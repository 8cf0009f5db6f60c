import { defineConfig } from 'prisma/config';

// The Prisma CLI is used here only for `generate`, `validate` and `format`; migrations run through
// the WebAssembly schema engine (lib/db/migrate.ts), so no datasource URL is needed.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
