/**
 * How Lambda's SQS event source mapping feeds each queue worker: defined once, for the
 * deployment and for the local runtime (`local/sqs-poller.ts` behaves the same way).
 */
export interface QueueEventSource {
  /** Records per invocation (BatchSize). Above 10 needs a batching window (standard queues: ≤ 10,000). */
  batchSize: number;
  /** How long records are gathered before an invocation with fewer than `batchSize` (MaximumBatchingWindowInSeconds). */
  maximumBatchingWindowSeconds: number;
  /** Invocations at once (ScalingConfig.MaximumConcurrency; 2 is Lambda's smallest). */
  maximumConcurrency: number;
}

export const QUEUE_EVENT_SOURCES = {
  /**
   * A deal costs the gate worker a share of one batch read, one note, one task and one update, each
   * of up to 100 deals (HubSpot's batch limit). A message carries a webhook delivery's checks (up
   * to 100 deals, GATE_JOBS_PER_MESSAGE), so ten of them gathered for up to a second make an
   * import of thousands of won deals cost tens of calls, not thousands. A lone deal moved in the UI
   * waits at most the one-second window.
   */
  'gate-worker': { batchSize: 10, maximumBatchingWindowSeconds: 1, maximumConcurrency: 2 },
  /**
   * Each risk job is already a page of 100 companies (about 21 calls). Concurrency: the default of
   * RISK_WORKER_CONCURRENCY, which sizes each worker's rate share (risk-rate-shares.ts).
   */
  'risk-worker': { batchSize: 10, maximumBatchingWindowSeconds: 0, maximumConcurrency: 2 },
} as const satisfies Record<string, QueueEventSource>;

export type QueueWorkerName = keyof typeof QUEUE_EVENT_SOURCES;
