import type { RiskCrmPort } from '#src/crm/risk-port';
import { riskPropertiesToRead } from '../score-company';
import type { RiskSettings } from '../settings';
import { toMillis } from '../signals/activity';

/**
 * The companies a delta sync re-scores: those with a renewal date whose engagements, contacts or
 * deals changed after `since`, whose score inputs changed after it (their history says so — our
 * own output writes also touch `hs_lastmodifieddate`, and must not count), or that were never scored.
 */
export async function findChangedCompanies(
  crm: RiskCrmPort,
  settings: RiskSettings,
  since: string,
): Promise<string[]> {
  const modified: string[] = [];
  let afterId: string | undefined;
  do {
    const page = await crm.companiesWithRenewalDate({
      renewalDateProperty: settings.properties.renewalDate,
      modifiedAfter: since,
      ...(afterId ? { afterId } : {}),
    });
    modified.push(...page.companyIds);
    afterId = page.nextAfterId ?? undefined;
  } while (afterId);
  const withActivity = new Set(await crm.companiesWithActivityModifiedAfter(since));

  const inputs = riskPropertiesToRead(settings).properties;
  const candidates = [...new Set([...modified, ...withActivity])];
  const companies = await crm.readCompanies(candidates, [...inputs, 'rg_risk_tier'], inputs);
  const sinceMs = Date.parse(since);
  return companies
    .filter((c) => {
      if (!c.properties[settings.properties.renewalDate]) return false;
      if (withActivity.has(c.id) || !c.properties.rg_risk_tier) return true;
      return inputs.some((p) => c.propertyHistory[p]?.some((h) => toMillis(h.timestamp) > sinceMs));
    })
    .map((c) => c.id)
    .sort((a, b) => Number(a) - Number(b));
}
