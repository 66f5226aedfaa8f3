import type { Properties } from '#src/crm/records';
import { collapsed, describeTextProblem, textProblem } from './real-text';

export const MIN_OVERRIDE_REASON_CHARACTERS = 20;

/** Who asks to override, as resolved from the signed request and the owners API. */
export interface OverrideActor {
  userId: number;
  /** How the audit note names them, e.g. "Rae Kim (rae@example.com)". */
  name: string;
  isRevOps: boolean;
}

export type OverrideDecision =
  | { ok: true; writes: Record<string, string>; note?: string }
  | { ok: false; refusal: 'not_revops' | 'reason'; problem: string; expected: string; example: string };

const EXAMPLE = 'Signed under the 2026 framework agreement; CSM takes the handover at kickoff on 2026-07-02.';

/** Lets a RevOps user close a deal without a complete handover, with a reason that is kept on the deal. */
export function decideOverride(
  reason: string,
  actor: OverrideActor,
  deal: Properties,
  now: string,
): OverrideDecision {
  const expected = `a reason of at least ${MIN_OVERRIDE_REASON_CHARACTERS} characters`;
  if (!actor.isRevOps) {
    return {
      ok: false,
      refusal: 'not_revops',
      problem: `${actor.name} is not in RevOps: only RevOps can override the closed-won gate`,
      expected: 'a user in the configured RevOps users or teams',
      example: 'Ask RevOps to override, or complete the handover.',
    };
  }
  const problem = textProblem(reason);
  const text = collapsed(reason);
  if (problem || text.length < MIN_OVERRIDE_REASON_CHARACTERS) {
    const what = problem
      ? describeTextProblem(problem)
      : `${text.length} characters; at least ${MIN_OVERRIDE_REASON_CHARACTERS} needed`;
    return { ok: false, refusal: 'reason', problem: `Override reason: ${what}`, expected, example: EXAMPLE };
  }
  if (deal.rg_gate_status === 'overridden' && deal.rg_gate_override_reason === text)
    return { ok: true, writes: {} };
  return {
    ok: true,
    writes: { rg_gate_status: 'overridden', rg_gate_override_reason: text, rg_gate_checked_at: now },
    note: `Closed-won gate overridden by ${actor.name} on ${now.slice(0, 10)}.\n\nReason: ${text}`,
  };
}
