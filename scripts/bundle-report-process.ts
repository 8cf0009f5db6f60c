/**
 * Bundles the weekly report's own process (lib/reports/report-process.ts) into
 * dist/report-process.mjs, which lib/reports/run-report-process.ts starts. Packages stay external
 * (they resolve from node_modules); the project's own code is bundled, so it runs on plain Node.js.
 *
 *   tsx scripts/bundle-report-process.ts     (part of `npm run build`)
 *
 * `npm run dev` keeps it up to date (watch), and the tests bundle it once.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { context, type BuildOptions, type Plugin } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Marks a look-up this plugin makes itself, so that it does not answer its own question. */
const OWN_LOOKUP = Symbol('own look-up');

/**
 * The project's own modules count as free of side effects: a module none of whose exports the
 * bundle uses is left out with everything it imports. A capability's door (its index.ts) thus
 * brings only what is called through it: the report process reaches the status capability's
 * plain-SQL derivation through `@/lib/status` without its Prisma reads (and Prisma) coming along.
 * The test "the report process never loads Prisma" (lib/reports/run-report-process.test.ts) holds
 * the bundle to that.
 */
const projectModulesWithoutSideEffects: Plugin = {
  name: 'project-modules-without-side-effects',
  setup(build) {
    build.onResolve({ filter: /^(\.{1,2}\/|@\/)/ }, async (args) => {
      if (args.pluginData === OWN_LOOKUP) return undefined;
      const { path: resolved, errors } = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: OWN_LOOKUP,
      });
      if (errors.length > 0 || !resolved.startsWith(root) || resolved.includes(`${path.sep}node_modules${path.sep}`))
        return undefined;
      return { path: resolved, sideEffects: false };
    });
  },
};

/**
 * One ES module for plain Node.js from server code: the project's code bundled (with the
 * react-server condition, as Next.js builds it), packages left to resolve from node_modules, so
 * the file must sit inside the project.
 */
export const SERVER_BUNDLE: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  conditions: ['react-server'],
  plugins: [projectModulesWithoutSideEffects],
};

const options: BuildOptions = {
  ...SERVER_BUNDLE,
  entryPoints: [path.join(root, 'lib/reports/report-process.ts')],
  outfile: path.join(root, 'dist/report-process.mjs'),
  logLevel: 'warning',
};

/** Bundles once, or with `watch` again on every change (until `dispose` is called). */
export async function bundleReportProcess(watch = false): Promise<{ dispose(): Promise<void> }> {
  const bundler = await context(options);
  await bundler.rebuild();
  if (watch) await bundler.watch();
  else await bundler.dispose();
  return bundler;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bundleReportProcess();
