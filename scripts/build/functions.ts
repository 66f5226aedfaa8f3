import { existsSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles every top-level file of functions/ into dist/functions/<name>/index.mjs: one Lambda each,
 * ESM on Node 22, minified, with source maps so stack traces point at the TypeScript.
 */
export async function buildFunctions(rootDir: string): Promise<{ file: string; bytes: number }[]> {
  const functionsDir = join(rootDir, 'functions');
  if (!existsSync(functionsDir)) return [];
  const entries = readdirSync(functionsDir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isFile() && ['.ts', '.mts'].includes(extname(entry.name)) && !entry.name.endsWith('.d.ts'),
    )
    .map((entry) => entry.name);
  const results = [];
  for (const entry of entries) {
    const name = basename(entry, extname(entry));
    const outfile = join(rootDir, 'dist', 'functions', name, 'index.mjs');
    const result = await build({
      absWorkingDir: rootDir,
      entryPoints: [join('functions', entry)],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node22',
      minify: true,
      sourcemap: true,
      metafile: true,
      // Some dependencies still call require() for Node built-ins; an ESM bundle has no require of its own.
      banner: {
        js: "import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);",
      },
      logLevel: 'warning',
    });
    const output = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith('.mjs'));
    results.push({ file: outfile, bytes: output?.[1].bytes ?? 0 });
  }
  return results;
}
