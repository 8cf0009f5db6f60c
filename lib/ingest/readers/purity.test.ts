/**
 * The readers and checks also run in the browser (the self-check): everything they import, followed
 * through relative imports, may use only these packages and no Node, Next, Prisma or environment.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ALLOWED_PACKAGES = ['saxes', 'date-fns', '@date-fns/tz', 'zod'];
const ENTRY_POINTS = ['./read-document.ts', '../rules/checks.ts'].map((path) =>
  fileURLToPath(new URL(path, import.meta.url)),
);

function moduleGraph(entryPoints: string[]): Map<string, string> {
  const sources = new Map<string, string>();
  const pending = [...entryPoints];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (sources.has(file)) continue;
    const source = readFileSync(file, 'utf8');
    sources.set(file, source);
    for (const [, specifier] of source.matchAll(/\bfrom\s+'([^']+)'/g)) {
      if (specifier!.startsWith('.')) pending.push(`${resolve(dirname(file), specifier!)}.ts`);
    }
  }
  return sources;
}

describe('the readers are pure', () => {
  const graph = moduleGraph(ENTRY_POINTS);

  it('reach every reader module', () => {
    const names = [...graph.keys()].map((file) => file.split('/lib/')[1]);
    expect(names).toEqual(
      expect.arrayContaining([
        'ingest/readers/parse.ts',
        'ingest/readers/msghead.ts',
        'ingest/readers/apprec.ts',
        'ingest/readers/iplos.ts',
        'ingest/rules/checks.ts',
        'core/identifiers.ts',
      ]),
    );
  });

  it.each([...graph.entries()].map(([file, source]) => [file.split('/lib/')[1], source] as const))(
    '%s',
    (_, source) => {
      const packages = [...source.matchAll(/\bfrom\s+'([^'.][^']*)'/g)].map(([, specifier]) => specifier);
      expect(
        packages.filter(
          (specifier) =>
            !ALLOWED_PACKAGES.some((allowed) => specifier === allowed || specifier!.startsWith(`${allowed}/`)),
        ),
      ).toEqual([]);
      expect(source).not.toMatch(/process\.env|\brequire\(|\bimport\(/);
    },
  );
});
