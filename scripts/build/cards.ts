import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Each card's source and the entrypoint its *-hsmeta.json names under app/cards/dist/. */
export const CARDS = [
  { source: 'cards/handover/HandoverCard.tsx', entrypoint: 'handover-card.jsx' },
] as const;

/** HubSpot installs these for the cards from app/cards/package.json and builds against them itself. */
const CARD_RUNTIME_PACKAGES = ['react', '@hubspot/ui-extensions'] as const;

/**
 * Bundles each card with the shared pure code it imports (`#src/handover/*`), because HubSpot uploads
 * only the project's srcDir. React and the UI extensions SDK stay imports: HubSpot provides them to
 * the card's worker at the versions of app/cards/package.json.
 */
export async function buildCards(
  rootDir: string,
  srcDir: string,
): Promise<{ file: string; bytes: number }[]> {
  const cardsDir = join(srcDir, 'app', 'cards');
  const outDir = join(cardsDir, 'dist');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(cardsDir, 'package.json'), cardsPackageJson(rootDir));
  const results = [];
  for (const card of CARDS) {
    const outfile = join(outDir, card.entrypoint);
    const result = await build({
      absWorkingDir: rootDir,
      entryPoints: [card.source],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      // Cards run in a web worker in the browser: no Node built-ins, nothing that needs a DOM.
      target: 'es2022',
      jsx: 'automatic',
      external: CARD_RUNTIME_PACKAGES.flatMap((name) => [name, `${name}/*`]),
      metafile: true,
      logLevel: 'warning',
    });
    results.push({
      file: outfile,
      bytes: result.metafile.outputs[Object.keys(result.metafile.outputs)[0] ?? '']?.bytes ?? 0,
    });
  }
  return results;
}

/** app/cards/package.json, with the versions the repository itself tests the cards against. */
export function cardsPackageJson(rootDir: string): string {
  const root = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const dependencies = Object.fromEntries(
    CARD_RUNTIME_PACKAGES.map((name) => {
      const version = root.dependencies[name];
      if (!version) throw new Error(`package.json does not depend on ${name}, which the cards need`);
      return [name, version];
    }),
  );
  const manifest = {
    name: 'renewal-guard-cards',
    version: '0.0.0',
    private: true,
    type: 'module',
    dependencies,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
