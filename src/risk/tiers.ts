/** Renewal-likelihood tiers (DESIGN.md §4), best first. Defined once; imported everywhere. */
export const RISK_TIERS = [
  'likely_to_renew',
  'above_average',
  'average',
  'below_average',
  'churn_risk',
] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

export const RISK_TIER_LABELS: Record<RiskTier, string> = {
  likely_to_renew: 'Likely to renew',
  above_average: 'Above average',
  average: 'Average',
  below_average: 'Below average',
  churn_risk: 'Churn risk',
};

/** The bottom two tiers: entering one of them creates a review task at once. */
export const AT_RISK_TIERS: readonly RiskTier[] = ['below_average', 'churn_risk'];

export const RENEWAL_WINDOWS = ['comprehensive', 'compressed', 'emergency'] as const;
export type RenewalWindow = (typeof RENEWAL_WINDOWS)[number];

/** Default ARR segments, highest first: a company belongs to the first whose floor its ARR reaches. */
export const DEFAULT_SEGMENTS = [
  { id: 'I', label: 'I (ARR ≥ 100k)', minArr: 100_000 },
  { id: 'A', label: 'A (ARR 50–100k)', minArr: 50_000 },
  { id: 'B', label: 'B (ARR 20–50k)', minArr: 20_000 },
  { id: 'C', label: 'C (ARR 5–20k)', minArr: 5_000 },
  { id: 'D', label: 'D (ARR < 5k)', minArr: 0 },
] as const;
export type DefaultSegmentId = (typeof DEFAULT_SEGMENTS)[number]['id'];
