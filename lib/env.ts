/**
 * The environment, read and validated once. Nothing else in the project reads `process.env`.
 * Every variable is optional: with none set, the app runs on an embedded PostgreSQL with demo data.
 */
import { z } from 'zod';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Any PostgreSQL ≥ 15. Unset: an embedded PostgreSQL is started (see lib/db/embedded.ts). */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Where the embedded PostgreSQL keeps its data (kept between runs). */
  EMBEDDED_POSTGRES_DIR: z.string().min(1).default('.data/postgres'),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** Seed of the deterministic demo data written into an empty embedded database. */
  DEMO_SEED: z.coerce.number().int().default(2025),
  /** Connections per process in the PostgreSQL pool. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});

export type Env = z.infer<typeof envSchema>;

function readEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

export const env: Env = readEnv();
