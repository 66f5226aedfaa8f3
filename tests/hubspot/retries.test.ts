import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrmError } from '#src/crm/errors';
import { createHubSpotCrm } from '#src/hubspot/crm-adapter';
import { DEFAULT_RETRY, retryDelay } from '#src/hubspot/retrying-call';
import type { RunningSandbox } from '#sandbox/server';
import { APP_TOKEN } from '#sandbox/tokens';
import { startTestSandbox } from '../support/sandbox';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const faults = (body: unknown) =>
  fetch(`${sandbox.url}/__sandbox/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** The adapter with a back-off that, instead of waiting, records the wait and runs `onWait`. */
function crmWithWaits(onWait: (waits: number[]) => Promise<void> = async () => {}) {
  const waits: number[] = [];
  const crm = createHubSpotCrm({
    baseUrl: sandbox.url,
    accessToken: APP_TOKEN,
    retry: { ...DEFAULT_RETRY, maxAttempts: 3 },
    sleep: async (ms) => {
      waits.push(ms);
      await onWait(waits);
    },
  });
  return { crm, waits };
}

describe('calls through a rate-limit storm or an outage', () => {
  it('ride out a 429 storm by backing off and trying again', async () => {
    await faults({ storm: { durationMs: 60_000 } });
    const { crm, waits } = crmWithWaits(async (w) => {
      if (w.length === 2) await faults({ storm: null });
    });
    expect((await crm.dealPipelines({ refresh: true })).map((p) => p.id)).toContain('default');
    expect(waits).toHaveLength(2);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(1_000);
  });

  it('give up after the last try with a retryable rate-limit error the queue can redeliver', async () => {
    await faults({ storm: { durationMs: 60_000 } });
    const { crm, waits } = crmWithWaits();
    const error = await crm.readDeal('1', ['dealstage']).catch((e: unknown) => e);
    await faults({ storm: null });
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: true, details: { status: 429 } });
    expect(waits).toHaveLength(2);
  });

  it('report a server that keeps failing as a transient, retryable error', async () => {
    await faults({ errorRate: 1 });
    const { crm } = crmWithWaits();
    const error = await crm.ownerById('1').catch((e: unknown) => e);
    await faults({ errorRate: 0 });
    expect(error).toMatchObject({ kind: 'transient', retryable: true });
  });
});

describe('how long to wait before trying again', () => {
  const error = (kind: 'rate_limited' | 'transient' | 'validation', details: CrmError['details'] = {}) =>
    new CrmError(kind, 'HubSpot could not read', details);
  const half = () => 0;

  it('honours Retry-After, capped so a Lambda is not held for long', () => {
    expect(retryDelay(error('rate_limited', { retryAfterMs: 3_000 }), 1, DEFAULT_RETRY)).toBe(3_000);
    expect(retryDelay(error('rate_limited', { retryAfterMs: 60_000 }), 1, DEFAULT_RETRY)).toBe(10_000);
  });

  it('backs off exponentially from a floor for rate limits', () => {
    expect(retryDelay(error('transient'), 1, DEFAULT_RETRY, half)).toBe(125);
    expect(retryDelay(error('transient'), 3, DEFAULT_RETRY, half)).toBe(500);
    expect(
      retryDelay(error('rate_limited', { policyName: 'TEN_SECONDLY_ROLLING' }), 1, DEFAULT_RETRY, half),
    ).toBe(2_000);
    expect(retryDelay(error('rate_limited', { policyName: 'SECONDLY' }), 1, DEFAULT_RETRY, half)).toBe(1_000);
  });

  it('does not retry a validation error, the daily limit, or past the last attempt', () => {
    expect(retryDelay(error('validation'), 1, DEFAULT_RETRY)).toBeNull();
    expect(retryDelay(error('rate_limited', { policyName: 'DAILY' }), 1, DEFAULT_RETRY)).toBeNull();
    expect(retryDelay(error('transient'), DEFAULT_RETRY.maxAttempts, DEFAULT_RETRY)).toBeNull();
  });
});
