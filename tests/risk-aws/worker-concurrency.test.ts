import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../../local/aws.ts';
import { startBackend, type Backend } from '../../local/backend.ts';

let aws: LocalAws;
let backend: Backend | undefined;
let sqs: SQSClient;

/** Invocations block until the test releases them, so the ones running at once can be counted. */
let inFlight = 0;
let release: () => void = () => undefined;
const released = new Promise<void>((resolve) => {
  release = resolve;
});
const waiters: { count: number; resolve: () => void }[] = [];

async function blockingWorker() {
  inFlight += 1;
  for (const waiter of waiters.filter((w) => w.count <= inFlight)) waiter.resolve();
  await released;
  inFlight -= 1;
  return { batchItemFailures: [] };
}

const untilInFlight = (count: number) =>
  new Promise<void>((resolve) => {
    if (inFlight >= count) resolve();
    else waiters.push({ count, resolve });
  });

beforeAll(async () => {
  aws = await startLocalAws();
  sqs = new SQSClient({
    region: 'us-east-1',
    endpoint: aws.sqsEndpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  backend = await startBackend({
    port: 0,
    env: aws.env,
    workers: {
      'risk-worker': {
        queueUrl: aws.queueUrls.risk,
        concurrency: 3,
        load: async () => ({ handler: blockingWorker }),
      },
    },
    schedules: {},
  });
});

afterAll(async () => {
  release();
  await backend?.close();
  sqs?.destroy();
  await aws?.close();
});

it('the local risk worker runs as many invocations at once as its configured concurrency', async () => {
  // One message at a time: while the earlier invocations block, only another poller can take it.
  for (const count of [1, 2, 3]) {
    await sqs.send(new SendMessageCommand({ QueueUrl: aws.queueUrls.risk, MessageBody: `job ${count}` }));
    await untilInFlight(count);
  }
  expect(inFlight).toBe(3);
});
