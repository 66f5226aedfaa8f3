import type { DealRecord, Pipeline } from '#src/crm/records';
import { decideGate, type GateDecision } from './gate';
import { policyFor, type GateSettings } from './gate-settings';
import type { HandoverSummary } from './findings';

export interface GateOutcome {
  dealId: string;
  decision: GateDecision;
  /** Absent when the deal no longer exists. */
  summary?: HandoverSummary;
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
