import type { ChangeEvent, ChangeFeed } from './events.ts';
import { Journal, type PortalManifest } from './persistence/journal.ts';
import { seedRecords, type SeedChoice } from './seed/choose.ts';
import { loadSeed } from './seed/load.ts';
import { syncDynamicOptions } from './store/dynamic-options.ts';
import { applyMutation, type Mutation } from './store/mutations.ts';
import { Portal } from './store/portal.ts';

/**
 * The sandbox's one portal and the only way to change it: `commit` applies a request's mutations,
 * journals them, and then publishes their change events.
 */
export class SandboxState {
  portal: Portal;
  private readonly journal: Journal | undefined;

  private constructor(
    readonly portalId: number,
    readonly feed: ChangeFeed,
    dataDir: string | undefined,
  ) {
    this.portal = new Portal(portalId);
    this.journal = dataDir ? new Journal(dataDir) : undefined;
  }

  /** Restores the portal persisted in `dataDir`, or builds a fresh one from `seed`. */
  static async open(options: {
    portalId: number;
    feed: ChangeFeed;
    dataDir?: string;
    seed: SeedChoice;
  }): Promise<SandboxState> {
    const state = new SandboxState(options.portalId, options.feed, options.dataDir);
    const manifest = state.journal?.readManifest();
    if (manifest) {
      await state.build(manifest.seed);
      for (const mutation of state.journal!.replay()) applyInOrder(state.portal, mutation);
    } else {
      await state.reseed(options.seed);
    }
    return state;
  }

  /** Replaces the portal with a freshly seeded one (and starts a new journal). */
  async reseed(seed: SeedChoice): Promise<void> {
    await this.build(seed);
    const manifest: PortalManifest = { portalId: this.portalId, seed, createdAt: Date.now() };
    this.journal?.start(manifest);
  }

  private async build(seed: SeedChoice): Promise<void> {
    const portal = new Portal(this.portalId);
    loadSeed(portal, seedRecords(seed));
    this.portal = portal;
  }

  /** Applies validated mutations in order, persists them, then publishes what changed. */
  commit(mutations: readonly Mutation[]): ChangeEvent[] {
    const events: ChangeEvent[] = [];
    for (const mutation of mutations) events.push(...applyInOrder(this.portal, mutation));
    this.journal?.append(mutations);
    this.feed.publish(events);
    return events;
  }
}

/** Applies one mutation; stage and pipeline options follow pipeline changes at once. */
function applyInOrder(portal: Portal, mutation: Mutation): ChangeEvent[] {
  const events = applyMutation(portal, mutation);
  if (mutation.op === 'putPipeline' || mutation.op === 'archivePipeline') syncDynamicOptions(portal);
  return events;
}
