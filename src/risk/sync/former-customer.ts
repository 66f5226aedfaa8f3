import type { Pipeline } from '#src/crm/records';
import type { CompanyRiskRecord } from '#src/crm/risk-port';
import type { RiskSettings } from '../settings';
import { toMillis } from '../signals/activity';
import { isoDay } from '../signals/window';
import { OUTPUT_PROPERTIES } from './company-features';
import { renewalOutcome } from './record-activity';

const NOT_CURRENT = 'not a current customer';

/** Whether a skipped company's reason is `formerCustomerReason`'s. */
export const isFormerCustomerReason = (reason: string): boolean => reason.endsWith(`; ${NOT_CURRENT}`);

/**
 * Why a company is no longer a customer, or null while it is one. A company is a former customer
 * when its latest resolved renewal was lost and either no renewal deal is open after that loss
 * (closing later, or opened later when it has no close date), or its renewal date is not after
 * the loss (it still names the renewal that churned). Scoring it would give a review task for an
 * account there is nothing left to save; its past renewals still train the model.
 */
export function formerCustomerReason(
  record: CompanyRiskRecord,
  pipelines: readonly Pipeline[],
  settings: RiskSettings,
): string | null {
  const resolved = record.deals
    .filter((d) => d.isRenewal && d.closedAt && Number.isFinite(toMillis(d.closedAt)))
    .map((deal) => ({ deal, at: toMillis(deal.closedAt!), outcome: renewalOutcome(deal, pipelines) }))
    .filter((r) => r.outcome !== null)
    .sort((a, b) => b.at - a.at);
  const latest = resolved[0];
  if (!latest || latest.outcome !== 'churned') return null;
  const churnedAt = latest.at;
  const openLater = record.deals.some(
    (d) =>
      d.isRenewal &&
      isOpen(d, pipelines) &&
      (d.closedAt ? toMillis(d.closedAt) > churnedAt : toMillis(d.createdAt) > churnedAt),
  );
  const renewalText = record.properties[settings.properties.renewalDate];
  const renewal = renewalText ? toMillis(renewalText) : Number.NaN;
  // Compared by day: HubSpot date properties hold midnight UTC, close dates a time of day.
  const renewalNotAfterChurn = Number.isFinite(renewal) && isoDay(renewal) <= isoDay(churnedAt);
  return !openLater || renewalNotAfterChurn ? `churned on ${isoDay(churnedAt)}; ${NOT_CURRENT}` : null;
}

function isOpen(deal: CompanyRiskRecord['deals'][number], pipelines: readonly Pipeline[]): boolean {
  const stage = pipelines.find((p) => p.id === deal.pipeline)?.stages.find((s) => s.id === deal.dealstage);
  // A stage the pipelines do not list cannot be told open or closed: it does not keep the customer.
  return stage !== undefined && stage.metadata.isClosed !== 'true';
}

/**
 * A former customer scored while it was one still shows its tier, which would read as a live risk
 * in the record and in reports: the outputs to clear (all of them, empty), or null when it has none.
 */
export function formerCustomerOutputsToClear(record: CompanyRiskRecord): Record<string, string> | null {
  if (!OUTPUT_PROPERTIES.some((name) => record.properties[name])) return null;
  return Object.fromEntries(OUTPUT_PROPERTIES.map((name) => [name, '']));
}
