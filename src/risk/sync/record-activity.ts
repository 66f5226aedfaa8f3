import type { Pipeline } from '#src/crm/records';
import type { CompanyRiskRecord, RiskDeal } from '#src/crm/risk-port';
import type { PastRenewal } from '../backtest/portal-renewals';
import type { RiskSettings } from '../settings';
import { toMillis, type CompanyActivity } from '../signals/activity';

/**
 * The company's activity as the signals read it at `at`: the champion is the one named by the
 * latest deal closed before `at` (the handover artifact), so a past renewal is scored with the
 * champion of its time; everything else is cut at `at` by `computeSignals` itself.
 */
export function activityAt(record: CompanyRiskRecord, at: Date): CompanyActivity {
  const champion = championDealBefore(record.deals, at.getTime());
  const contact = champion && record.contacts.find((c) => c.id === champion.championContactId);
  return {
    companyId: record.id,
    properties: record.properties,
    propertyHistory: record.propertyHistory,
    engagements: record.engagements,
    champion: champion?.championContactId
      ? {
          contactId: champion.championContactId,
          leftCompanyHistory: contact?.leftCompanyHistory ?? [],
          jobtitleHistory: contact?.jobtitleHistory ?? [],
        }
      : null,
    contacts: record.contacts.map((c) => ({ id: c.id, createdAt: c.createdAt, jobtitle: c.jobtitle })),
    renewalDealIds: record.deals.filter((d) => d.isRenewal).map((d) => d.id),
  };
}

function championDealBefore(deals: readonly RiskDeal[], at: number): RiskDeal | undefined {
  return deals
    .filter((d) => d.championContactId && d.closedAt && toMillis(d.closedAt) < at)
    .sort((a, b) => toMillis(b.closedAt!) - toMillis(a.closedAt!))[0];
}

/** A closed renewal deal's outcome from its stage (won = renewed, lost = churned); null while open. */
export function renewalOutcome(
  deal: RiskDeal,
  pipelines: readonly Pipeline[],
): PastRenewal['outcome'] | null {
  const stage = pipelines.find((p) => p.id === deal.pipeline)?.stages.find((s) => s.id === deal.dealstage);
  if (!stage || stage.metadata.isClosed !== 'true') return null;
  const probability = Number(stage.metadata.probability);
  if (probability >= 1) return 'renewed';
  if (probability <= 0) return 'churned';
  return null;
}

/**
 * The company's resolved renewals before `now`, each with the activity the backtest cuts at its
 * scoring date (renewal − `backtestLeadDays`). ARR is the renewal deal's amount, else the company's.
 */
export function pastRenewals(
  record: CompanyRiskRecord,
  pipelines: readonly Pipeline[],
  settings: RiskSettings,
  now: Date,
): PastRenewal[] {
  const companyArr = Number(record.properties[settings.properties.arr] ?? Number.NaN);
  return record.deals.flatMap((deal) => {
    if (!deal.isRenewal || !deal.closedAt) return [];
    const renewalDate = new Date(toMillis(deal.closedAt));
    const outcome = renewalOutcome(deal, pipelines);
    if (outcome === null || Number.isNaN(renewalDate.getTime()) || renewalDate >= now) return [];
    const scoringDate = new Date(renewalDate.getTime() - settings.backtestLeadDays * 86_400_000);
    return [
      {
        id: deal.id,
        renewalDate,
        outcome,
        arr: deal.amount ?? (Number.isFinite(companyArr) ? companyArr : null),
        activity: activityAt(record, scoringDate),
      },
    ];
  });
}
