import { KIND_CODE, relativeToBaseline } from '../model/baselines';
import type { RenewalHistory } from '../model/history';
import type { RiskModel } from '../model/risk-model';

export interface DriverImportance {
  feature: string;
  label: string;
  /** Churn log-odds moved by one standard deviation of the feature among the segment's accounts. */
  importance: number;
  /** What more of the feature does. */
  direction: 'more means less risk' | 'more means more risk';
}

/**
 * "Which engagement factors matter most here": per segment, each feature's weight times its spread
 * among the segment's accounts (a standardised effect), largest first.
 */
export function driverImportance(
  model: RiskModel,
  history: RenewalHistory,
  top = 5,
): Record<string, DriverImportance[]> {
  const d = model.features.length;
  const result: Record<string, DriverImportance[]> = {};
  for (const segment of [...new Set(history.segments)].sort()) {
    const params = model.segments[segment];
    if (!params) continue;
    const rows = history.segments.flatMap((s, i) => (s === segment ? [i] : []));
    result[segment] = model.features
      .map((feature, j) => {
        const xs = rows.map((i) =>
          relativeToBaseline(
            KIND_CODE[feature.kind],
            history.values[i * d + j]!,
            params.centers[j]!,
            params.scales[j]!,
          ),
        );
        const mean = xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
        const spread = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / Math.max(xs.length - 1, 1));
        const weight = params.weights[j]! * params.calibration.slope;
        return {
          feature: feature.name,
          label: feature.label,
          importance: Math.abs(weight) * spread,
          direction: weight < 0 ? ('more means less risk' as const) : ('more means more risk' as const),
        };
      })
      .filter((driver) => driver.importance > 0)
      .sort((a, b) => b.importance - a.importance)
      .slice(0, top);
  }
  return result;
}
