import type { RateLimit } from '#src/hubspot/rate-limiter';
import type { Config } from '#src/aws/config';

export type RateShareConfig = Pick<
  Config,
  | 'HUBSPOT_RATE_LIMIT_PER_10S'
  | 'RISK_WORKER_CONCURRENCY'
  | 'RISK_WORKERS_REQUESTS_PER_10S'
  | 'RISK_SCHEDULER_REQUESTS_PER_10S'
>;

export const RATE_SHARE_KEYS = [
  'HUBSPOT_RATE_LIMIT_PER_10S',
  'RISK_WORKER_CONCURRENCY',
  'RISK_WORKERS_REQUESTS_PER_10S',
  'RISK_SCHEDULER_REQUESTS_PER_10S',
] as const satisfies readonly (keyof RateShareConfig)[];

/** Calls in flight per client: enough to keep its share busy at HubSpot's ~100–300 ms latency. */
const MAX_IN_FLIGHT = 8;
/** Under HubSpot's ~5 search requests a second per portal. */
const SEARCHES_PER_SECOND = 4;

export class RateShareError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RateShareError';
  }
}

/**
 * The limiter of one risk-worker instance. HubSpot's limit is per portal, but each Lambda instance
 * holds its own limiter, and at most `RISK_WORKER_CONCURRENCY` instances run at once (the event
 * source mapping's MaximumConcurrency): so each gets 1/concurrency of the workers' budget, and
 * workers + scheduler never exceed the portal limit together. With the defaults: 150 / 2 = 75
 * requests per 10 s per worker; 150 + 20 (scheduler) = 170 ≤ 190, leaving 20 for the gate worker,
 * card API and webhooks.
 */
export function riskWorkerRateLimit(config: RateShareConfig): RateLimit {
  checkBudget(config);
  const maxRequests = Math.floor(config.RISK_WORKERS_REQUESTS_PER_10S / config.RISK_WORKER_CONCURRENCY);
  if (maxRequests < 1) {
    throw new RateShareError(
      `RISK_WORKERS_REQUESTS_PER_10S (${config.RISK_WORKERS_REQUESTS_PER_10S}) leaves no request per 10 s for each of RISK_WORKER_CONCURRENCY (${config.RISK_WORKER_CONCURRENCY}) workers.`,
    );
  }
  return { maxRequests, intervalMs: 10_000, maxConcurrent: Math.min(MAX_IN_FLIGHT, maxRequests) };
}

/**
 * The scheduler's limiters: its own share, outside the workers'. It only searches, and the adapter
 * paces searches with their own limiter (HubSpot: ~5 / s), so that one gets the share too.
 */
export function riskSchedulerRateLimits(config: RateShareConfig): {
  rateLimit: RateLimit;
  searchRateLimit: RateLimit;
} {
  checkBudget(config);
  const maxRequests = config.RISK_SCHEDULER_REQUESTS_PER_10S;
  const perSecond = Math.max(1, Math.min(SEARCHES_PER_SECOND, Math.floor(maxRequests / 10)));
  return {
    rateLimit: { maxRequests, intervalMs: 10_000, maxConcurrent: Math.min(MAX_IN_FLIGHT, maxRequests) },
    searchRateLimit: { maxRequests: perSecond, intervalMs: 1_000, maxConcurrent: 1 },
  };
}

function checkBudget(config: RateShareConfig): void {
  const planned = config.RISK_WORKERS_REQUESTS_PER_10S + config.RISK_SCHEDULER_REQUESTS_PER_10S;
  if (planned > config.HUBSPOT_RATE_LIMIT_PER_10S) {
    throw new RateShareError(
      `The risk workers (${config.RISK_WORKERS_REQUESTS_PER_10S}) and scheduler (${config.RISK_SCHEDULER_REQUESTS_PER_10S}) would use ${planned} requests per 10 s, more than the portal's HUBSPOT_RATE_LIMIT_PER_10S (${config.HUBSPOT_RATE_LIMIT_PER_10S}): lower their shares.`,
    );
  }
}
