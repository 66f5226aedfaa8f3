import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { chunks } from '#src/collections/chunks';
import { jobSchema, type Job } from '#src/jobs';

/** Where producers put work. The use cases see only this port. */
export interface JobQueue {
  send(jobs: readonly Job[]): Promise<void>;
}

/** SQS allows at most 10 entries per SendMessageBatch call. */
const SQS_BATCH_LIMIT = 10;
/** Well under SQS's 256 KiB message limit (a gate check is about 120 bytes). */
const MESSAGE_BYTES_LIMIT = 200_000;
/** Gate checks per message on the gate queue: a webhook delivery's (up to 100 events) in one. */
export const GATE_JOBS_PER_MESSAGE = 100;

export interface SqsJobQueueOptions {
  /**
   * Jobs per message. Above 1, a message body is a JSON array of jobs (the gate worker's
   * `parseGateJobs` reads both shapes), so a producer of many small jobs makes one call for up to
   * ten messages' worth.
   */
  jobsPerMessage?: number;
}

/** The jobs of one message body: a single job or an array of them. */
export function queuedJobBodies(jobs: readonly Job[], jobsPerMessage: number): string[] {
  const valid = jobs.map((job) => jobSchema.parse(job));
  if (jobsPerMessage <= 1) return valid.map((job) => JSON.stringify(job));
  const bodies: string[] = [];
  let group: string[] = [];
  let bytes = 2;
  for (const job of valid) {
    const json = JSON.stringify(job);
    if (
      group.length > 0 &&
      (group.length >= jobsPerMessage || bytes + json.length + 1 > MESSAGE_BYTES_LIMIT)
    ) {
      bodies.push(`[${group.join(',')}]`);
      group = [];
      bytes = 2;
    }
    group.push(json);
    bytes += json.length + 1;
  }
  if (group.length > 0) bodies.push(`[${group.join(',')}]`);
  return bodies;
}

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
    private readonly options: SqsJobQueueOptions = {},
  ) {}

  async send(jobs: readonly Job[]): Promise<void> {
    const bodies = queuedJobBodies(jobs, this.options.jobsPerMessage ?? 1);
    await Promise.all(chunks(bodies, SQS_BATCH_LIMIT).map((chunk) => this.sendChunk(chunk)));
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
