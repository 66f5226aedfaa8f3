import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '#src/hubspot/rate-limiter';
import { RetryingCaller } from '#src/hubspot/retrying-call';

describe('the client rate limiter', () => {
  it('starts no more than maxRequests in the window, then the next once the window has passed', async () => {
    const limiter = new RateLimiter({ maxRequests: 3, intervalMs: 300, maxConcurrent: 10 });
    const startedAt: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 5 }, () => limiter.run(async () => startedAt.push(performance.now() - t0))),
    );
    // The fourth waits for the first to leave the window (the limiter's clock counts whole ms).
    expect(startedAt[3]! - startedAt[0]!).toBeGreaterThanOrEqual(290);
    expect(startedAt[4]! - startedAt[1]!).toBeGreaterThanOrEqual(290);
  });

  // A search is one of the portal's requests too: on top of its own per-second limit it must wait
  // for the client's 10-second share, or a sync that searches while it reads takes more than its share.
  it('counts a call with a stricter limit of its own (search) against the client limit as well', async () => {
    const caller = new RetryingCaller(
      new RateLimiter({ maxRequests: 2, intervalMs: 60_000, maxConcurrent: 10 }),
    );
    const search = new RateLimiter({ maxRequests: 100, intervalMs: 1_000, maxConcurrent: 10 });
    const started: string[] = [];
    await caller.call('read 1', async () => started.push('read 1'));
    await caller.call('read 2', async () => started.push('read 2'));
    void caller.call('search', async () => started.push('search'), search);
    await sleep(200);
    expect(started).toEqual(['read 1', 'read 2']);
  });
});
