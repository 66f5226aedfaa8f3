import type { JobQueue } from '#src/aws/queue';
import { gateCheckJobs, isGateTrigger, type GateTriggerContext } from '#src/webhooks/gate-jobs';
import type { HubSpotEvent } from '#src/webhooks/hubspot-event';

/** Which events of a delivery were not handled before (`src/aws/event-log.ts` keeps them). */
export interface DeliveryClaims<T = HubSpotEvent> {
  /** The items no earlier delivery handled: this delivery queues their work. */
  fresh: T[];
  duplicates: number;
  /** Remembers the fresh items once their work is queued: later deliveries see duplicates. */
  confirm(): Promise<void>;
  /** Forgets what this delivery claimed, so HubSpot's retry of it is processed again. */
  release(): Promise<void>;
}

export interface AcceptBatchDeps extends GateTriggerContext {
  /** Claims each event's first delivery; events seen before come back as duplicates. */
  claim(events: readonly HubSpotEvent[]): Promise<DeliveryClaims>;
  gateQueue: JobQueue;
  onConfirmFailed?(error: unknown): void;
}

export interface BatchOutcome {
  received: number;
  relevant: number;
  duplicates: number;
  enqueued: number;
}

/**
 * Turns a verified, validated batch into gate checks. Claims are released when the queue refuses
 * the jobs, so HubSpot's retry of this request is processed rather than taken for a duplicate.
 */
export async function acceptWebhookBatch(
  events: readonly HubSpotEvent[],
  deps: AcceptBatchDeps,
): Promise<BatchOutcome> {
  const triggers = events.filter((event) => isGateTrigger(event, deps));
  if (triggers.length === 0) return { received: events.length, relevant: 0, duplicates: 0, enqueued: 0 };

  const claims = await deps.claim(triggers);
  const jobs = gateCheckJobs(claims.fresh, deps);
  try {
    await deps.gateQueue.send(jobs);
  } catch (error) {
    await claims.release();
    throw error;
  }
  // The jobs are queued: a failed confirmation only means a retry may queue them again, which the
  // state-based worker tolerates. It must not turn this delivery into a 5xx.
  await claims.confirm().catch((error: unknown) => deps.onConfirmFailed?.(error));
  return {
    received: events.length,
    relevant: triggers.length,
    duplicates: claims.duplicates,
    enqueued: jobs.length,
  };
}
