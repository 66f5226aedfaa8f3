import { fitLogistic } from './logistic';
import type { Calibration } from './risk-model';

export const IDENTITY_CALIBRATION: Calibration = { slope: 1, intercept: 0 };

/**
 * Platt scaling on held-out linear scores: churn ~ σ(slope · score + intercept).
 * With `toward` the fit is penalised toward another calibration (a segment toward the global one);
 * `interceptOnly` keeps the slope of `toward` and fits only the intercept (a small segment).
 */
export function fitPlatt(
  scores: ArrayLike<number>,
  churned: ArrayLike<number>,
  options: { toward?: Calibration; interceptOnly?: boolean } = {},
): Calibration {
  const toward = options.toward ?? IDENTITY_CALIBRATION;
  const n = scores.length;
  if (n === 0) return toward;
  const values = Float64Array.from({ length: n }, (_, i) => scores[i]!);
  // Fixing the slope is a penalty too large for the data to move it.
  const slopePenalty = options.interceptOnly ? 1e9 : options.toward ? 1 : 1e-6;
  const interceptPenalty = options.toward ? 1 : 1e-6;
  const fit = fitLogistic({ rows: n, columns: 1, values }, churned, {
    mean: Float64Array.of(toward.intercept, toward.slope),
    penalty: Float64Array.of(interceptPenalty, slopePenalty),
  });
  return { intercept: fit.coefficients[0]!, slope: fit.coefficients[1]! };
}
