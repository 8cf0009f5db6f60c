/**
 * The environment, read and validated once. Nothing else in the project reads `process.env`.
 * Every variable is optional: with none set, the app runs on an embedded PostgreSQL with demo data.
 */
import { z } from 'zod';

const onOff = z.enum(['on', 'off']);

const envSchema = z
  .object({
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
    /** `npm start`: server processes sharing PORT (one per CPU core when unset); `npm run dev` always runs one. */
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),

    /** Signs session cookies; at least 32 characters. The launcher makes one for the demo. */
    AUTH_SECRET: z.string().min(32).optional(),
    /** The app's public URL (for sign-in redirects); derived from the request when unset. */
    AUTH_URL: z.url().optional(),
    /** The OpenID Connect provider (HelseID, ID-porten or FHI's own); sign-in with it is offered when set. */
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_SCOPES: z.string().default('openid profile email'),
    OIDC_DISPLAY_NAME: z.string().default('ID-porten / HelseID'),
    /** The demo sign-in (pick a seeded demo user, no password). Off unless switched on; the launchers switch it on for a database they created. */
    DEMO_SIGN_IN: onOff.optional(),
    /** Set by the launchers when they created the database themselves (embedded or throwaway). */
    DEMO_DATABASE: z.enum(['yes', 'no']).default('no'),
    /** An API key (INGEST and READ) with this value is provisioned at start on a database the launcher created (refused on any other), so the API can be tried at once. */
    DEMO_API_KEY: z.string().min(20).optional(),
    /** Largest document POST /api/v1/messages and the upload accept, in bytes (checked before parsing). */
    INGEST_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(64 * 1024 * 1024),
    /** Per API key and server process: sustained requests per second to the ingest API … */
    INGEST_RATE_PER_SECOND: z.coerce.number().positive().default(200),
    /** … and the burst allowed above it. */
    INGEST_RATE_BURST: z.coerce.number().int().min(1).default(400),
    /** A session ends after this many minutes without a request … */
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
    /** … and this many hours after sign-in, whatever happens. */
    SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(10),

    /** Outgoing mail, e.g. smtp://user:pass@smtp.example.no:587 or smtps://…:465. Unset: the launcher starts a local server that keeps mail in .data/mail/; without either, no reminders are sent. */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    /** The sender of every mail. */
    MAIL_FROM: z.string().min(3).default('KPR-status <ikke-svar@kpr-status.example.no>'),
    /** The background jobs (reminders, reports) in this server process: on unless switched off. */
    JOBS: onOff.default('on'),
    /** When the reminder run starts: cron, Europe/Oslo. */
    REMINDER_SCHEDULE: z.string().min(9).default('*/15 * * * *'),
    /** Days before the effective deadline at which contacts are reminded, comma-separated. */
    REMINDER_POINTS: z
      .string()
      .regex(/^\d+(,\d+)*$/, 'comma-separated whole numbers, e.g. 10,5,2,1')
      .default('10,5,2,1')
      .transform((points) => points.split(',').map(Number)),
    /** Whether REMINDER_POINTS count Norwegian working days or calendar days. */
    REMINDER_DAYS: z.enum(['working', 'calendar']).default('working'),
    /** No reminders sent in these hours (Europe/Oslo), e.g. 20:00-07:00; "off" for none. */
    REMINDER_QUIET_HOURS: z
      .union([z.literal('off'), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM-HH:MM')])
      .default('20:00-07:00')
      .transform((hours) => (hours === 'off' ? null : { start: hours.slice(0, 5), end: hours.slice(6) })),
    /** Calendar days after a municipality's effective deadline during which it may still apply for an extension (late application). */
    EXTENSION_GRACE_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
    /** Attempts to send a reminder mail before it is recorded as failed. */
    REMINDER_SEND_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
    /** When the weekly report of the week just ended is made and mailed to subscribers: cron, Europe/Oslo (default Monday 07:00). */
    WEEKLY_REPORT_SCHEDULE: z.string().min(9).default('0 7 * * 1'),
    /** Attempts to mail the weekly report to a subscriber before it is recorded as failed. */
    WEEKLY_REPORT_SEND_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),

    /** The AMQP 1.0 broker to consume KPR documents from (e.g. amqps://user:pass@tjenestebuss.example.no:5671); unset: no consumer. */
    AMQP_URL: z.url({ protocol: /^amqps?$/ }).optional(),
    /** The queues to read, comma-separated `name:kind`, kind one of messages (MsgHead), apprecs (AppRec), errors (transport errors). */
    AMQP_QUEUES: z
      .string()
      .regex(
        /^[^:,\s]+:(messages|apprecs|errors)(,[^:,\s]+:(messages|apprecs|errors))*$/,
        'name:kind,…; kind messages, apprecs or errors',
      )
      .default('kpr_messages:messages,kpr_apprecs:apprecs,kpr_errors:errors')
      .transform((list) =>
        list.split(',').map((entry) => {
          const [name, kind] = entry.split(':') as [string, 'messages' | 'apprecs' | 'errors'];
          return { name, kind };
        }),
      ),
    /** PEM files for TLS (amqps): the CA to trust, and the client certificate and key if the broker asks for one. */
    AMQP_TLS_CA_FILE: z.string().min(1).optional(),
    AMQP_TLS_CERT_FILE: z.string().min(1).optional(),
    AMQP_TLS_KEY_FILE: z.string().min(1).optional(),
    AMQP_TLS_KEY_PASSPHRASE: z.string().min(1).optional(),
    /** Messages each queue's receiver holds unsettled at most (the credit window: back-pressure). */
    AMQP_CREDIT: z.coerce.number().int().min(1).max(1000).default(20),
    /** The AMQP consumer in this server process: on when AMQP_URL is set, unless switched off. */
    AMQP_CONSUMER: onOff.default('on'),
    /** npm run amqp:broker: the port of the local RabbitMQ it starts. */
    AMQP_BROKER_PORT: z.coerce.number().int().min(1).max(65535).default(5672),

    /** bench:status: the port its server listens on, and the seconds of each measurement. */
    BENCH_PORT: z.coerce.number().int().min(1).max(65535).default(3250),
    BENCH_SECONDS: z.coerce.number().positive().default(10),
    /** bench:status: 'off' measures the annual views alone, on a dataset without daily deliveries (memory's baseline). */
    BENCH_DAILY: onOff.default('on'),
    /** bench:ingest: the documents it posts (a fifth of them resent as duplicates), and its concurrent clients. */
    BENCH_DOCUMENTS: z.coerce.number().int().min(10).default(10_000),
    BENCH_CLIENTS: z.coerce.number().int().min(1).max(1000).default(50),
    /** A directory: each server process a benchmark starts writes a V8 CPU profile there when it stops. */
    BENCH_CPU_PROFILE: z.string().min(1).optional(),
    /** The build `next start` serves (next.config.mjs reads it too); '.next' when unset or empty. */
    NEXT_DIST_DIR: z
      .string()
      .optional()
      .transform((directory) => directory || '.next'),
    /** The Chromium a benchmark signs in with; /usr/bin/chromium when unset and present, else Playwright's own. */
    CHROMIUM_PATH: z.string().min(1).optional(),

    /** CMS bodies from the queue (NHN's signed-then-enveloped packaging): our receiver credential as a PKCS#12 file … */
    AMQP_CMS_PKCS12: z.string().min(1).optional(),
    /** … and its passphrase (also the passphrase of an encrypted AMQP_CMS_KEY). */
    AMQP_CMS_PASSPHRASE: z.string().optional(),
    /** … or as a PEM private key and its PEM certificate (a file path, or the PEM text itself). */
    AMQP_CMS_KEY: z.string().min(1).optional(),
    AMQP_CMS_CERT: z.string().min(1).optional(),
    /** The CA certificates (PEM; file paths separated by commas, or the PEM text) a sender's signing certificate must chain to. */
    AMQP_CMS_TRUST_ANCHORS: z.string().min(1).optional(),
  })
  .refine((e) => !e.OIDC_ISSUER || (e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET), {
    message: 'OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET',
    path: ['OIDC_ISSUER'],
  })
  .refine((e) => !(e.AMQP_CMS_PKCS12 && (e.AMQP_CMS_KEY || e.AMQP_CMS_CERT)), {
    message: 'set either AMQP_CMS_PKCS12 or AMQP_CMS_KEY and AMQP_CMS_CERT, not both',
    path: ['AMQP_CMS_PKCS12'],
  })
  .refine((e) => !e.AMQP_CMS_KEY === !e.AMQP_CMS_CERT, {
    message: 'AMQP_CMS_KEY and AMQP_CMS_CERT go together',
    path: ['AMQP_CMS_KEY'],
  })
  .refine((e) => !e.AMQP_CMS_PKCS12 || e.AMQP_CMS_PASSPHRASE !== undefined, {
    message: 'AMQP_CMS_PKCS12 needs AMQP_CMS_PASSPHRASE',
    path: ['AMQP_CMS_PASSPHRASE'],
  })
  .refine((e) => !(e.AMQP_CMS_PKCS12 || e.AMQP_CMS_KEY) || e.AMQP_CMS_TRUST_ANCHORS, {
    message: 'CMS needs AMQP_CMS_TRUST_ANCHORS: the CA certificates that senders must be signed by',
    path: ['AMQP_CMS_TRUST_ANCHORS'],
  })
  .refine((e) => e.NODE_ENV !== 'production' || e.DEMO_SIGN_IN !== 'on' || e.DEMO_DATABASE === 'yes', {
    message: 'the demo sign-in cannot be switched on in a production build on a database the launcher did not create',
    path: ['DEMO_SIGN_IN'],
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

/** The environment for a child process: this process's own with `changes` on top (spawning goes through here too). */
export function childEnvironment(changes: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  return { ...process.env, ...changes };
}
