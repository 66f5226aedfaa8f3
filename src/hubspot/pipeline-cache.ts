import type { Pipeline } from '#src/crm/records';

/**
 * The portal's deal pipelines, kept for `ttlMs`: stages change rarely, and the gate reads them for
 * every event. A caller that meets an unknown stage id asks for a refresh.
 */
export class PipelineCache {
  private cached: { at: number; pipelines: Promise<readonly Pipeline[]> } | undefined;

  constructor(
    private readonly load: () => Promise<readonly Pipeline[]>,
    private readonly ttlMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  get(options: { refresh?: boolean } = {}): Promise<readonly Pipeline[]> {
    const now = this.clock();
    if (!options.refresh && this.cached && now - this.cached.at < this.ttlMs) return this.cached.pipelines;
    const pipelines = this.load();
    this.cached = { at: now, pipelines };
    // A failed load is not cached: the next caller tries again.
    pipelines.catch(() => {
      if (this.cached?.pipelines === pipelines) this.cached = undefined;
    });
    return pipelines;
  }
}
