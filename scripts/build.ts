// `npm run build`: the Lambda functions (dist/functions/<name>/index.mjs), the cards and their
// package.json (hubspot-app/app/cards/), and the generated webhooks-hsmeta.json.
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { WEBHOOKS_HSMETA_PATH, webhooksHsmetaText } from '#src/project/webhooks';
import { buildCards } from './build/cards';
import { buildFunctions } from './build/functions';

const rootDir = join(import.meta.dirname, '..');

function report(label: string, outputs: { file: string; bytes: number }[]): void {
  console.log(`${label}: ${outputs.length === 0 ? 'nothing to bundle' : ''}`);
  for (const { file, bytes } of outputs) {
    console.log(`  ${relative(rootDir, file).padEnd(56)} ${(bytes / 1024).toFixed(1).padStart(8)} KiB`);
  }
}

writeFileSync(join(rootDir, WEBHOOKS_HSMETA_PATH), webhooksHsmetaText());
console.log(`webhooks: wrote ${WEBHOOKS_HSMETA_PATH}`);
report('cards', await buildCards(rootDir, join(rootDir, 'hubspot-app')));
report('functions', await buildFunctions(rootDir));
