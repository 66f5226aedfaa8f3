/**
 * Keeps one client under a portal's rolling limit (HubSpot: 190 requests / 10 s on Professional and
 * Enterprise, 100 on Starter; search about 5 / s). Sliding window: a request starts only when fewer
 * than `maxRequests` started in the last `intervalMs`, and at most `maxConcurrent` are in flight.
 */
export interface RateLimit {
  maxRequests: number;
  intervalMs: number;
  maxConcurrent: number;
}

export class RateLimiter {
  private readonly started: number[] = [];
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly limit: RateLimit,
    private readonly clock: () => number = Date.now,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    await new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.pump();
    });
    try {
      return await task();
    } finally {
      this.inFlight -= 1;
      this.pump();
    }
  }

  private pump(): void {
    const now = this.clock();
    while (this.started.length > 0 && (this.started[0] ?? 0) <= now - this.limit.intervalMs)
      this.started.shift();
    while (
      this.waiting.length > 0 &&
      this.inFlight < this.limit.maxConcurrent &&
      this.started.length < this.limit.maxRequests
    ) {
      this.started.push(now);
      this.inFlight += 1;
      this.waiting.shift()?.();
    }
    if (
      this.waiting.length > 0 &&
      this.started.length >= this.limit.maxRequests &&
      this.timer === undefined
    ) {
      const wait = (this.started[0] ?? now) + this.limit.intervalMs - now;
      this.timer = setTimeout(
        () => {
          this.timer = undefined;
          this.pump();
        },
        Math.max(wait, 1),
      );
    }
  }
}
