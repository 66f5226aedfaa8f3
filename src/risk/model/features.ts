/**
 * How a feature enters the model.
 * - `engagement`: a count or level compared with the segment's renewing accounts:
 *   x = log2(value ÷ baseline), floored at −3 (⅛ of the baseline) and capped at +3, so a
 *   20-seat and a 2,000-seat customer are on one scale.
 * - `number`: x = (value − segment baseline) ÷ spread (standard deviation over all accounts).
 * - `flag`: a 0/1 risk event; x = value, so the event adds its weight to the churn log-odds.
 * Missing values (NaN) give x = 0: the account sits at its segment's baseline, a neutral default.
 */
export type FeatureKind = 'engagement' | 'number' | 'flag';
export const FEATURE_KINDS: readonly FeatureKind[] = ['engagement', 'number', 'flag'];

export interface FeatureSpec {
  name: string;
  kind: FeatureKind;
  /** Plain words used in reasons, e.g. "meetings". */
  label: string;
  /** Correlated features share a group; reasons show the strongest of a group only. */
  group: string;
  /** The rules-based weight: churn log-odds per unit of x (see the kinds above). */
  defaultWeight: number;
  /** Number features: baseline and spread when there is no data to measure them. */
  defaultCenter?: number;
  defaultScale?: number;
}

/** log2 ratio bounds of engagement features: ⅛× to 8× the baseline. */
export const ENGAGEMENT_LOG2_LIMIT = 3;

/** Rules-based weights for features the catalogue does not know (e.g. arbitrary CSV columns). */
export const GENERIC_DEFAULT_WEIGHTS: Record<FeatureKind, number> = {
  // Less engagement than renewing peers raises risk: halving it adds 0.3 to the churn log-odds.
  engagement: -0.3,
  // A risk event nearly doubles the odds of churn (e^0.7 ≈ 2).
  flag: 0.7,
  // The direction of an unknown number is not known: the rules ignore it; a learned model may not.
  number: 0,
};

/** A typical B2B SaaS churn rate at renewal (≈ 12%) sets the rules-based intercept: logit(0.12). */
export const DEFAULT_INTERCEPT = Math.log(0.12 / 0.88);
