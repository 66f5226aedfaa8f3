import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startSandbox, type RunningSandbox } from '#sandbox/server';
import { startLocalAws, type LocalAws } from '../../local/aws.ts';
import { LOCAL_HUBSPOT_ENV, startBackend, type Backend } from '../../local/backend.ts';
import { projectWebhookSubscriptions } from '../../local/webhook-subscriptions.ts';
import { drainQueue } from '../aws/queue-reader.ts';

let sandbox: RunningSandbox;
let aws: LocalAws;
let backend: Backend;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: { name: 'demo', companies: 10 } });
  aws = await startLocalAws();
  backend = await startBackend({
    port: 0,
    env: { ...aws.env, ...LOCAL_HUBSPOT_ENV, HUBSPOT_BASE_URL: sandbox.url, POWERTOOLS_LOG_LEVEL: 'ERROR' },
    workers: {},
    schedules: {},
  });
  const response = await fetch(`${sandbox.url}/__sandbox/webhooks`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      appId: Number(LOCAL_HUBSPOT_ENV.HUBSPOT_APP_ID),
      clientSecret: LOCAL_HUBSPOT_ENV.HUBSPOT_CLIENT_SECRET,
      settings: { targetUrl: `${backend.url}/webhooks/hubspot`, maxConcurrentRequests: 2 },
      subscriptions: { crmObjects: projectWebhookSubscriptions().subscriptions },
    }),
  });
  expect(response.status).toBeLessThan(300);
});

afterAll(async () => {
  await backend?.close();
  await aws?.close();
  await sandbox?.close();
});

async function crm(path: string, token: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
  const response = await fetch(`${sandbox.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });
  expect(response.ok).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

it('a deal a person moves to closed-won in the sandbox reaches the gate queue through a signed webhook', async () => {
  const owners = (await crm('/crm/v3/owners', 'sandbox-app')).results as { id: string }[];
  const deals = (await crm('/crm/v3/objects/deals?limit=100&properties=dealstage', 'sandbox-app'))
    .results as {
    id: string;
    properties: { dealstage: string };
  }[];
  const open = deals.find((deal) => deal.properties.dealstage !== 'closedwon');
  expect(open).toBeDefined();

  await crm(`/crm/v3/objects/deals/${open?.id}`, `sandbox-ui-${owners[0]?.id}`, {
    method: 'PATCH',
    body: JSON.stringify({ properties: { dealstage: 'closedwon' } }),
  });

  const jobs: unknown[] = [];
  await vi.waitFor(
    async () => {
      jobs.push(...(await drainQueue(aws.sqsEndpoint, aws.queueUrls.gate)));
      expect(jobs).toContainEqual(
        expect.objectContaining({ type: 'gate.check', dealId: open?.id, reason: 'deal.stage_changed' }),
      );
    },
    { timeout: 30_000, interval: 200 },
  );
});
