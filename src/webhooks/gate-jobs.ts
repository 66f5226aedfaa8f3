import { HANDOVER_PROPERTIES } from '#src/handover/fields';
import type { GateCheckJob, GateCheckReason } from '#src/jobs';
import type { HubSpotEvent } from '#src/webhooks/hubspot-event';

const DEAL_OBJECT_TYPE_ID = '0-3';
const GATE_PROPERTIES = new Set<string>(['dealstage', ...HANDOVER_PROPERTIES]);

/** When one deal has several events in a batch, the check is labelled with the weightiest cause. */
const REASON_WEIGHT: Record<GateCheckReason, number> = {
  'deal.created': 3,
  'deal.stage_changed': 2,
  'handover.changed': 1,
  sweep: 0,
  card: 0,
};

export interface GateTriggerContext {
  /** Our HubSpot app id: events caused by our own writes must never start another check. */
  appId: string;
}

function isDealEvent(event: HubSpotEvent): boolean {
  return event.objectTypeId === DEAL_OBJECT_TYPE_ID || event.subscriptionType.startsWith('deal.');
}

function causedByUs(event: HubSpotEvent, context: GateTriggerContext): boolean {
  return event.changeSource === 'INTEGRATION' && event.sourceId === context.appId;
}

/** Why this event should make the gate look at its deal, or undefined when it should not. */
export function gateCheckReason(
  event: HubSpotEvent,
  context: GateTriggerContext,
): GateCheckReason | undefined {
  if (!isDealEvent(event) || causedByUs(event, context)) return undefined;
  if (event.subscriptionType.endsWith('.creation')) return 'deal.created';
  if (!event.subscriptionType.endsWith('.propertyChange') || event.propertyName === undefined)
    return undefined;
  if (event.propertyName === 'dealstage') return 'deal.stage_changed';
  return GATE_PROPERTIES.has(event.propertyName) ? 'handover.changed' : undefined;
}

export function isGateTrigger(event: HubSpotEvent, context: GateTriggerContext): boolean {
  return gateCheckReason(event, context) !== undefined;
}

/** One `gate.check` job per deal: the worker re-reads the deal, so more than one would be wasted work. */
export function gateCheckJobs(events: readonly HubSpotEvent[], context: GateTriggerContext): GateCheckJob[] {
  const byDeal = new Map<string, GateCheckJob>();
  for (const event of events) {
    const reason = gateCheckReason(event, context);
    if (reason === undefined) continue;
    const key = `${event.portalId}:${event.objectId}`;
    const current = byDeal.get(key);
    if (current && REASON_WEIGHT[current.reason] >= REASON_WEIGHT[reason]) continue;
    byDeal.set(key, {
      type: 'gate.check',
      portalId: event.portalId,
      dealId: String(event.objectId),
      reason,
      eventId: event.eventId,
    });
  }
  return [...byDeal.values()];
}
