import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '#sandbox/server';
import { clientFor, startTestSandbox } from '../support/sandbox';
import { refusal } from './refusals';

let sandbox: RunningSandbox | undefined;
afterEach(() => sandbox?.close());

const admin = (method: string, path: string, body?: unknown) =>
  fetch(`${sandbox!.url}/__sandbox/${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });

describe('rate limits like HubSpot’s', () => {
  it('answers the request past the ten-second limit with 429 TEN_SECONDLY_ROLLING, its body and headers', async () => {
    sandbox = await startTestSandbox({ rateLimit: 3, dailyLimit: 1000 });
    const client = clientFor(sandbox);
    for (let i = 0; i < 3; i++) await client.crm.deals.basicApi.getPage();
    const limited = await refusal(client.crm.deals.basicApi.getPage());
    expect(limited.code).toBe(429);
    expect(limited.body).toMatchObject({
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
      correlationId: expect.any(String),
    });
    expect(limited.headers).toMatchObject({
      'x-hubspot-ratelimit-max': '3',
      'x-hubspot-ratelimit-remaining': '0',
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
      'x-hubspot-ratelimit-daily': '1000',
      'x-hubspot-ratelimit-daily-remaining': '997',
    });
    const counts = (await (await admin('GET', 'requests')).json()) as {
      total: number;
      tooManyRequests: number;
      endpoints: Record<string, { count: number; byToken: Record<string, number> }>;
    };
    expect(counts.tooManyRequests).toBe(1);
    expect(counts.endpoints['GET /crm/v3/objects/:objectType']).toEqual({
      count: 4,
      byToken: { 'sandbox-app': 4 },
    });
  });

  it('sends the remaining allowance on every answer', async () => {
    sandbox = await startTestSandbox({ rateLimit: 10 });
    const response = await fetch(`${sandbox.url}/crm/v3/objects/deals`, {
      headers: { authorization: 'Bearer sandbox-app' },
    });
    expect(response.headers.get('x-hubspot-ratelimit-remaining')).toBe('9');
    expect(response.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('649999');
  });

  it('stops at the daily limit with policy DAILY', async () => {
    sandbox = await startTestSandbox({ dailyLimit: 2 });
    const client = clientFor(sandbox);
    await client.crm.deals.basicApi.getPage();
    await client.crm.deals.basicApi.getPage();
    const limited = await refusal(client.crm.deals.basicApi.getPage());
    expect(limited.body).toMatchObject({
      policyName: 'DAILY',
      message: 'You have reached your daily limit.',
    });
  });

  it('allows about five searches a second, then SECONDLY', async () => {
    sandbox = await startTestSandbox({ rateLimit: 100 });
    const client = clientFor(sandbox);
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => client.crm.deals.searchApi.doSearch({ limit: 1 })),
    );
    const refused = results
      .filter((r) => r.status === 'rejected')
      .map((r) => (r as PromiseRejectedResult).reason as { body: { policyName: string } });
    expect(refused.map((r) => r.body.policyName)).toEqual(['SECONDLY']);
  });
});

describe('faults and admin', () => {
  it('storms: every request is 429 while it lasts, and a storm of 0 ms ends it', async () => {
    sandbox = await startTestSandbox();
    expect(await (await admin('PUT', 'faults', { storm: { durationMs: 60_000 } })).json()).toMatchObject({
      storm: { remainingMs: expect.any(Number) },
    });
    expect((await refusal(clientFor(sandbox).crm.deals.basicApi.getPage())).code).toBe(429);
    await admin('PUT', 'faults', { storm: null });
    await clientFor(sandbox).crm.deals.basicApi.getPage();
  });

  it('answers with 5xx in HubSpot’s shape at errorRate 1, and lowers the rate limit live', async () => {
    sandbox = await startTestSandbox();
    await admin('PUT', 'faults', { errorRate: 1 });
    const failed = await refusal(clientFor(sandbox).crm.deals.basicApi.getPage());
    expect(failed.code).toBeGreaterThanOrEqual(500);
    expect(failed.body).toMatchObject({ status: 'error', category: 'INTERNAL_ERROR' });
    await admin('PUT', 'faults', { errorRate: 0, rateLimit: 1 });
    expect(await (await admin('GET', 'faults')).json()).toMatchObject({
      errorRate: 0,
      rateLimit: 1,
      latencyMs: 0,
    });
    await clientFor(sandbox).crm.deals.basicApi.getPage();
    expect((await refusal(clientFor(sandbox).crm.deals.basicApi.getPage())).code).toBe(429);
  });

  it('refuses bad fault settings with a 400 naming the field', async () => {
    sandbox = await startTestSandbox();
    const response = await admin('PUT', 'faults', { errorRate: 2 });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('errorRate');
  });

  it('reports health, resets the portal and the request counters', async () => {
    sandbox = await startTestSandbox({ portalId: 99 });
    expect(await (await admin('GET', 'health')).json()).toEqual({ status: 'ok', portalId: 99 });
    const client = clientFor(sandbox);
    await client.crm.deals.basicApi.create({ properties: { dealname: 'Before reset' }, associations: [] });
    await admin('POST', 'reset');
    expect((await client.crm.deals.basicApi.getPage()).results).toEqual([]);
    expect((await admin('DELETE', 'requests')).status).toBe(204);
    expect(await (await admin('GET', 'requests')).json()).toEqual({
      total: 0,
      tooManyRequests: 0,
      endpoints: {},
    });
  });

  it('seeds the demo portal on request', async () => {
    sandbox = await startTestSandbox();
    const response = await admin('POST', 'seed', { name: 'demo', seedNumber: 7, companies: 20 });
    expect(response.status).toBe(200);
    const companies = await clientFor(sandbox).crm.companies.basicApi.getPage(100);
    expect(companies.results.length).toBeGreaterThanOrEqual(20);
    const owners = await clientFor(sandbox).crm.owners.ownersApi.getPage();
    expect(owners.results.some((owner) => (owner.teams ?? []).length > 0)).toBe(true);
  });

  it('seeds the demo as of a given day: the same portal, every renewal date moved with it', async () => {
    sandbox = await startTestSandbox();
    const renewalDates = async (asOf: string) => {
      expect((await admin('POST', 'seed', { name: 'demo', companies: 30, asOf })).status).toBe(200);
      const page = await clientFor(sandbox!).crm.companies.basicApi.getPage(100, undefined, [
        'rg_renewal_date',
      ]);
      return page.results.map((c) => c.properties.rg_renewal_date ?? '');
    };
    const days = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
    const early = await renewalDates('2027-03-15');
    const late = await renewalDates('2027-06-23');
    expect(early.filter(Boolean).length).toBeGreaterThanOrEqual(30);
    // Contract anniversaries clamp at month ends, so a date may move a day less than the seed day.
    const shifts = late.map((date, i) => (date ? days(date) - days(early[i]!) : null));
    for (const shift of shifts.filter((s) => s !== null))
      expect(Math.abs(shift - 100)).toBeLessThanOrEqual(1);
    expect(shifts.map((s) => s === null)).toEqual(early.map((date) => !date));
    const upcoming = late.filter((date) => date > '2027-06-23' && date <= '2028-06-23');
    expect(upcoming.length / late.filter(Boolean).length).toBeGreaterThan(0.7);
  });

  it('refuses a seed day that is not a calendar date, naming asOf', async () => {
    sandbox = await startTestSandbox();
    const response = await admin('POST', 'seed', { name: 'demo', companies: 5, asOf: '2027-02-30' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(
      /asOf must be a date as YYYY-MM-DD/,
    );
  });
});
