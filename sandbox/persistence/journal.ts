import type { SeedChoice } from '../seed/choose.ts';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Mutation } from '../store/mutations.ts';

/** Which seed a persisted portal was built from; the journal holds every change since. */
export interface PortalManifest {
  portalId: number;
  seed: SeedChoice;
  createdAt: number;
}

const MANIFEST = 'portal.json';
const JOURNAL = 'journal.ndjson';

/**
 * Persists a portal as its seed parameters plus an append-only journal of mutations: seeding is
 * deterministic, so a 10,000-company portal is rebuilt from its seed number and only the changes
 * since are written to disk, one line each.
 */
export class Journal {
  constructor(private readonly dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
  }

  readManifest(): PortalManifest | undefined {
    const path = join(this.dataDir, MANIFEST);
    if (!existsSync(path)) return undefined;
    return JSON.parse(readFileSync(path, 'utf8')) as PortalManifest;
  }

  /** Starts a new portal: a fresh manifest and an empty journal. */
  start(manifest: PortalManifest): void {
    writeFileSync(join(this.dataDir, JOURNAL), '');
    writeFileSync(join(this.dataDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  }

  append(mutations: readonly Mutation[]): void {
    if (mutations.length === 0) return;
    appendFileSync(join(this.dataDir, JOURNAL), mutations.map((m) => `${JSON.stringify(m)}\n`).join(''));
  }

  /** The mutations in the order they were applied; a torn last line (crash mid-write) is skipped. */
  *replay(): Iterable<Mutation> {
    const path = join(this.dataDir, JOURNAL);
    if (!existsSync(path)) return;
    const lines = readFileSync(path, 'utf8').split('\n');
    for (const [index, line] of lines.entries()) {
      if (line.trim() === '') continue;
      try {
        yield JSON.parse(line) as Mutation;
      } catch (error) {
        if (index < lines.length - 2) throw error;
      }
    }
  }
}
