import type { DeliveryOptions } from './config';
import type { AttemptResult } from './post-delivery';

export type NextStep =
  { outcome: 'delivered' } | { outcome: 'failed' } | { outcome: 'retrying'; afterMs: number };

type RetrySchedule = Pick<DeliveryOptions, 'maxAttempts' | 'retryBaseMs' | 'retryMaxMs'>;

/**
 * HubSpot's rules: a 2xx is delivered; timeouts, connection errors, 5xx and 429 are retried until the
 * attempts run out (429 after its Retry-After, the rest on an exponential schedule); any other
 * status is final.
 */
export function nextStep(result: AttemptResult, attemptNumber: number, schedule: RetrySchedule): NextStep {
  const { status } = result;
  if (typeof status === 'number' && status >= 200 && status < 300) return { outcome: 'delivered' };
  const retryable = typeof status !== 'number' || status >= 500 || status === 429;
  if (!retryable || attemptNumber + 1 >= schedule.maxAttempts) return { outcome: 'failed' };
  const backoff = Math.min(schedule.retryBaseMs * 2 ** attemptNumber, schedule.retryMaxMs);
  const afterMs = status === 429 && result.retryAfterMs !== undefined ? result.retryAfterMs : backoff;
  return { outcome: 'retrying', afterMs };
}
