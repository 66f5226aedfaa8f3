import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const RESULTS = fileURLToPath(new URL('../RESULTS.md', import.meta.url));

/** "2026-12-02 on <CPU>, 2 cores, 24 GiB RAM, Node v22…": where and when a figure was measured. */
export function measuredOn(): string {
  return `${new Date().toISOString().slice(0, 10)} on ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
}

/**
 * Replaces the bench's own section of bench/RESULTS.md (between `<!-- name:start -->` and
 * `<!-- name:end -->`, which `section` must carry), or appends it; the rest of the file is kept.
 */
export function writeResultsSection(name: string, section: string): void {
  const pattern = new RegExp(`<!-- ${name}:start -->[\\s\\S]*<!-- ${name}:end -->`);
  if (!pattern.test(section)) throw new Error(`the ${name} section must carry its start and end markers`);
  const existing = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
  const updated = pattern.test(existing)
    ? existing.replace(pattern, () => section)
    : `${existing.trimEnd()}\n\n${section}\n`;
  writeFileSync(RESULTS, updated);
}
