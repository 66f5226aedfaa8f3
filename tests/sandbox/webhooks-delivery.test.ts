import { Signature } from '@hubspot/api-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '#sandbox/events';
import {
  APP_ID,
  CLIENT_SECRET,
  PORTAL_ID,
  dealCreated,
  dealStageChanged,
  flush,
  publishStageChanges,
  putConfig,
  startWebhookSandbox,
  webhookConfig,
  type WebhookSandbox,
} from './webhooks-harness';
import { WebhookReceiver, type ReceivedDelivery } from './webhooks-receiver';

let sandbox: WebhookSandbox;
let receiver: WebhookReceiver;

async function start(options: { holdMs?: number } = {}) {
  sandbox = await startWebhookSandbox();
  receiver = await WebhookReceiver.start(options);
}

afterEach(async () => {
  await sandbox.app.close();
  await receiver.stop();
});

function isSignedWith(delivery: ReceivedDelivery, clientSecret: string, version: 'v1' | 'v3'): boolean {
  const signature = version === 'v3' ? 'x-hubspot-signature-v3' : 'x-hubspot-signature';
  return Signature.isValid({
    signatureVersion: version,
    signature: String(delivery.headers[signature]),
    clientSecret,
    requestBody: delivery.body,
    url: delivery.url,
    method: delivery.method,
    timestamp: Number(delivery.headers['x-hubspot-request-timestamp']),
  });
}

describe('webhook deliveries', () => {
  it('sends 250 deal stage changes as three requests of at most 100 events, each event once', async () => {
    await start();
    await putConfig(sandbox.app, webhookConfig(receiver.url()));

    publishStageChanges(sandbox.feed, 250);
    expect((await flush(sandbox.app)).statusCode).toBe(200);

    expect(receiver.deliveries.map((d) => d.events.length).sort((a, b) => b - a)).toEqual([100, 100, 50]);
    const events = receiver.events;
    expect(new Set(events.map((e) => e.eventId)).size).toBe(250);
    expect(new Set(events.map((e) => e.objectId))).toEqual(
      new Set(Array.from({ length: 250 }, (_, i) => i + 1)),
    );
  });

  it('delivers only changes that match an active subscription of the app’s portal', async () => {
    await start();
    const config = webhookConfig(receiver.url());
    config.subscriptions.crmObjects.push(
      { subscriptionType: 'object.deletion', objectType: 'deal', active: false },
      {
        subscriptionType: 'object.propertyChange',
        objectType: 'company',
        propertyName: 'name',
        active: true,
      },
    );
    await putConfig(sandbox.app, config);
    const companyRenamed: ChangeEvent = {
      ...dealStageChanged(7, ''),
      objectType: 'companies',
      objectTypeId: '0-2',
      propertyName: 'name',
      propertyValue: 'Acme',
    };

    sandbox.feed.publish([
      dealStageChanged(1, 'closedwon'),
      { ...dealStageChanged(2, ''), propertyName: 'amount', propertyValue: '5000' },
      dealCreated(3),
      { ...dealCreated(4), kind: 'deletion' },
      { ...dealCreated(5), objectType: 'contacts', objectTypeId: '0-1' },
      { ...dealCreated(6), portalId: PORTAL_ID + 1 },
      companyRenamed,
    ]);
    await flush(sandbox.app);

    expect(receiver.events.map((e) => [e.subscriptionType, e.objectTypeId, e.objectId])).toEqual([
      ['object.propertyChange', '0-3', 1],
      ['object.creation', '0-3', 3],
      ['object.propertyChange', '0-2', 7],
    ]);
  });

  it('reports each change with HubSpot’s fields, including who made it, so the app can skip its own writes', async () => {
    await start();
    const stored = (await putConfig(sandbox.app, webhookConfig(receiver.url()))).json();
    const [stageSubscription, creationSubscription] = stored.subscriptions.crmObjects;
    const byTheApp = { changeSource: 'INTEGRATION' as const, sourceId: String(APP_ID), appId: APP_ID };

    sandbox.feed.publish([dealStageChanged(11, 'closedwon', byTheApp)]);
    sandbox.feed.publish([dealCreated(12, { changeSource: 'IMPORT' })]);
    await flush(sandbox.app);

    const [stageChange, creation] = receiver.events;
    expect(stageChange).toEqual({
      eventId: expect.any(Number),
      subscriptionId: stageSubscription.id,
      portalId: PORTAL_ID,
      appId: APP_ID,
      occurredAt: 1_790_000_000_011,
      subscriptionType: 'object.propertyChange',
      attemptNumber: 0,
      objectId: 11,
      objectTypeId: '0-3',
      propertyName: 'dealstage',
      propertyValue: 'closedwon',
      changeSource: 'INTEGRATION',
      sourceId: String(APP_ID),
      isSensitive: false,
    });
    expect(creation).toEqual({
      eventId: expect.any(Number),
      subscriptionId: creationSubscription.id,
      portalId: PORTAL_ID,
      appId: APP_ID,
      occurredAt: 1_790_000_000_012,
      subscriptionType: 'object.creation',
      attemptNumber: 0,
      objectId: 12,
      objectTypeId: '0-3',
      changeSource: 'IMPORT',
      isSensitive: false,
    });
    expect(stageSubscription.id).not.toBe(creationSubscription.id);
  });

  it('signs each request so that @hubspot/api-client accepts the v3 signature over the full URL', async () => {
    await start();
    await putConfig(sandbox.app, webhookConfig(receiver.url('/webhooks/hubspot?source=sandbox')));

    publishStageChanges(sandbox.feed, 3);
    await flush(sandbox.app);

    const [delivery] = receiver.deliveries;
    expect(delivery?.url).toBe(receiver.url('/webhooks/hubspot?source=sandbox'));
    expect(delivery?.headers['content-type']).toBe('application/json');
    expect(isSignedWith(delivery!, CLIENT_SECRET, 'v3')).toBe(true);
    expect(delivery?.headers['x-hubspot-signature-version']).toBe('v1');
    expect(isSignedWith(delivery!, CLIENT_SECRET, 'v1')).toBe(true);
  });

  it('produces signatures that fail with any other client secret', async () => {
    await start();
    await putConfig(sandbox.app, webhookConfig(receiver.url()));

    publishStageChanges(sandbox.feed, 1);
    await flush(sandbox.app);

    const [delivery] = receiver.deliveries;
    expect(isSignedWith(delivery!, 'another-apps-secret', 'v3')).toBe(false);
    expect(isSignedWith(delivery!, 'another-apps-secret', 'v1')).toBe(false);
  });

  it('keeps no more than maxConcurrentRequests deliveries on the wire', async () => {
    await start({ holdMs: 50 });
    await putConfig(sandbox.app, webhookConfig(receiver.url(), {}, 2));

    publishStageChanges(sandbox.feed, 500);
    await flush(sandbox.app);

    expect(receiver.deliveries).toHaveLength(5);
    expect(receiver.peakConcurrent).toBe(2);
  });
});
