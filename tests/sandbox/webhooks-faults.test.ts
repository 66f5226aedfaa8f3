import { afterEach, describe, expect, it } from 'vitest';
import type { DeliverySummary, WebhookConfigInput } from '#sandbox/webhooks/index';
import {
  flush,
  publishStageChanges,
  putConfig,
  startWebhookSandbox,
  webhookConfig,
  type WebhookSandbox,
} from './webhooks-harness';
import { WebhookReceiver } from './webhooks-receiver';

const running: { sandbox: WebhookSandbox; receiver: WebhookReceiver }[] = [];

async function start(delivery: WebhookConfigInput['delivery'], maxConcurrentRequests = 10) {
  const sandbox = await startWebhookSandbox();
  const receiver = await WebhookReceiver.start();
  running.push({ sandbox, receiver });
  await putConfig(sandbox.app, webhookConfig(receiver.url(), delivery, maxConcurrentRequests));
  return { sandbox, receiver };
}

afterEach(async () => {
  for (const { sandbox, receiver } of running.splice(0)) {
    await sandbox.app.close();
    await receiver.stop();
  }
});

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('webhook fault switches', () => {
  it('duplicateRate 1 sends every batch twice with the same event ids', async () => {
    const { sandbox, receiver } = await start({ duplicateRate: 1 });

    publishStageChanges(sandbox.feed, 150);
    const summary: DeliverySummary = (await flush(sandbox.app)).json();

    expect(receiver.deliveries).toHaveLength(4);
    expect(receiver.events).toHaveLength(300);
    expect(new Set(receiver.events.map((e) => e.eventId)).size).toBe(150);
    expect(summary.deliveries.filter((d) => d.duplicate)).toHaveLength(2);
  });

  it('shuffle reorders events within and across batches but still sends each once', async () => {
    const { sandbox, receiver } = await start({ shuffle: true, seed: 7 }, 1);

    publishStageChanges(sandbox.feed, 250);
    await flush(sandbox.app);

    const received = receiver.events.map((e) => e.objectId);
    expect(received).toHaveLength(250);
    expect([...received].sort((a, b) => a - b)).toEqual(range(250));
    expect(received).not.toEqual(range(250));
    // With one request at a time the first to arrive would hold deals 1–100 if batches were cut in order.
    expect(receiver.deliveries[0]?.events.map((e) => e.objectId).some((id) => id > 100)).toBe(true);
  });

  it('dropRate leaves some events unsent and logs exactly those as dropped', async () => {
    const { sandbox, receiver } = await start({ dropRate: 0.3 });

    publishStageChanges(sandbox.feed, 200);
    const summary: DeliverySummary = (await flush(sandbox.app)).json();

    const dropped = summary.deliveries.filter((d) => d.outcome === 'dropped').flatMap((d) => d.eventIds);
    const delivered = receiver.events.map((e) => e.eventId);
    expect(dropped.length).toBeGreaterThan(20);
    expect(dropped.length).toBeLessThan(100);
    expect(delivered.filter((id) => dropped.includes(id))).toEqual([]);
    expect(dropped.length + delivered.length).toBe(200);
  });

  it('drops the same changes again under the same seed', async () => {
    const deliveredDeals = async (seed: number) => {
      const { sandbox, receiver } = await start({ dropRate: 0.5, seed });
      publishStageChanges(sandbox.feed, 50);
      await flush(sandbox.app);
      return receiver.events.map((e) => e.objectId).sort((a, b) => a - b);
    };

    const first = await deliveredDeals(42);
    expect(await deliveredDeals(42)).toEqual(first);
    expect(await deliveredDeals(43)).not.toEqual(first);
  });

  it('delayMs holds deliveries back, and closing the sandbox cancels them', async () => {
    const { sandbox, receiver } = await start({ delayMs: 60_000 });

    publishStageChanges(sandbox.feed, 3);
    const response = await flush(sandbox.app, 300);

    expect(response.statusCode).toBe(504);
    expect(response.json()).toMatchObject({ pending: 3, inFlight: 0 });
    await sandbox.app.close();
    expect(sandbox.dispatcher.summary().pending).toBe(0);
    expect(receiver.deliveries).toEqual([]);
  });
});
