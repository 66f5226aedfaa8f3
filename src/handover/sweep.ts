import type { DealSearchPort, PipelinesPort } from '#src/crm/port';
import { policyFor, type GateSettings } from './gate-settings';
import { wonStageIds } from './won-stages';

/**
 * The reconciliation sweep: won deals the gate has not (recently) checked, so a lost webhook never
 * means a missed deal. Returns their ids for the caller to enqueue as gate checks.
 */
export async function sweepUnenforcedDeals(
  crm: DealSearchPort & PipelinesPort,
  settings: GateSettings,
  now: string,
): Promise<string[]> {
  const pipelines = (await crm.dealPipelines({ refresh: true })).filter(
    (p) => policyFor(settings, p.id) !== 'off',
  );
  const won = [...wonStageIds(pipelines)];
  if (won.length === 0) return [];
  const checkedBefore = new Date(Date.parse(now) - settings.recheckAfterHours * 3_600_000).toISOString();
  const dealIds: string[] = [];
  let afterDealId: string | undefined;
  for (;;) {
    const page = await crm.dealsDueForGateCheck({
      wonStageIds: won,
      checkedBefore,
      // A deal won since the gate started was modified since: older ones are never due.
      ...(settings.enforcedSince ? { modifiedSince: settings.enforcedSince } : {}),
      limit: 200,
      ...(afterDealId ? { afterDealId } : {}),
    });
    dealIds.push(...page.dealIds);
    if (page.nextAfterDealId === null) return dealIds;
    afterDealId = page.nextAfterDealId;
  }
}
