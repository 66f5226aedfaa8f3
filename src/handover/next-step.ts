import type { GatePolicy, GateStatus } from './fields';
import type { HandoverSummary } from './findings';

export interface NextStepInput {
  status: GateStatus | null;
  policy: GatePolicy;
  summary: Pick<HandoverSummary, 'complete' | 'completedCount' | 'total'>;
  inWonStage: boolean;
  reviewed: boolean;
  canOverride: boolean;
}

/** What the person looking at the card should do next, in one or two plain sentences. */
export function nextStep(input: NextStepInput): string {
  const { status, policy, summary, inWonStage, reviewed, canOverride } = input;
  const left = summary.total - summary.completedCount;
  const fill = `Complete the handover: ${left} of ${summary.total} fields still need work`;
  const orOverride = canOverride ? ' As RevOps you can also override the gate with a reason.' : '';

  if (status === 'overridden')
    return summary.complete
      ? warmHandover(reviewed)
      : 'RevOps let this deal through the gate. Completing the handover still gives Customer Success what they need.';
  if (summary.complete) {
    if (status === 'blocked') return 'The handover is complete: move the deal to its won stage again.';
    return warmHandover(reviewed);
  }
  if (status === 'blocked')
    return `${fill}, then move the deal to its won stage again; the gate moved it back.${orOverride}`;
  if (status === 'flagged') return `${fill}; RevOps has a task to follow up this won deal.${orOverride}`;
  if (policy === 'off')
    return `${fill}. The gate is off for this pipeline, but Customer Success inherits these fields.`;
  if (inWonStage) return `${fill}; the gate will check this won deal shortly.${orOverride}`;
  return policy === 'block'
    ? `${fill} before the deal can be closed won.`
    : `${fill} before the deal closes, or RevOps will be asked to follow up.`;
}

function warmHandover(reviewed: boolean): string {
  return reviewed
    ? 'Nothing left to do: the handover is complete and the warm handover is recorded.'
    : 'Hold the 15-minute warm handover with the CSM and record it here.';
}
