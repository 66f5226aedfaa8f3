import { Signature } from '@hubspot/api-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeliverySummary } from '#sandbox/webhooks/index';
import {
  CLIENT_SECRET,
  flush,
  publishStageChanges,
  putConfig,
  startWebhookSandbox,
  webhookConfig,
  type WebhookSandbox,
} from './webhooks-harness';
import { WebhookReceiver } from './webhooks-receiver';

let sandbox: WebhookSandbox;
let receiver: WebhookReceiver;

async function start() {
  sandbox = await startWebhookSandbox();
  receiver = await WebhookReceiver.start();
}

afterEach(async () => {
  await sandbox.app.close();
  await receiver.stop().catch(() => undefined);
});

async function deliveryLog(): Promise<DeliverySummary> {
  return (await sandbox.app.inject({ method: 'GET', url: '/__sandbox/webhooks/log' })).json();
}

function attempts(summary: DeliverySummary) {
  return summary.deliveries.map(({ attemptNumber, status, outcome }) => ({ attemptNumber, status, outcome }));
}

describe('webhook retries', () => {
  it('retries a batch after 5xx answers with a growing attemptNumber, freshly signed each time', async () => {
    await start();
    await putConfig(sandbox.app, webhookConfig(receiver.url()));
    receiver.answerNext(500, 503);

    publishStageChanges(sandbox.feed, 2);
    const summary: DeliverySummary = (await flush(sandbox.app)).json();

    expect(attempts(summary)).toEqual([
      { attemptNumber: 0, status: 500, outcome: 'retrying' },
      { attemptNumber: 1, status: 503, outcome: 'retrying' },
      { attemptNumber: 2, status: 200, outcome: 'delivered' },
    ]);
    expect(new Set(summary.deliveries.map((d) => d.id)).size).toBe(1);
    expect(receiver.deliveries.map((d) => d.events.map((e) => e.attemptNumber))).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    const [first, , last] = receiver.deliveries;
    expect(last?.events.map((e) => e.eventId)).toEqual(first?.events.map((e) => e.eventId));
    expect(
      Signature.isValid({
        signatureVersion: 'v3',
        signature: String(last?.headers['x-hubspot-signature-v3']),
        clientSecret: CLIENT_SECRET,
        requestBody: last!.body,
        url: last!.url,
        timestamp: Number(last?.headers['x-hubspot-request-timestamp']),
      }),
    ).toBe(true);
  });

  it('retries a request the receiver does not answer within the timeout', async () => {
    await start();
    await putConfig(sandbox.app, webhookConfig(receiver.url(), { timeoutMs: 200 }));
    receiver.answerNext('hang');

    publishStageChanges(sandbox.feed, 1);
    const summary: DeliverySummary = (await flush(sandbox.app)).json();

    expect(attempts(summary)).toEqual([
      { attemptNumber: 0, status: 'timeout', outcome: 'retrying' },
      { attemptNumber: 1, status: 200, outcome: 'delivered' },
    ]);
    expect(receiver.deliveries).toHaveLength(2);
  });

  it('retries while the receiver refuses connections and delivers once it is back', async () => {
    await start();
    await putConfig(sandbox.app, webhookConfig(receiver.url(), { retryBaseMs: 100 }));
    await receiver.stop();

    publishStageChanges(sandbox.feed, 1);
    await vi.waitFor(async () => expect((await deliveryLog()).deliveries[0]?.status).toBe('refused'));
    await receiver.resume();
    const summary: DeliverySummary = (await flush(sandbox.app)).json();

    expect(summary.deliveries.at(0)).toMatchObject({
      attemptNumber: 0,
      status: 'refused',
      outcome: 'retrying',
    });
    expect(summary.deliveries.at(-1)).toMatchObject({ status: 200, outcome: 'delivered' });
    expect(receiver.deliveries).toHaveLength(1);
    expect(receiver.events[0]?.attemptNumber).toBe(summary.deliveries.at(-1)?.attemptNumber);
    expect(receiver.events[0]?.attemptNumber).toBeGreaterThan(0);
  });

  it('does not retry a 4xx answer and logs the batch as failed', async () => {
    await start();
    await putConfig(sandbox.app, webhookConfig(receiver.url()));
    receiver.answerNext(400);

    publishStageChanges(sandbox.feed, 1);
    const summary: DeliverySummary = (await flush(sandbox.app)).json();

    expect(attempts(summary)).toEqual([{ attemptNumber: 0, status: 400, outcome: 'failed' }]);
    expect(receiver.deliveries).toHaveLength(1);
    expect(summary).toMatchObject({ pending: 0, inFlight: 0 });
  });

  it('waits as long as a 429 answer’s Retry-After says, not the back-off schedule', async () => {
    await start();
    // A back-off of ten minutes would outlast the flush below: only Retry-After can get the batch through.
    await putConfig(sandbox.app, webhookConfig(receiver.url(), { retryBaseMs: 600_000 }));
    receiver.answerNext({ status: 429, headers: { 'Retry-After': '1' } });

    publishStageChanges(sandbox.feed, 1);
    const response = await flush(sandbox.app, 5_000);

    expect(response.statusCode).toBe(200);
    expect(attempts(response.json())).toEqual([
      { attemptNumber: 0, status: 429, outcome: 'retrying' },
      { attemptNumber: 1, status: 200, outcome: 'delivered' },
    ]);
  });

  it('gives up after maxAttempts attempts', async () => {
    await start();
    await putConfig(sandbox.app, webhookConfig(receiver.url(), { maxAttempts: 3 }));
    receiver.answerNext(502, 502, 502, 502);

    publishStageChanges(sandbox.feed, 1);
    const summary: DeliverySummary = (await flush(sandbox.app)).json();

    expect(attempts(summary)).toEqual([
      { attemptNumber: 0, status: 502, outcome: 'retrying' },
      { attemptNumber: 1, status: 502, outcome: 'retrying' },
      { attemptNumber: 2, status: 502, outcome: 'failed' },
    ]);
    expect(receiver.deliveries).toHaveLength(3);
  });

  it('answers a flush with 504 and what is still pending when retries outlast its timeout', async () => {
    await start();
    await putConfig(sandbox.app, webhookConfig(receiver.url(), { retryBaseMs: 600_000 }));
    receiver.answerNext(500);

    publishStageChanges(sandbox.feed, 4);
    const response = await flush(sandbox.app, 300);

    expect(response.statusCode).toBe(504);
    expect(response.json()).toMatchObject({ pending: 4, inFlight: 0 });
  });
});
