import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';

/**
 * The capabilities under lib/ (architecture: README "Layout"). Each shows others only its faces:
 * index.ts (its door for server code), labels.ts (its words) and its pure folders, rules/ and
 * readers/ (safe anywhere, the browser too). lib/access/request.ts is the door for routes, pages
 * and Server Actions alone (it reads the request).
 */
const CAPABILITIES = [
  'access',
  'status',
  'ingest',
  'follow-up',
  'reminders',
  'reports',
  'demo',
  'jobs',
  'transport',
  'daily',
  'epj',
];
const PURE = ['lib/*/rules/**/*', 'lib/*/readers/**/*', 'lib/*/labels.ts'];
const DATA = ['lib/*/data.ts', 'lib/*/data/**/*'];
/** Tests and their set-up may reach into what they test. */
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', '**/*.bench.ts', 'lib/db/testing/**', 'e2e/**'];

const capabilityZones = CAPABILITIES.map((name) => ({
  target: [`lib/!(${name})/**/*`, 'app/**/*', 'components/**/*', 'scripts/**/*', '*.ts'],
  from: [`lib/${name}/**/*`],
  // Matched against the imported file's absolute path.
  except: [
    `**/lib/${name}/@(index|labels).ts`,
    `**/lib/${name}/rules/**/*`,
    `**/lib/${name}/readers/**/*`,
    ...(name === 'access' ? ['**/lib/access/request.ts'] : []),
    // The sender's side of CMS (sealing, demo certificates), for npm run amqp:send; the app never imports it.
    ...(name === 'transport' ? ['**/lib/transport/cms-seal.ts'] : []),
  ],
  message: `Other code meets lib/${name} through its index.ts, labels.ts or pure rules/ (architecture: README "Layout").`,
}));

const boundaries = {
  files: ['**/*.{ts,tsx,mts,mjs}'],
  ignores: TEST_FILES,
  rules: {
    'import/no-restricted-paths': [
      'error',
      {
        zones: [
          {
            target: ['lib/**/*'],
            from: ['app/**/*', 'components/**/*'],
            message: 'lib/ never imports app/ or components/: pass what a screen needs as data.',
          },
          {
            target: ['lib/**/*', 'components/**/*'],
            from: ['lib/access/@(request).ts'],
            message: 'lib/access/request.ts reads the request: only routes, pages and Server Actions (app/) use it.',
          },
          {
            target: ['components/**/*'],
            from: ['lib/db/**/*', ...DATA, 'lib/*/jobs.ts', 'lib/jobs/**/*', 'lib/*/index.ts'],
            message: 'components/ never reads data: a page reads it through a capability and passes it down.',
          },
          {
            target: [
              'app/**/*',
              'components/**/*',
              '*.ts',
              'lib/!(db|demo)/!(data|data.ts)',
              'lib/!(db|demo)/!(data)/**/*',
            ],
            from: ['lib/db/**/*'],
            message: "Only a capability's data module (data.ts or data/) touches the database.",
          },
          {
            target: PURE,
            from: [
              'lib/db/**/*',
              ...DATA,
              'lib/*/index.ts',
              'lib/*/jobs.ts',
              'lib/access/@(request).ts',
              'lib/core/@(env|log).ts',
              'lib/core/mail/**/*',
              'lib/jobs/**/*',
            ],
            message: 'rules/, readers/ and labels.ts are pure: no I/O, no data module, no environment.',
          },
          ...capabilityZones,
        ],
      },
    ],
  },
};

const pureImports = {
  files: PURE,
  ignores: TEST_FILES,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['node:*', 'fs', 'path', 'child_process', 'crypto', 'net', 'http', 'https'],
            message: 'Pure: no Node I/O.',
          },
          {
            group: ['next', 'next/*', 'react', 'react-dom', 'server-only', 'next-auth', 'next-auth/*'],
            message: 'Pure: no Next or React.',
          },
          {
            group: ['@prisma/*', 'pg', 'pg-boss', 'nodemailer', 'exceljs', 'pdfkit'],
            message: 'Pure: no database, queue, mail or file writers.',
          },
        ],
      },
    ],
  },
};

const environmentInOnePlace = {
  files: ['lib/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', '*.ts'],
  ignores: ['lib/core/env.ts', ...TEST_FILES, '*.config.ts'],
  rules: {
    'no-restricted-properties': [
      'error',
      { object: 'process', property: 'env', message: 'Read the environment through lib/core/env.ts.' },
    ],
  },
};

/** Row-level security holds only for a client of an actor: `db()` / `sql()` without one are the tables' owner, for tests. */
const databaseAsAnActor = {
  files: ['lib/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}', 'scripts/**/*.ts'],
  ignores: TEST_FILES,
  rules: {
    'no-restricted-syntax': [
      'error',
      {
        selector: 'CallExpression[callee.name=/^(db|sql)$/][arguments.length=0]',
        message:
          'Pass the actor: db(actor) / sql(actor) run under its role and municipality scope (row-level security).',
      },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' }, node: true },
    },
  },
  boundaries,
  pureImports,
  environmentInOnePlace,
  databaseAsAnActor,
  // Formatting is Prettier's (npm run format:check); ESLint keeps to what code means.
  prettier,
  {
    ignores: [
      '.next/**',
      'dist/**',
      '.data/**',
      'lib/db/generated/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
    ],
  },
];

export default config;
