import type { CrmPort } from '#src/crm/port';
import type { GateStatus } from './fields';
import { enforceGateForDeals, type GateBatchCrm, type ViolationClaims } from './enforce-gate-batch';
import type { GateAction } from './gate';
import type { GateSettings } from './gate-settings';
import type { HandoverFinding, HandoverSummary } from './findings';
import { judgeHandover, readDeal } from './handover-deal';
import { parseHandoverInput } from './schema';

/** What a save needs: the deal and its contacts, its update, and the gate's batch path. */
export type SaveHandoverCrm = Pick<CrmPort, 'readDeal' | 'updateDeal' | 'readContacts'> & GateBatchCrm;

export interface SavedHandover {
  findings: HandoverFinding[];
  summary: HandoverSummary;
  gate: { action: GateAction; status: GateStatus | null; reason: string };
}

/**
 * Saves the five fields from the card, with the derived status, then runs the gate at once: the
 * app's own writes start no webhook, so a flagged deal completed here is cleared here. The gate
 * runs as the worker runs it, claiming a violation before reporting it, so a save racing a webhook
 * for the same won deal never reports it twice.
 * Throws `HandoverInputError` (names each bad field) for a wrong structure, `DealNotFoundError`.
 */
export async function saveHandover(
  crm: SaveHandoverCrm,
  settings: GateSettings,
  claims: ViolationClaims,
  dealId: string,
  fields: unknown,
  now: string,
): Promise<SavedHandover> {
  const artifact = parseHandoverInput(fields);
  const deal = await readDeal(crm, dealId);
  const { findings, summary } = await judgeHandover(crm, deal, artifact, now);
  // HubSpot clears a property set to the empty string.
  const values = Object.fromEntries(Object.entries(artifact).map(([name, value]) => [name, value ?? '']));
  await crm.updateDeal(dealId, {
    ...values,
    rg_handover_status: summary.complete ? 'complete' : 'incomplete',
    rg_handover_missing: summary.missing,
  });
  const [outcome] = await enforceGateForDeals(crm, claims, settings, [dealId], now);
  const decision = outcome!.decision;
  const status = (decision.writes.rg_gate_status ??
    deal.properties.rg_gate_status ??
    null) as GateStatus | null;
  return { findings, summary, gate: { action: decision.action, status, reason: decision.reason } };
}
