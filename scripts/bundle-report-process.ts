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
import { context, type BuildOptions } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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
