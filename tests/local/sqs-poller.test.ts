import {
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLocalAws, type LocalAws } from '../../local/aws.ts';
import { startBackend, type Backend } from '../../local/backend.ts';

/** Bodies say how the stand-in worker treats them; it records every delivery it sees. */
const deliveries = new Map<string, SQSRecord[]>();

async function worker(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const seen = [...(deliveries.get(record.body) ?? []), record];
    deliveries.set(record.body, seen);
    const failsNow =
      record.body.startsWith('always-fail') || (record.body.startsWith('fail-once') && seen.length === 1);
    if (failsNow) batchItemFailures.push({ itemIdentifier: record.messageId });
  }
  return { batchItemFailures };
}

/** Sizes of the batches the batching worker was invoked with. */
const batchSizes: number[] = [];

let aws: LocalAws;
let backend: Backend;
let sqs: SQSClient;

beforeAll(async () => {
  // A one-second visibility timeout lets failed messages come back quickly.
  aws = await startLocalAws({ visibilityTimeoutSeconds: 1, maxReceiveCount: 5 });
  backend = await startBackend({
    port: 0,
    env: aws.env,
    workers: {
      gate: { queueUrl: aws.queueUrls.gate, load: async () => ({ handler: worker }) },
      // As the gate worker is deployed, up to 100 records, with a window inside this queue's
      // one-second visibility timeout (AWS wants the timeout well above the window).
      batching: {
        queueUrl: aws.queueUrls.risk,
        batchSize: 100,
        batchingWindowMs: 500,
        load: async () => ({
          handler: async (event: SQSEvent) => {
            batchSizes.push(event.Records.length);
          },
        }),
      },
    },
    schedules: {},
  });
  sqs = new SQSClient({
    region: 'us-east-1',
    endpoint: aws.sqsEndpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});

afterAll(async () => {
  sqs?.destroy();
  await backend?.close();
  await aws?.close();
});

const send = (body: string) =>
  sqs.send(new SendMessageCommand({ QueueUrl: aws.queueUrls.gate, MessageBody: body }));

async function queueIsEmpty(queueUrl: string): Promise<boolean> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Attributes.ApproximateNumberOfMessages === '0' && Attributes.ApproximateNumberOfMessagesNotVisible === '0'
  );
}

const eventually = { timeout: 30_000, interval: 100 };

describe('local SQS event source mapping', () => {
  it('delivers a message the worker reported in batchItemFailures again, and deletes the rest', async () => {
    await send('fail-once-1');
    await send('ok-1');

    await vi.waitFor(() => expect(deliveries.get('fail-once-1')).toHaveLength(2), eventually);
    await vi.waitFor(async () => expect(await queueIsEmpty(aws.queueUrls.gate)).toBe(true), eventually);

    const [first, second] = deliveries.get('fail-once-1') ?? [];
    expect(second?.messageId).toBe(first?.messageId);
    expect([first?.attributes.ApproximateReceiveCount, second?.attributes.ApproximateReceiveCount]).toEqual([
      '1',
      '2',
    ]);
    expect(deliveries.get('ok-1')).toHaveLength(1);
  });

  it('moves a message that fails five times to the dead-letter queue', async () => {
    const { MessageId } = await send('always-fail-1');

    const deadLetters = await vi.waitFor(async () => {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: aws.queueUrls.gateDlq, MaxNumberOfMessages: 10 }),
      );
      expect(Messages).toHaveLength(1);
      return Messages;
    }, eventually);

    expect(deadLetters[0]?.MessageId).toBe(MessageId);
    expect(deadLetters[0]?.Body).toBe('always-fail-1');
    const attempts = deliveries.get('always-fail-1') ?? [];
    expect(attempts.map((record) => record.attributes.ApproximateReceiveCount)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
  });

  it('gathers more than ten messages into one invocation within the batching window, and deletes them all', async () => {
    for (let i = 0; i < 35; i += 10) {
      await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: aws.queueUrls.risk,
          Entries: Array.from({ length: Math.min(10, 35 - i) }, (_, k) => ({
            Id: String(k),
            MessageBody: `batched-${i + k}`,
          })),
        }),
      );
    }

    await vi.waitFor(() => expect(batchSizes.reduce((sum, n) => sum + n, 0)).toBe(35), eventually);
    await vi.waitFor(async () => expect(await queueIsEmpty(aws.queueUrls.risk)).toBe(true), eventually);
    // SQS hands out at most ten a receive: only the window makes one invocation of all 35.
    expect(batchSizes).toEqual([35]);
  });
});
