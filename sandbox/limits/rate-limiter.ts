import { randomUUID } from 'node:crypto';

export type RatePolicy = 'TEN_SECONDLY_ROLLING' | 'DAILY' | 'SECONDLY';

/** HubSpot's search endpoints allow about five requests a second per portal. */
export const SEARCH_PER_SECOND = 5;
const TEN_SECONDS = 10_000;

/** Timestamps of served requests within a rolling window. */
class RollingWindow {
  private stamps: number[] = [];
  private head = 0;

  constructor(private readonly windowMs: number) {}

  count(now: number): number {
    while (this.head < this.stamps.length && this.stamps[this.head]! <= now - this.windowMs) this.head++;
    if (this.head > 1024 && this.head * 2 > this.stamps.length) {
      this.stamps = this.stamps.slice(this.head);
      this.head = 0;
    }
    return this.stamps.length - this.head;
  }

  add(now: number): void {
    this.stamps.push(now);
  }
}

/**
 * HubSpot's per-portal limits: a rolling ten-second window (190 on Professional), a daily count
 * (reset at midnight UTC here; HubSpot uses the portal's time zone), and the search secondly
 * limit. Refused requests are not counted as served, as on HubSpot.
 */
export class RateLimiter {
  private readonly tenSeconds = new RollingWindow(TEN_SECONDS);
  private readonly searches = new RollingWindow(1000);
  private day = '';
  private dailyCount = 0;

  constructor(
    /** Requests per ten seconds; 0 turns the limit off. */
    public tenSecondLimit: number,
    public dailyLimit: number,
  ) {}

  /** Counts the request if it may be served; otherwise returns the policy it breaks. */
  admit(now: number, isSearch: boolean): RatePolicy | undefined {
    this.rollDay(now);
    if (this.dailyLimit > 0 && this.dailyCount >= this.dailyLimit) return 'DAILY';
    if (this.tenSecondLimit > 0 && this.tenSeconds.count(now) >= this.tenSecondLimit)
      return 'TEN_SECONDLY_ROLLING';
    if (isSearch && this.tenSecondLimit > 0 && this.searches.count(now) >= SEARCH_PER_SECOND)
      return 'SECONDLY';
    this.dailyCount++;
    if (this.tenSecondLimit > 0) this.tenSeconds.add(now);
    if (isSearch) this.searches.add(now);
    return undefined;
  }

  /** HubSpot's `X-HubSpot-RateLimit-*` headers. */
  headers(now: number): Record<string, string> {
    this.rollDay(now);
    const headers: Record<string, string> = {
      'X-HubSpot-RateLimit-Daily': String(this.dailyLimit),
      'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, this.dailyLimit - this.dailyCount)),
    };
    if (this.tenSecondLimit > 0) {
      headers['X-HubSpot-RateLimit-Max'] = String(this.tenSecondLimit);
      headers['X-HubSpot-RateLimit-Remaining'] = String(
        Math.max(0, this.tenSecondLimit - this.tenSeconds.count(now)),
      );
      headers['X-HubSpot-RateLimit-Interval-Milliseconds'] = String(TEN_SECONDS);
    }
    return headers;
  }

  private rollDay(now: number): void {
    const day = new Date(now).toISOString().slice(0, 10);
    if (day !== this.day) {
      this.day = day;
      this.dailyCount = 0;
    }
  }
}

/** HubSpot's 429 body for a broken policy. */
export function rateLimitBody(policy: RatePolicy) {
  const name =
    policy === 'TEN_SECONDLY_ROLLING' ? 'ten_secondly_rolling' : policy === 'DAILY' ? 'daily' : 'secondly';
  return {
    status: 'error',
    message: `You have reached your ${name} limit.`,
    errorType: 'RATE_LIMIT',
    correlationId: randomUUID(),
    policyName: policy,
  };
}
