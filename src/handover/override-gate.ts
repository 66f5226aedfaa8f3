import type { CrmPort } from '#src/crm/port';
import { resolveActor, type Actor } from './actor';
import { InvalidRequestError, NotAllowedError } from './errors';
import { isRevOps, type GateSettings } from './gate-settings';
import { readDeal } from './handover-deal';
import { decideOverride } from './override';

/**
 * A RevOps user lets a deal through the gate with a reason; an audit note records who and why.
 * Throws `NotAllowedError` for anyone else and `InvalidRequestError` for a reason that is too thin.
 */
export async function overrideGate(
  crm: Pick<CrmPort, 'readDeal' | 'updateDeal' | 'createNote' | 'ownerByUserId'>,
  settings: GateSettings,
  dealId: string,
  reason: string,
  actor: Actor,
  now: string,
): Promise<{ status: 'overridden'; reason: string }> {
  const user = await resolveActor(crm, actor);
  const revops = isRevOps({ userId: actor.userId, teams: user.owner?.teams ?? [] }, settings);
  const deal = await readDeal(crm, dealId);
  const decision = decideOverride(
    reason,
    { userId: actor.userId, name: user.name, isRevOps: revops },
    deal.properties,
    now,
  );
  if (!decision.ok) {
    if (decision.refusal === 'not_revops') throw new NotAllowedError(decision.problem, decision.expected);
    throw new InvalidRequestError('reason', decision.problem, decision.expected, decision.example);
  }
  if (decision.note) await crm.createNote({ dealId, body: decision.note, timestamp: now });
  if (Object.keys(decision.writes).length > 0) await crm.updateDeal(dealId, decision.writes);
  return {
    status: 'overridden',
    reason: decision.writes.rg_gate_override_reason ?? deal.properties.rg_gate_override_reason ?? reason,
  };
}
