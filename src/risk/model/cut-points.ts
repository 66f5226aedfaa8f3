import type { TierCutPoints } from './risk-model';

export interface TierShares {
  bottomTwoMin: number;
  bottomTwoTarget: number;
  bottomTwoMax: number;
}

/**
 * Used when there is neither history nor a population to measure: churn probabilities at which
 * an account enters each tier, around a typical 12% churn rate.
 */
export const DEFAULT_CUT_POINTS: TierCutPoints = {
  churnRisk: 0.4,
  belowAverage: 0.22,
  average: 0.12,
  aboveAverage: 0.06,
};

/**
 * Cut points from past renewals: the bottom two tiers take between `bottomTwoMin` and
 * `bottomTwoMax` of the accounts, at the cut that catches the most churn (ties: nearest the target).
 * Within them, the riskier half is `churn_risk`. The other accounts split in thirds by count:
 * `average`, `above_average`, `likely_to_renew`.
 */
export function cutPointsFromHistory(
  probabilities: ArrayLike<number>,
  churned: ArrayLike<number>,
  shares: TierShares,
): TierCutPoints {
  const order = Array.from({ length: probabilities.length }, (_, i) => i).sort(
    (a, b) => probabilities[b]! - probabilities[a]!,
  );
  const sorted = order.map((i) => probabilities[i]!);
  const n = sorted.length;
  let bottom = Math.round(shares.bottomTwoTarget * n);
  let best = -1;
  let caught = 0;
  const highest = Math.floor(reachableShare(shares, n) * n);
  for (let k = 1; k <= highest; k++) {
    caught += churned[order[k - 1]!]!;
    if (k < Math.ceil(shares.bottomTwoMin * n) || !isCut(sorted, k)) continue;
    const better =
      caught > best ||
      (caught === best &&
        Math.abs(k - shares.bottomTwoTarget * n) < Math.abs(bottom - shares.bottomTwoTarget * n));
    if (better) {
      best = caught;
      bottom = k;
    }
  }
  return cutPointsAt(sorted, bottom);
}

/**
 * Catching more churn always means a larger bottom two, so the best cut sits at the top of the
 * band; but new accounts scatter around the share measured on history. The top is lowered by the
 * one-sided 95% sampling margin of that share on n accounts, so scored accounts stay in the band.
 */
export function reachableShare(shares: TierShares, n: number): number {
  const max = shares.bottomTwoMax;
  const margin = 1.645 * Math.sqrt((max * (1 - max)) / Math.max(n, 1));
  return Math.max(shares.bottomTwoMin, Math.min(max, max - margin));
}

/** Without outcomes: the bottom two tiers take the target share of accounts by score. */
export function cutPointsByQuantile(probabilities: ArrayLike<number>, shares: TierShares): TierCutPoints {
  if (probabilities.length === 0) return DEFAULT_CUT_POINTS;
  const sorted = Array.from(probabilities).sort((a, b) => b - a);
  return cutPointsAt(sorted, Math.max(1, Math.round(shares.bottomTwoTarget * sorted.length)));
}

/** A cut after the k riskiest accounts separates them only if the k-th and (k+1)-th differ. */
const isCut = (sorted: number[], k: number): boolean => k >= sorted.length || sorted[k - 1]! > sorted[k]!;

function cutPointsAt(sorted: number[], bottom: number): TierCutPoints {
  const n = sorted.length;
  const threshold = (k: number): number => {
    // Above any probability, and unlike Infinity it survives JSON.
    if (k <= 0) return 2;
    if (k >= n) return sorted[n - 1]!;
    return (sorted[k - 1]! + sorted[k]!) / 2;
  };
  const rest = n - bottom;
  const belowAverage = threshold(bottom);
  const churnRisk = Math.max(belowAverage, threshold(Math.round(bottom / 2)));
  const average = Math.min(belowAverage, threshold(bottom + Math.round(rest / 3)));
  const aboveAverage = Math.min(average, threshold(bottom + Math.round((2 * rest) / 3)));
  return { churnRisk, belowAverage, average, aboveAverage };
}
