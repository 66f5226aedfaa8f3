import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signHubSpotRequestV3 } from '#src/hubspot/signature';
import { startLocalAws, type LocalAws } from '../../local/aws.ts';
import { startBackend, type Backend } from '../../local/backend.ts';
import { drainQueue } from '../aws/queue-reader.ts';

const clientSecret = 'webhook-test-secret';
const appId = '1000';
let aws: LocalAws;
let backend: Backend;
let webhookUrl: string;
let nextEventId = 1;

beforeAll(async () => {
  aws = await startLocalAws();
  backend = await startBackend({
    port: 0,
    env: {
      ...aws.env,
      HUBSPOT_ACCESS_TOKEN: 'unused-here',
      HUBSPOT_CLIENT_SECRET: clientSecret,
      HUBSPOT_APP_ID: appId,
      POWERTOOLS_LOG_LEVEL: 'ERROR',
    },
    // Nothing consumes the gate queue: the test reads what the webhook put there.
    workers: {},
    schedules: {},
  });
  webhookUrl = `${backend.url}/webhooks/hubspot`;
});

afterAll(async () => {
  await backend?.close();
  await aws?.close();
});

afterEach(async () => {
  await drainQueue(aws.sqsEndpoint, aws.queueUrls.gate);
});

type Event = Record<string, unknown>;

function dealEvent(dealId: number, fields: Event): Event {
  return {
    eventId: nextEventId++,
    subscriptionId: 11,
    portalId: 4242,
    appId: Number(appId),
    occurredAt: Date.now(),
    subscriptionType: 'object.propertyChange',
    attemptNumber: 0,
    objectId: dealId,
    objectTypeId: '0-3',
    changeSource: 'CRM_UI',
    sourceId: 'userId:77',
    ...fields,
  };
}

const stageChange = (dealId: number, extra: Event = {}) =>
  dealEvent(dealId, { propertyName: 'dealstage', propertyValue: 'closedwon', ...extra });

function post(
  body: string,
  options: { secret?: string; timestamp?: number; url?: string; headers?: boolean } = {},
) {
  const timestamp = options.timestamp ?? Date.now();
  const signature = signHubSpotRequestV3({
    method: 'POST',
    url: options.url ?? webhookUrl,
    body,
    timestamp,
    clientSecret: options.secret ?? clientSecret,
  });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.headers !== false) {
    headers['x-hubspot-signature-v3'] = signature;
    headers['x-hubspot-request-timestamp'] = String(timestamp);
  }
  return fetch(webhookUrl, { method: 'POST', headers, body });
}

const gateJobs = () => drainQueue(aws.sqsEndpoint, aws.queueUrls.gate);

describe('HubSpot webhooks', () => {
  it('answers a signed batch with 200 and queues one gate check per deal', async () => {
    const batch = [
      stageChange(101),
      dealEvent(101, { propertyName: 'rg_success_criteria', propertyValue: 'Cut onboarding to 10 days' }),
      dealEvent(102, { subscriptionType: 'object.creation' }),
      dealEvent(103, { propertyName: 'amount', propertyValue: '5000' }),
      { ...stageChange(104), objectTypeId: '0-2' },
    ];
    const response = await post(JSON.stringify(batch));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ received: 5, relevant: 3, enqueued: 2, duplicates: 0 });

    const jobs = await gateJobs();
    expect(jobs).toHaveLength(2);
    expect(jobs).toEqual(
      expect.arrayContaining([
        {
          type: 'gate.check',
          portalId: 4242,
          dealId: '101',
          reason: 'deal.stage_changed',
          eventId: batch[0]?.eventId,
        },
        {
          type: 'gate.check',
          portalId: 4242,
          dealId: '102',
          reason: 'deal.created',
          eventId: batch[2]?.eventId,
        },
      ]),
    );
  });

  it('queues nothing new when HubSpot delivers the same events again', async () => {
    const batch = JSON.stringify([stageChange(201), stageChange(202)]);
    expect((await post(batch)).status).toBe(200);
    expect(await gateJobs()).toHaveLength(2);

    const again = await post(batch);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicates: 2, enqueued: 0 });
    expect(await gateJobs()).toEqual([]);
  });

  it('queues only the deals of new events when a retry mixes old and new events', async () => {
    const seen = stageChange(301);
    expect((await post(JSON.stringify([seen]))).status).toBe(200);
    await gateJobs();

    const response = await post(JSON.stringify([seen, stageChange(302)]));
    expect(await response.json()).toMatchObject({ duplicates: 1, enqueued: 1 });
    expect(await gateJobs()).toEqual([expect.objectContaining({ dealId: '302' })]);
  });

  it('ignores changes made by this app itself, but not by other apps', async () => {
    const ours = stageChange(401, { changeSource: 'INTEGRATION', sourceId: appId });
    const theirs = stageChange(402, { changeSource: 'INTEGRATION', sourceId: '2000' });
    const response = await post(JSON.stringify([ours, theirs]));
    expect(response.status).toBe(200);
    expect(await gateJobs()).toEqual([expect.objectContaining({ dealId: '402' })]);
  });

  describe('refuses requests HubSpot did not sign, and queues nothing', () => {
    const body = () => JSON.stringify([stageChange(501)]);

    it.each([
      ['signed with another secret', () => post(body(), { secret: 'not-the-secret' })],
      ['older than five minutes', () => post(body(), { timestamp: Date.now() - 6 * 60 * 1000 })],
      ['dated in the future', () => post(body(), { timestamp: Date.now() + 10 * 60 * 1000 })],
      ['signed for another URL', () => post(body(), { url: `${webhookUrl}?portalId=1` })],
      ['without signature headers', () => post(body(), { headers: false })],
    ])('%s → 401', async (_case, send) => {
      const response = await send();
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: 'Unauthorized' });
      expect(await gateJobs()).toEqual([]);
    });

    it('with a body changed after signing → 401', async () => {
      const timestamp = Date.now();
      const signed = body();
      const signature = signHubSpotRequestV3({
        method: 'POST',
        url: webhookUrl,
        body: signed,
        timestamp,
        clientSecret,
      });
      const response = await fetch(webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hubspot-signature-v3': signature,
          'x-hubspot-request-timestamp': String(timestamp),
        },
        body: signed.replace('501', '502'),
      });
      expect(response.status).toBe(401);
      expect(await gateJobs()).toEqual([]);
    });
  });

  describe('refuses malformed batches with 400 naming the problem, and queues nothing', () => {
    it('an event without objectId, naming its index and field', async () => {
      const broken = stageChange(601);
      delete broken.objectId;
      const response = await post(JSON.stringify([stageChange(600), broken]));
      expect(response.status).toBe(400);
      const body = (await response.json()) as { message: string; details: unknown[] };
      expect(body.message).toContain('events[1].objectId');
      expect(body.details).toEqual([expect.objectContaining({ index: 1, field: 'objectId' })]);
      expect(await gateJobs()).toEqual([]);
    });

    it('a body that is not JSON', async () => {
      const response = await post('not json');
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toContain('not JSON');
    });

    it('more than 100 events', async () => {
      const response = await post(
        JSON.stringify(Array.from({ length: 101 }, (_, i) => stageChange(700 + i))),
      );
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(/^batch: .*100/);
      expect(await gateJobs()).toEqual([]);
    });
  });
});
