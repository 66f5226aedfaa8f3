import { describe, expect, it } from 'vitest';
import { readConfig } from '#src/aws/config';
import { RATE_SHARE_KEYS, riskSchedulerRateLimits, riskWorkerRateLimit } from '#src/aws/risk-rate-shares';

describe('risk workers share the portal rate limit', () => {
  it('by default two workers get 75 requests per 10 s each, and with the scheduler stay under 190', () => {
    const config = readConfig(RATE_SHARE_KEYS, {});
    const worker = riskWorkerRateLimit(config);
    const scheduler = riskSchedulerRateLimits(config);
    expect(worker).toMatchObject({ maxRequests: 75, intervalMs: 10_000 });
    expect(
      config.RISK_WORKER_CONCURRENCY * worker.maxRequests + scheduler.rateLimit.maxRequests,
    ).toBeLessThanOrEqual(config.HUBSPOT_RATE_LIMIT_PER_10S);
  });

  it('the scheduler’s searches stay within its share too: 2 a second is 20 per 10 s', () => {
    const { searchRateLimit } = riskSchedulerRateLimits(readConfig(RATE_SHARE_KEYS, {}));
    expect(searchRateLimit).toMatchObject({ maxRequests: 2, intervalMs: 1_000 });
  });

  it('more concurrent workers get a smaller share each', () => {
    const config = readConfig(RATE_SHARE_KEYS, { RISK_WORKER_CONCURRENCY: '5' });
    expect(riskWorkerRateLimit(config).maxRequests).toBe(30);
  });

  it('a Starter portal (100 per 10 s) with the Professional budget is refused, naming the variables', () => {
    const config = readConfig(RATE_SHARE_KEYS, { HUBSPOT_RATE_LIMIT_PER_10S: '100' });
    expect(() => riskWorkerRateLimit(config)).toThrow(/HUBSPOT_RATE_LIMIT_PER_10S \(100\)/);
  });

  it('more workers than requests in the budget is refused', () => {
    const config = readConfig(RATE_SHARE_KEYS, {
      RISK_WORKER_CONCURRENCY: '200',
      RISK_WORKERS_REQUESTS_PER_10S: '150',
    });
    expect(() => riskWorkerRateLimit(config)).toThrow(/no request per 10 s/);
  });

  it('a concurrency that is not a whole number is a configuration error', () => {
    expect(() => readConfig(RATE_SHARE_KEYS, { RISK_WORKER_CONCURRENCY: 'two' })).toThrow(
      /RISK_WORKER_CONCURRENCY/,
    );
  });
});
