import type { CrmError } from '#src/crm/errors';
import { toCrmError } from './errors';
import type { RateLimiter } from './rate-limiter';

export interface RetryPolicy {
  /** Tries in all, the first included (HubSpot's own client calls this numberOfApiCallRetries). */
  maxAttempts: number;
  /** First back-off for a 5xx or lost connection; doubles each try, with jitter. */
  baseDelayMs: number;
  /** No single wait is longer, whatever `Retry-After` says: a queue retry is better than a stuck Lambda. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 10_000 };

export type Sleep = (ms: number) => Promise<void>;
const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long to wait before trying again, or null when another try now cannot help. */
export function retryDelay(
  error: CrmError,
  attempt: number,
  policy: RetryPolicy,
  random = Math.random,
): number | null {
  if (!error.retryable || attempt >= policy.maxAttempts) return null;
  // The daily limit resets at midnight: leave it to the queue's redelivery.
  if (error.details.policyName === 'DAILY') return null;
  const backoff = policy.baseDelayMs * 2 ** (attempt - 1) * (0.5 + random() / 2);
  const floor = error.kind === 'rate_limited' ? (error.details.policyName === 'SECONDLY' ? 1_000 : 2_000) : 0;
  return Math.min(policy.maxDelayMs, error.details.retryAfterMs ?? Math.max(backoff, floor));
}

/** Runs HubSpot calls through a rate limiter, retrying 429s and transient failures, throwing `CrmError`. */
export class RetryingCaller {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
    private readonly sleep: Sleep = realSleep,
  ) {}

  /**
   * `alsoLimiter` is a stricter limit the call waits for as well, such as search's per-second one:
   * a search still counts against the client's share of the portal's 10-second limit, as it does
   * against HubSpot's own.
   */
  async call<T>(operation: string, request: () => Promise<T>, alsoLimiter?: RateLimiter): Promise<T> {
    const limited = alsoLimiter
      ? () => alsoLimiter.run(() => this.limiter.run(request))
      : () => this.limiter.run(request);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await limited();
      } catch (thrown) {
        const error = toCrmError(thrown, operation);
        const delay = retryDelay(error, attempt, this.retry);
        if (delay === null) throw error;
        await this.sleep(delay);
      }
    }
  }
}
