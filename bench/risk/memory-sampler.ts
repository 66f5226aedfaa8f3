/** Samples this process's resident set size while a piece of work runs, and keeps the peak. */
export class MemorySampler {
  private peak = 0;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(everyMs = 100) {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
    // Sampling must never keep the bench alive on its own.
    this.timer.unref();
  }

  private sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }

  /** Stops sampling; the peak RSS in MiB. */
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak / 2 ** 20;
  }
}
