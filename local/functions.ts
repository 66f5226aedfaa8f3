import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { QUEUE_EVENT_SOURCES, type QueueWorkerName } from '#src/aws/event-sources';
import type { ScheduledHandler } from './schedule.ts';
import type { SqsHandler } from './sqs-poller.ts';

export type HttpHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2 | string | object>;

export interface WorkerBinding {
  /** Queue the event source mapping reads; the name of the env var holding it in production. */
  queueUrl: string;
  load(): Promise<{ handler: SqsHandler }>;
  timeoutMs?: number;
  /** Invocations at once (AWS: the event source mapping's MaximumConcurrency). */
  concurrency?: number;
  /** Records per invocation (BatchSize); default 10. */
  batchSize?: number;
  /** MaximumBatchingWindowInSeconds, in ms; default 0. */
  batchingWindowMs?: number;
}

/** A worker's binding as its event source mapping is configured (`QUEUE_EVENT_SOURCES`). */
export function queueWorker(
  name: QueueWorkerName,
  queueUrl: string,
  overrides: Partial<Pick<WorkerBinding, 'concurrency' | 'timeoutMs'>> = {},
): WorkerBinding {
  const source = QUEUE_EVENT_SOURCES[name];
  return {
    queueUrl,
    load: loadFunction<{ handler: SqsHandler }>(name),
    concurrency: source.maximumConcurrency,
    batchSize: source.batchSize,
    batchingWindowMs: source.maximumBatchingWindowSeconds * 1000,
    ...overrides,
  };
}

export interface ScheduleBinding {
  everySeconds: number;
  load(): Promise<{ handler: ScheduledHandler }>;
}

const FUNCTIONS_DIR = fileURLToPath(new URL('../functions/', import.meta.url));

export function functionFile(name: string): string {
  return `${FUNCTIONS_DIR}${name}.ts`;
}

/** Imports `functions/<name>.ts`; the environment must be in place first (config is read at import). */
export function loadFunction<T>(name: string): () => Promise<T> {
  return async () => (await import(pathToFileURL(functionFile(name)).href)) as T;
}

/** Workers that exist in this checkout: they are written by other parts of the project over time. */
export function defaultWorkers(env: Record<string, string | undefined>): Record<string, WorkerBinding> {
  const candidates: [QueueWorkerName, string | undefined, Partial<WorkerBinding>][] = [
    ['gate-worker', env.GATE_QUEUE_URL, {}],
    // Sized with the workers' share of the portal's rate limit (src/aws/risk-rate-shares.ts).
    [
      'risk-worker',
      env.RISK_QUEUE_URL,
      env.RISK_WORKER_CONCURRENCY ? { concurrency: Number(env.RISK_WORKER_CONCURRENCY) } : {},
    ],
  ];
  return Object.fromEntries(
    candidates
      .filter(
        (entry): entry is [QueueWorkerName, string, Partial<WorkerBinding>] =>
          entry[1] !== undefined && existsSync(functionFile(entry[0])),
      )
      .map(([name, queueUrl, overrides]) => [name, queueWorker(name, queueUrl, overrides)]),
  );
}

export interface ScheduleIntervals {
  /** Gate reconciliation, checkpoints, disengagement, win-back (EventBridge: every 15 minutes). */
  sweepsEverySeconds?: number;
  /** Fan-out of companies to score (EventBridge: daily). */
  riskEverySeconds?: number;
}

export function defaultSchedules(intervals: ScheduleIntervals = {}): Record<string, ScheduleBinding> {
  const candidates: [string, number][] = [
    ['sweeps', intervals.sweepsEverySeconds ?? 60],
    ['risk-scheduler', intervals.riskEverySeconds ?? 600],
  ];
  return Object.fromEntries(
    candidates
      .filter(([name]) => existsSync(functionFile(name)))
      .map(([name, everySeconds]) => [
        name,
        { everySeconds, load: loadFunction<{ handler: ScheduledHandler }>(name) },
      ]),
  );
}
