import { DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

/**
 * Reads a local queue to the end, deleting what it read: what the test sees is what was enqueued,
 * job by job (a packed message's array is spread).
 */
export async function drainQueue(endpoint: string, queueUrl: string): Promise<unknown[]> {
  const client = new SQSClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const bodies: unknown[] = [];
  try {
    for (;;) {
      const { Messages = [] } = await client.send(
        new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
      );
      if (Messages.length === 0) return bodies;
      for (const message of Messages) {
        const body = JSON.parse(message.Body ?? 'null') as unknown;
        bodies.push(...(Array.isArray(body) ? (body as unknown[]) : [body]));
      }
      await client.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: Messages.map((message, index) => ({
            Id: String(index),
            ReceiptHandle: message.ReceiptHandle,
          })),
        }),
      );
    }
  } finally {
    client.destroy();
  }
}
