import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { jobSchema, type Job } from '#src/jobs';

/** Where producers put work. The use cases see only this port. */
export interface JobQueue {
  send(jobs: readonly Job[]): Promise<void>;
}

/** SQS allows at most 10 entries per SendMessageBatch call. */
const SQS_BATCH_LIMIT = 10;

export class QueueSendError extends Error {
  constructor(
    readonly queueUrl: string,
    readonly failures: readonly { id: string; code: string | undefined }[],
  ) {
    super(
      `SQS refused ${failures.length} message(s) on ${queueUrl}: ${failures.map((f) => f.code).join(', ')}`,
    );
    this.name = 'QueueSendError';
  }
}

/** A standard SQS queue: no message groups or deduplication ids; consumers are idempotent instead. */
export class SqsJobQueue implements JobQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(jobs: readonly Job[]): Promise<void> {
    const bodies = jobs.map((job) => JSON.stringify(jobSchema.parse(job)));
    const chunks: string[][] = [];
    for (let i = 0; i < bodies.length; i += SQS_BATCH_LIMIT)
      chunks.push(bodies.slice(i, i + SQS_BATCH_LIMIT));
    await Promise.all(chunks.map((chunk) => this.sendChunk(chunk)));
  }

  private async sendChunk(bodies: readonly string[]): Promise<void> {
    const result = await this.client.send(
      new SendMessageBatchCommand({
        QueueUrl: this.queueUrl,
        Entries: bodies.map((body, index) => ({ Id: String(index), MessageBody: body })),
      }),
    );
    // A batch call can succeed while single entries fail: the caller must hear about those.
    const failed = result.Failed ?? [];
    if (failed.length > 0) {
      throw new QueueSendError(
        this.queueUrl,
        failed.map((f) => ({ id: f.Id ?? '?', code: f.Code })),
      );
    }
  }
}
