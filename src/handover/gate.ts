import type { Pipeline, Properties, PropertyChange } from '#src/crm/records';
import { addDays, instantMs } from './calendar-date';
import type { GatePolicy } from './fields';
import type { HandoverSummary } from './findings';
import { stageBeforeWon, stageLabel, wonStageEntry, wonStageIds } from './won-stages';

/** Everything the gate decides on: the deal as it is now, never as an event said it was. */
export interface GateInput {
  dealId: string;
  /** The deal's current properties: dealstage, pipeline, dealname, hubspot_owner_id and the rg_ gate properties. */
  deal: Properties;
  /** Every value `dealstage` held (any order), the current one included. */
  dealstageHistory: readonly PropertyChange[];
  /** The deal's pipeline with its stages; null when the pipelines API does not know it. */
  pipeline: Pipeline | null;
  handover: Pick<HandoverSummary, 'complete' | 'missing'>;
  policy: GatePolicy;
  /** ISO datetime of this decision. */
  now: string;
  recheckAfterHours: number;
  /** Deals that entered their won stage before this ISO datetime are not enforced (won before install). */
  enforcedSince?: string;
  ownerTaskDueInDays: number;
  revops: { taskOwnerId?: string; queueId?: string };
}

export type GateAction = 'none' | 'block' | 'flag' | 'clear' | 'check';

export interface GateTask {
  assignee: 'deal_owner' | 'revops';
  subject: string;
  body: string;
  dueAt: string;
  ownerId?: string;
  queueIds?: string[];
}

/**
 * What to do to the deal. `writes` are deal properties to set in one update; the note and task are
 * created once per won-stage entry. `check` only records the evaluation (derived status, time).
 */
export interface GateDecision {
  action: GateAction;
  /** Why, in plain words, for logs and tests. */
  reason: string;
  writes: Record<string, string>;
  note?: string;
  task?: GateTask;
  /** With a note or task: the violation they report, written in their bodies (`violationReference`). */
  reference?: string;
}

/**
 * Names one violation, the deal and its won-stage entry, in the note and task reporting it, so a
 * retry can tell a report that was already created from one that was not.
 */
export function violationReference(dealId: string, wonEntry: string): string {
  return `rg-gate/${dealId}/${wonEntry}`;
}

const referenceLine = (reference: string) => `\n\nRenewal Guard reference: ${reference}`;

const none = (reason: string): GateDecision => ({ action: 'none', reason, writes: {} });

/** The closed-won gate (DESIGN.md §2). Deciding again on the state a decision produced gives `none`. */
export function decideGate(input: GateInput): GateDecision {
  const { deal, pipeline, handover } = input;
  if (input.policy === 'off') return none('the gate is off for this pipeline');
  const stage = deal.dealstage ?? '';
  if (!pipeline || !pipeline.stages.some((s) => s.id === stage))
    return none(`stage ${stage} is not in a known pipeline`);

  const won = wonStageIds([pipeline]);
  const inWon = won.has(stage);
  const entry = inWon ? entryKey(stage, input.dealstageHistory, won) : null;
  const status = deal.rg_gate_status ?? null;
  const decidedThisEntry = entry !== null && deal.rg_gate_won_entry === entry;

  if (status === 'overridden') return bookkeeping(input, entry, 'overridden by RevOps');
  if (handover.complete) {
    if (status === 'blocked' || status === 'flagged' || (inWon && status !== 'clear')) {
      return withEvaluation(input, {
        action: 'clear',
        reason: inWon ? 'the handover is complete' : 'the handover is complete; the owner moves the deal on',
        writes: { rg_gate_status: 'clear', ...(entry ? { rg_gate_won_entry: entry } : {}) },
      });
    }
    return bookkeeping(input, entry, 'the handover is complete');
  }
  if (!inWon || entry === null) return bookkeeping(input, null, 'not in a won stage');
  const wonAt = wonStageEntry(input.dealstageHistory, won)?.timestamp ?? null;
  if (input.enforcedSince && wonAt !== null && isBefore(wonAt, input.enforcedSince))
    return bookkeeping(
      input,
      entry,
      `won on ${wonAt.slice(0, 10)}, before the gate started (${input.enforcedSince})`,
    );

  if (status === 'flagged' && decidedThisEntry)
    return bookkeeping(input, entry, 'already flagged for this won-stage entry');
  // A deal that passed the gate when it was won is not pulled out of won later because a field changed.
  const passedAtEntry = status === 'clear' && decidedThisEntry;
  if (input.policy === 'block' && !passedAtEntry) {
    const moveTo = stageBeforeWon(input.dealstageHistory, won, pipeline);
    if (moveTo !== null) return block(input, pipeline, stage, moveTo, entry, decidedThisEntry);
  }
  return flag(input, pipeline, stage, entry, decidedThisEntry);
}

