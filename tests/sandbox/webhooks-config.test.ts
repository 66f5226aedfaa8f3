import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Signature } from '@hubspot/api-client';
import { afterEach, describe, expect, it } from 'vitest';
import { webhooksHsmeta } from '#src/project/webhooks';
import {
  APP_ID,
  CLIENT_SECRET,
  flush,
  publishStageChanges,
  putConfig,
  startWebhookSandbox,
  webhookConfig,
  type WebhookSandbox,
} from './webhooks-harness';
import { WebhookReceiver } from './webhooks-receiver';

const TARGET = 'https://backend.example.com/webhooks/hubspot';
const cleanups: (() => Promise<unknown>)[] = [];

async function start(dataDir?: string): Promise<WebhookSandbox> {
  const sandbox = await startWebhookSandbox(dataDir === undefined ? {} : { dataDir });
  cleanups.push(() => sandbox.app.close());
  return sandbox;
}

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function badFields(body: { errors: { field: string }[] }): string[] {
  return body.errors.map((e) => e.field);
}

describe('webhook configuration', () => {
  it('stores a configuration, fills in defaults and subscription ids, and never shows the secret', async () => {
    const { app } = await start();

    const put = await putConfig(app, { ...webhookConfig(TARGET), delivery: undefined });
    const got = await app.inject({ method: 'GET', url: '/__sandbox/webhooks' });

    expect(put.statusCode).toBe(200);
    expect(got.json()).toEqual(put.json());
    expect(got.body).not.toContain(CLIENT_SECRET);
    expect(got.json()).toMatchObject({
      appId: APP_ID,
      clientSecret: '[redacted]',
      settings: { targetUrl: TARGET, maxConcurrentRequests: 10 },
      subscriptions: {
        crmObjects: [
          { id: 1, subscriptionType: 'object.propertyChange', objectType: 'deal', propertyName: 'dealstage' },
          { id: 2, subscriptionType: 'object.creation', objectType: 'deal', active: true },
        ],
      },
      delivery: { batchWindowMs: 100, timeoutMs: 5_000, maxAttempts: 10, duplicateRate: 0, dropRate: 0 },
    });
  });

  it('accepts the project’s own webhooks-hsmeta.json config', async () => {
    const { app } = await start();
    const { config } = webhooksHsmeta();

    const response = await putConfig(app, {
      ...config,
      settings: { ...config.settings, targetUrl: TARGET },
      appId: APP_ID,
      clientSecret: CLIENT_SECRET,
    });

    expect(response.statusCode).toBe(200);
    expect(response.json().subscriptions.crmObjects).toHaveLength(config.subscriptions.crmObjects.length);
  });

  it('rejects a bad configuration with a 400 naming each bad field', async () => {
    const { app } = await start();
    const config = webhookConfig('ftp://backend.example.com/hooks', { dropRate: 1.5 });
    config.subscriptions.crmObjects.push(
      { subscriptionType: 'object.propertyChange', objectType: 'deal', active: true },
      { subscriptionType: 'object.creation', objectType: 'deals' as 'deal', active: true },
    );

    const response = await putConfig(app, { ...config, clientSecret: '', webhookUrl: TARGET });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    expect(badFields(response.json()).sort()).toEqual([
      '(body)',
      'clientSecret',
      'delivery.dropRate',
      'settings.targetUrl',
      'subscriptions.crmObjects.2.propertyName',
      'subscriptions.crmObjects.3.objectType',
    ]);
    expect(response.json().message).toContain('webhookUrl');
    expect((await app.inject({ method: 'GET', url: '/__sandbox/webhooks' })).statusCode).toBe(404);
  });

  it('rejects the same subscription listed twice', async () => {
    const { app } = await start();
    const config = webhookConfig(TARGET);
    config.subscriptions.crmObjects.push({ subscriptionType: 'object.creation', objectType: 'deal' });

    const response = await putConfig(app, config);

    expect(response.statusCode).toBe(400);
    expect(badFields(response.json())).toEqual(['subscriptions.crmObjects.2']);
  });

  it('rejects a flush timeout that is not a positive number', async () => {
    const { app } = await start();

    const response = await app.inject({ method: 'POST', url: '/__sandbox/webhooks/flush?timeoutMs=soon' });

    expect(response.statusCode).toBe(400);
    expect(badFields(response.json())).toEqual(['timeoutMs']);
  });

  it('keeps the ids of unchanged subscriptions when the configuration is replaced', async () => {
    const { app } = await start();
    const first = (await putConfig(app, webhookConfig(TARGET))).json();
    const config = webhookConfig(TARGET);
    config.subscriptions.crmObjects.reverse().unshift({
      subscriptionType: 'object.propertyChange',
      objectType: 'deal',
      propertyName: 'amount',
    });

    const second = (await putConfig(app, config)).json();

    const idOf = (body: typeof first, key: string) =>
      body.subscriptions.crmObjects.find(
        (s: { subscriptionType: string; propertyName?: string }) =>
          (s.propertyName ?? s.subscriptionType) === key,
      )?.id;
    expect(idOf(second, 'dealstage')).toBe(idOf(first, 'dealstage'));
    expect(idOf(second, 'object.creation')).toBe(idOf(first, 'object.creation'));
    expect(idOf(second, 'amount')).toBe(3);
  });

  it('delivers nothing once all subscriptions are deleted', async () => {
    const { app, feed } = await start();
    const receiver = await WebhookReceiver.start();
    cleanups.push(() => receiver.stop());
    await putConfig(app, webhookConfig(receiver.url()));

    expect((await app.inject({ method: 'DELETE', url: '/__sandbox/webhooks' })).statusCode).toBe(204);
    publishStageChanges(feed, 5);
    await flush(app);

    expect(receiver.deliveries).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/__sandbox/webhooks' })).statusCode).toBe(404);
  });

  it('keeps the configuration, secret included, in dataDir across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'webhooks-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const receiver = await WebhookReceiver.start();
    cleanups.push(() => receiver.stop());
    const before = await start(dataDir);
    const stored = (await putConfig(before.app, webhookConfig(receiver.url()))).json();
    await before.app.close();

    const after = await start(dataDir);
    publishStageChanges(after.feed, 1);
    await flush(after.app);

    expect((await after.app.inject({ method: 'GET', url: '/__sandbox/webhooks' })).json()).toEqual(stored);
    expect(JSON.parse(await readFile(join(dataDir, 'webhooks.json'), 'utf8')).clientSecret).toBe(
      CLIENT_SECRET,
    );
    const [delivery] = receiver.deliveries;
    expect(
      Signature.isValid({
        signatureVersion: 'v3',
        signature: String(delivery?.headers['x-hubspot-signature-v3']),
        clientSecret: CLIENT_SECRET,
        requestBody: delivery!.body,
        url: delivery!.url,
        timestamp: Number(delivery?.headers['x-hubspot-request-timestamp']),
      }),
    ).toBe(true);
  });

  it('forgets the saved configuration once subscriptions are deleted', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'webhooks-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const before = await start(dataDir);
    await putConfig(before.app, webhookConfig(TARGET));
    await before.app.inject({ method: 'DELETE', url: '/__sandbox/webhooks' });
    await before.app.close();

    const after = await start(dataDir);

    expect((await after.app.inject({ method: 'GET', url: '/__sandbox/webhooks' })).statusCode).toBe(404);
  });
});
