import type { GateOutcome } from '#src/handover/enforce-gate';
import {
  enforceGateForDeals,
  type GateBatchCrm,
  type ViolationClaims,
} from '#src/handover/enforce-gate-batch';
import type { GateSettings } from '#src/handover/gate-settings';
import { jobSchema, type GateCheckJob } from '#src/jobs';

/** One queue message as the worker sees it, without the AWS event types. */
export interface QueuedMessage {
  messageId: string;
  body: string;
}

/** A message whose body is not a gate.check job: a producer bug, so it is kept (DLQ), never guessed at. */
export class MalformedGateJobError extends Error {
  constructor(
    readonly messageId: string,
    readonly reason: string,
  ) {
    super(`Message ${messageId} is not a gate.check job: ${reason}`);
    this.name = 'MalformedGateJobError';
  }
}

/** A message's result: it succeeded when every deal it carried was enforced. */
export type GateCheckResult =
  | { ok: true; jobs: GateCheckJob[]; outcomes: GateOutcome[] }
  | { ok: false; jobs?: GateCheckJob[]; error: unknown };

export interface GateCheckDeps {
  crm: GateBatchCrm;
  settingsOf(portalId: number): Promise<GateSettings>;
  /** Claims on the portal's violations, so no retry reports one twice. */
  violationClaimsOf(portalId: number): ViolationClaims;
  now(): string;
}

/** Jobs larger than this in one message are a producer bug (the webhook packs at most 100). */
const MAX_JOBS_PER_MESSAGE = 1_000;

/** The gate checks a message carries: one job, or an array of them (a packing producer). */
function parseGateJobs(message: QueuedMessage): GateCheckJob[] {
  let json: unknown;
  try {
    json = JSON.parse(message.body);
  } catch {
    throw new MalformedGateJobError(message.messageId, 'the body is not JSON');
  }
  const items = Array.isArray(json) ? json : [json];
  if (items.length === 0 || items.length > MAX_JOBS_PER_MESSAGE)
    throw new MalformedGateJobError(
      message.messageId,
      `expected 1 to ${MAX_JOBS_PER_MESSAGE} jobs, got ${items.length}`,
    );
  return items.map((item, index) => {
    const parsed = jobSchema.safeParse(item);
    const where = Array.isArray(json) ? `[${index}]` : '';
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = [where, issue?.path.join('.')].filter(Boolean).join('.');
      throw new MalformedGateJobError(
        message.messageId,
        `${path || '(body)'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    if (parsed.data.type !== 'gate.check')
      throw new MalformedGateJobError(
        message.messageId,
        `${where ? `${where}: ` : ''}a ${parsed.data.type} job on the gate queue`,
      );
    return parsed.data;
  });
}

/**
 * Runs the gate for a queue batch: parses every message, then enforces each portal's deals in one
 * batch (`enforceGateForDeals`). Returns a result per message id; a failure of a portal's batch is
 * the result of each of its messages, so the queue retries exactly those.
 */
export async function runGateChecks(
  messages: readonly QueuedMessage[],
  deps: GateCheckDeps,
): Promise<Map<string, GateCheckResult>> {
  const results = new Map<string, GateCheckResult>();
  const jobsOf = new Map<string, GateCheckJob[]>();
  for (const message of messages) {
    try {
      jobsOf.set(message.messageId, parseGateJobs(message));
    } catch (error) {
      results.set(message.messageId, { ok: false, error });
    }
  }
  // A packed message normally holds one portal's checks (one webhook delivery), but may mix them.
  const dealsByPortal = new Map<number, string[]>();
  for (const job of [...jobsOf.values()].flat()) {
    const dealIds = dealsByPortal.get(job.portalId) ?? [];
    dealIds.push(job.dealId);
    dealsByPortal.set(job.portalId, dealIds);
  }
  const enforced = new Map<number, { byDeal: Map<string, GateOutcome> } | { error: unknown }>();
  for (const [portalId, dealIds] of dealsByPortal) {
    try {
      const outcomes = await enforceGateForDeals(
        deps.crm,
        deps.violationClaimsOf(portalId),
        await deps.settingsOf(portalId),
        dealIds,
        deps.now(),
      );
      enforced.set(portalId, { byDeal: new Map(outcomes.map((outcome) => [outcome.dealId, outcome])) });
    } catch (error) {
      enforced.set(portalId, { error });
    }
  }
  for (const [messageId, jobs] of jobsOf) {
    const outcomes: GateOutcome[] = [];
    let error: unknown;
    for (const job of jobs) {
      const portal = enforced.get(job.portalId)!;
      const outcome = 'byDeal' in portal ? portal.byDeal.get(job.dealId) : undefined;
      if (outcome) outcomes.push(outcome);
      else error ??= 'error' in portal ? portal.error : new Error('no outcome');
    }
    results.set(messageId, error === undefined ? { ok: true, jobs, outcomes } : { ok: false, jobs, error });
  }
  return results;
}