function entryKey(stage: string, history: readonly PropertyChange[], won: ReadonlySet<string>): string {
  const entry = wonStageEntry(history, won);
  return `${stage}@${entry?.timestamp ?? 'unknown'}`;
}

function block(
  input: GateInput,
  pipeline: Pipeline,
  stage: string,
  moveTo: string,
  entry: string,
  reported: boolean,
): GateDecision {
  const dealName = input.deal.dealname ?? 'this deal';
  const from = stageLabel(pipeline, stage);
  const to = stageLabel(pipeline, moveTo);
  const missing = bullets(input.handover.missing);
  const ownerId = input.deal.hubspot_owner_id ?? undefined;
  const decision: GateDecision = {
    action: 'block',
    reason: `the handover is incomplete; moved back from ${from} to ${to}`,
    writes: { dealstage: moveTo, rg_gate_status: 'blocked', rg_gate_won_entry: entry },
  };
  if (!reported) {
    const reference = violationReference(input.dealId, entry);
    decision.reference = reference;
    decision.note =
      `Renewal Guard moved this deal back from ${from} to ${to}: its handover is incomplete.\n\n` +
      `What is missing:\n${missing}\n\n` +
      `Complete the handover in the Renewal Guard card on this deal, then move it to ${from} again.` +
      referenceLine(reference);
    decision.task = {
      assignee: 'deal_owner',
      subject: `Complete the handover for ${dealName}`,
      body:
        `${dealName} was moved back to ${to} because its handover is incomplete.\n\nWhat is missing:\n${missing}` +
        referenceLine(reference),
      dueAt: addDays(input.now, input.ownerTaskDueInDays),
      ...(ownerId ? { ownerId } : {}),
    };
  }
  return withEvaluation(input, decision);
}

function flag(
  input: GateInput,
  pipeline: Pipeline,
  stage: string,
  entry: string,
  reported: boolean,
): GateDecision {
  const dealName = input.deal.dealname ?? 'A deal';
  const won = stageLabel(pipeline, stage);
  const { taskOwnerId, queueId } = input.revops;
  const decision: GateDecision = {
    action: 'flag',
    reason: `the handover is incomplete; flagged in ${won}`,
    writes: { rg_gate_status: 'flagged', rg_gate_won_entry: entry },
  };
  if (!reported) {
    const reference = violationReference(input.dealId, entry);
    decision.reference = reference;
    decision.task = {
      assignee: 'revops',
      subject: `Closed-won without a complete handover: ${dealName}`,
      body:
        `${dealName} is in ${won} but its handover is incomplete.\n\nWhat is missing:\n${bullets(input.handover.missing)}\n\n` +
        'Ask the deal owner to complete it, or override the gate with a reason.' +
        referenceLine(reference),
      dueAt: addDays(input.now, input.ownerTaskDueInDays),
      ...(taskOwnerId ? { ownerId: taskOwnerId } : {}),
      ...(queueId ? { queueIds: [queueId] } : {}),
    };
  }
  return withEvaluation(input, decision);
}

/** Adds the derived handover properties and the check time to a decision that writes. */
function withEvaluation(input: GateInput, decision: GateDecision): GateDecision {
  return {
    ...decision,
    writes: { ...derivedChanges(input), ...decision.writes, rg_gate_checked_at: input.now },
  };
}

/** Nothing to decide: keep the derived properties current, and re-stamp a won deal whose check is stale. */
function bookkeeping(input: GateInput, entry: string | null, reason: string): GateDecision {
  const writes: Record<string, string> = derivedChanges(input);
  if (entry !== null && input.deal.rg_gate_status === 'clear' && input.deal.rg_gate_won_entry !== entry) {
    writes.rg_gate_won_entry = entry;
  }
  const stale =
    entry !== null && isStale(input.deal.rg_gate_checked_at ?? null, input.now, input.recheckAfterHours);
  if (Object.keys(writes).length === 0 && !stale) return none(reason);
  return { action: 'check', reason, writes: { ...writes, rg_gate_checked_at: input.now } };
}

function derivedChanges({ deal, handover }: GateInput): Record<string, string> {
  const wanted = {
    rg_handover_status: handover.complete ? 'complete' : 'incomplete',
    rg_handover_missing: handover.missing,
  };
  return Object.fromEntries(Object.entries(wanted).filter(([name, value]) => (deal[name] ?? '') !== value));
}

function isBefore(instant: string, than: string): boolean {
  const a = instantMs(instant);
  const b = instantMs(than);
  return a !== null && b !== null && a < b;
}

function isStale(checkedAt: string | null, now: string, hours: number): boolean {
  const at = checkedAt === null ? null : instantMs(checkedAt);
  const current = instantMs(now) ?? 0;
  return at === null || current - at > hours * 3_600_000;
}

const bullets = (missing: string) =>
  missing
    .split('\n')
    .filter(Boolean)
    .map((line) => `- ${line}`)
    .join('\n');
