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

export type GateCheckResult =
  { ok: true; job: GateCheckJob; outcome: GateOutcome } | { ok: false; job?: GateCheckJob; error: unknown };

export interface GateCheckDeps {
  crm: GateBatchCrm;
  settingsOf(portalId: number): Promise<GateSettings>;
  /** Claims on the portal's violations, so no retry reports one twice. */
  violationClaimsOf(portalId: number): ViolationClaims;
  now(): string;
}

function parseGateJob(message: QueuedMessage): GateCheckJob {
  let json: unknown;
  try {
    json = JSON.parse(message.body);
  } catch {
    throw new MalformedGateJobError(message.messageId, 'the body is not JSON');
  }
  const parsed = jobSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MalformedGateJobError(
      message.messageId,
      `${issue?.path.join('.') || '(body)'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  if (parsed.data.type !== 'gate.check')
    throw new MalformedGateJobError(message.messageId, `a ${parsed.data.type} job on the gate queue`);
  return parsed.data;
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
  const byPortal = new Map<number, { messageId: string; job: GateCheckJob }[]>();
  for (const message of messages) {
    try {
      const job = parseGateJob(message);
      const group = byPortal.get(job.portalId) ?? [];
      group.push({ messageId: message.messageId, job });
      byPortal.set(job.portalId, group);
    } catch (error) {
      results.set(message.messageId, { ok: false, error });
    }
  }
  for (const [portalId, queued] of byPortal) {
    try {
      const settings = await deps.settingsOf(portalId);
      const outcomes = await enforceGateForDeals(
        deps.crm,
        deps.violationClaimsOf(portalId),
        settings,
        queued.map((q) => q.job.dealId),
        deps.now(),
      );
      const byDeal = new Map(outcomes.map((outcome) => [outcome.dealId, outcome]));
      for (const { messageId, job } of queued) {
        const outcome = byDeal.get(job.dealId);
        results.set(
          messageId,
          outcome ? { ok: true, job, outcome } : { ok: false, job, error: new Error('no outcome') },
        );
      }
    } catch (error) {
      for (const { messageId, job } of queued) results.set(messageId, { ok: false, job, error });
    }
  }
  return results;
}
