import { AT_RISK_TIERS, RISK_TIERS, type RiskTier } from './tiers';
import { renewalWindow } from './renewal-window';

/** The company properties the scoring writes (group renewal_guard_risk), as HubSpot stores them. */
// A type (not an interface) so that it also reads as a plain property record.
export type CompanyRiskOutputs = {
  rg_risk_tier: string;
  rg_risk_score: string;
  rg_churn_probability: string;
  rg_risk_drivers: string;
  rg_risk_scored_at: string;
  rg_days_to_renewal: string;
  rg_renewal_window: string;
  rg_segment: string;
};

export interface CompanyRiskResult {
  tier: RiskTier;
  renewalScore: number;
  churnProbability: number;
  drivers: string;
  scoredAt: Date;
  /** Null when the company has no renewal date: the two renewal outputs are then left empty. */
  daysToRenewal: number | null;
  segment: string;
}

const NUMERIC = new Set(['rg_risk_score', 'rg_churn_probability', 'rg_days_to_renewal']);

/** HubSpot keeps numbers as decimal strings without trailing zeros ("0.23", "42"). */
export const hubspotNumber = (value: number, decimals = 0): string => String(Number(value.toFixed(decimals)));

export function companyRiskOutputs(result: CompanyRiskResult): CompanyRiskOutputs {
  return {
    rg_risk_tier: result.tier,
    rg_risk_score: hubspotNumber(result.renewalScore),
    rg_churn_probability: hubspotNumber(result.churnProbability, 3),
    rg_risk_drivers: result.drivers,
    rg_risk_scored_at: result.scoredAt.toISOString(),
    rg_days_to_renewal: result.daysToRenewal === null ? '' : hubspotNumber(result.daysToRenewal),
    rg_renewal_window: result.daysToRenewal === null ? '' : renewalWindow(result.daysToRenewal),
    rg_segment: result.segment,
  };
}

/**
 * Only the outputs whose stored value differs, so an unchanged company costs no write.
 * Numbers compare by value ("42.0" equals "42"); empty and missing are the same.
 * `rg_risk_scored_at` changes on every run, so it is written only along with another change.
 */
export function changedOutputs(
  current: Readonly<Record<string, string | null | undefined>>,
  next: CompanyRiskOutputs,
): Partial<CompanyRiskOutputs> {
  const changed: Partial<CompanyRiskOutputs> = {};
  for (const [name, value] of Object.entries(next) as [keyof CompanyRiskOutputs, string][]) {
    if (name === 'rg_risk_scored_at') continue;
    if (!sameStoredValue(name, current[name], value)) changed[name] = value;
  }
  if (Object.keys(changed).length > 0) changed.rg_risk_scored_at = next.rg_risk_scored_at;
  return changed;
}

function sameStoredValue(name: string, stored: string | null | undefined, next: string): boolean {
  const a = (stored ?? '').trim();
  const b = next.trim();
  if (a === '' || b === '') return a === b;
  if (NUMERIC.has(name)) return Number(a) === Number(b);
  return a === b;
}

/**
 * A review task is due when an account enters `below_average` or `churn_risk` from a better tier
 * (or on its first score), or worsens from `below_average` to `churn_risk`; improving from
 * `churn_risk` to `below_average` already had its task.
 */
export function needsReviewTask(previousTier: RiskTier | null | undefined, nextTier: RiskTier): boolean {
  if (!AT_RISK_TIERS.includes(nextTier)) return false;
  if (!previousTier) return true;
  return RISK_TIERS.indexOf(nextTier) > RISK_TIERS.indexOf(previousTier);
}
