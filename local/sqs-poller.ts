import { setTimeout as delay } from 'node:timers/promises';
import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { chunks } from '#src/collections/chunks';
import { lambdaContext, sqsEvent } from './lambda-events.ts';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void>;

export interface SqsPollerOptions {
  name: string;
  client: SQSClient;
  queueUrl: string;
  handler: SqsHandler;
  /** Pause between empty receives. */
  idleMs?: number;
  timeoutMs?: number;
  /** Invocations at once, like the event source mapping's MaximumConcurrency; default 1. */
  concurrency?: number;
  /** Records per invocation, like the mapping's BatchSize; default 10. */
  batchSize?: number;
  /** How long to gather up to `batchSize` records, like MaximumBatchingWindowInSeconds; default 0. */
  batchingWindowMs?: number;
  onError?: (message: string, error: unknown) => void;
}

export interface SqsPoller {
  stop(): Promise<void>;
}

/**
 * Lambda's SQS event source mapping in miniature: gather up to `batchSize` messages (receives of
 * 10, for at most the batching window once the first has arrived), invoke, then delete only the
 * messages not reported in `batchItemFailures`. A thrown error fails the whole batch. Failed
 * messages reappear after the queue's visibility timeout and reach the DLQ by its redrive policy.
 * Short polls: local-aws-sqs holds a long poll for its full wait even when messages are ready.
 */
export async function startSqsPoller(options: SqsPollerOptions): Promise<SqsPoller> {
  const { client, queueUrl, handler } = options;
  const onError =
    options.onError ?? ((message, error) => console.error(`[${options.name}] ${message}`, error));
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  const queueArn = Attributes?.QueueArn ?? queueUrl;
  const stopping = new AbortController();

  const pause = (ms: number) => delay(ms, undefined, { signal: stopping.signal }).catch(() => undefined);

  const batchSize = Math.max(1, options.batchSize ?? 10);
  const windowMs = Math.max(0, options.batchingWindowMs ?? 0);

  async function receive(max: number): Promise<Message[]> {
    const { Messages: messages = [] } = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: Math.min(10, max),
        WaitTimeSeconds: 0,
        MessageSystemAttributeNames: ['All'],
        // local-aws-sqs answers only the older AttributeNames with ApproximateReceiveCount & co.
        AttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
    );
    return messages;
  }

  async function gather(): Promise<Message[]> {
    const first = await receive(batchSize);
    if (first.length === 0) return first;
    // By id: a message whose visibility ran out while gathering comes back with a new receipt.
    const byId = new Map(first.map((message) => [message.MessageId, message]));
    const deadline = performance.now() + windowMs;
    while (byId.size < batchSize && !stopping.signal.aborted) {
      const more = await receive(batchSize - byId.size);
      for (const message of more) byId.set(message.MessageId, message);
      if (more.length > 0) continue;
      const left = deadline - performance.now();
      if (left <= 0) break;
      await pause(Math.min(50, left));
    }
    return [...byId.values()];
  }

  async function pollOnce(): Promise<boolean> {
    const messages = await gather();
    if (messages.length === 0) return false;
    let failed: Set<string>;
    try {
      const result = await handler(
        sqsEvent(messages, queueArn),
        lambdaContext(options.name, options.timeoutMs ?? 30_000),
      );
      failed = new Set((result?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
    } catch (error) {
      onError('handler failed; the whole batch will be retried', error);
      failed = new Set(messages.map((message) => message.MessageId ?? ''));
    }
    const done = messages.filter((message) => !failed.has(message.MessageId ?? ''));
    // DeleteMessageBatch takes at most 10 entries.
    for (const part of chunks(done, 10)) {
      await client.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: part.map((message, index) => ({
            Id: String(index),
            ReceiptHandle: message.ReceiptHandle,
          })),
        }),
      );
    }
    return true;
  }

  const loop = async () => {
    while (!stopping.signal.aborted) {
      try {
        const received = await pollOnce();
        if (!received) await pause(options.idleMs ?? 200);
      } catch (error) {
        if (stopping.signal.aborted) break;
        onError('polling failed', error);
        await pause(1_000);
      }
    }
  };
  const loops = Array.from({ length: Math.max(1, options.concurrency ?? 1) }, loop);

  return {
    stop: async () => {
      stopping.abort();
      await Promise.all(loops);
    },
  };
}
