import type { CrmPort } from '#src/crm/port';
import type { DealRecord, Pipeline } from '#src/crm/records';
import { decideGate, type GateDecision } from './gate';
import { policyFor, type GateSettings } from './gate-settings';
import { DealNotFoundError } from './errors';
import type { HandoverSummary } from './findings';
import { pipelineOfDeal, readHandoverDeal } from './handover-deal';

export type GateCrm = Pick<
  CrmPort,
  'readDeal' | 'updateDeal' | 'readContacts' | 'dealPipelines' | 'createNote' | 'createTask'
>;

export interface GateOutcome {
  dealId: string;
  decision: GateDecision;
  /** Absent when the deal no longer exists. */
  summary?: HandoverSummary;
}

/**
 * Re-reads the deal, decides on its current state and applies the decision. Safe to run for every
 * event, duplicate or late: a state the gate already produced decides `none` and writes nothing.
 */
export async function enforceGate(
  crm: GateCrm,
  settings: GateSettings,
  dealId: string,
  now: string,
): Promise<GateOutcome> {
  let handover;
  try {
    handover = await readHandoverDeal(crm, dealId, now);
  } catch (error) {
    if (error instanceof DealNotFoundError) {
      return { dealId, decision: { action: 'none', reason: 'the deal no longer exists', writes: {} } };
    }
    throw error;
  }
  const { deal, summary } = handover;
  const decision = gateDecisionFor(deal, await pipelineOfDeal(crm, deal), summary, settings, now);
  await applyGateDecision(crm, dealId, decision, now);
  return { dealId, decision, summary };
}

/** The gate's decision for a deal as read now, under the portal's settings for the deal. */
export function gateDecisionFor(
  deal: Pick<DealRecord, 'id' | 'properties' | 'dealstageHistory'>,
  pipeline: Pipeline | null,
  summary: HandoverSummary,
  settings: GateSettings,
  now: string,
): GateDecision {
  return decideGate({
    dealId: deal.id,
    deal: deal.properties,
    dealstageHistory: deal.dealstageHistory,
    pipeline,
    handover: summary,
    policy: policyFor(settings, deal.properties.pipeline ?? '', deal.properties.dealtype),
    now,
    recheckAfterHours: settings.recheckAfterHours,
    ...(settings.enforcedSince ? { enforcedSince: settings.enforcedSince } : {}),
    ownerTaskDueInDays: settings.ownerTaskDueInDays,
    revops: {
      ...(settings.revopsTaskOwnerId ? { taskOwnerId: settings.revopsTaskOwnerId } : {}),
      ...(settings.revopsQueueId ? { queueId: settings.revopsQueueId } : {}),
    },
  });
}

/**
 * Note and task first, then the properties in one update: if the update fails the retry creates
 * them again (a duplicate note), where the other order could lose them (a silent violation).
 */
async function applyGateDecision(
  crm: GateCrm,
  dealId: string,
  decision: GateDecision,
  now: string,
): Promise<void> {
  if (decision.note) await crm.createNote({ dealId, body: decision.note, timestamp: now });
  if (decision.task) {
    const { subject, body, dueAt, ownerId, queueIds } = decision.task;
    await crm.createTask({
      dealId,
      subject,
      body,
      dueAt,
      ...(ownerId ? { ownerId } : {}),
      ...(queueIds ? { queueIds } : {}),
    });
  }
  if (Object.keys(decision.writes).length > 0) await crm.updateDeal(dealId, decision.writes);
}
