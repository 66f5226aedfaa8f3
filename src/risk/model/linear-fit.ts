import type { RiskSettings } from '../settings';
import { GLOBAL_SEGMENT } from '../segments';
import { KIND_CODE, measureBaselines, relativeToBaseline, type SegmentBaseline } from './baselines';
import { DEFAULT_INTERCEPT } from './features';
import type { RenewalHistory } from './history';
import { fitPooledWeights } from './pooling';

/** Baselines and pooled weights per segment, before calibration and tiers. */
export interface LinearFit {
  segments: Map<string, SegmentBaseline & { intercept: number; weights: number[]; ownWeightShare: number }>;
}

export const defaultCoefficients = (history: Pick<RenewalHistory, 'features'>): Float64Array =>
  Float64Array.from([DEFAULT_INTERCEPT, ...history.features.map((f) => f.defaultWeight)]);

/**
 * Fits the weights: each row is expressed against its segment's baseline, then the global model
 * and the segments' models pooled toward it (see pooling.ts).
 */
export function fitLinear(
  history: RenewalHistory,
  segments: readonly string[],
  settings: RiskSettings,
): LinearFit {
  const baselines = measureBaselines(history, segments);
  const d = history.features.length;
  const kinds = history.features.map((f) => KIND_CODE[f.kind]);
  const slotOf = new Map(segments.map((s, i) => [s, i]));
  const rowSegment = Int32Array.from(history.segments, (s) => slotOf.get(s) ?? slotOf.get(GLOBAL_SEGMENT)!);
  const x = new Float64Array(history.rows * d);
  for (let i = 0; i < history.rows; i++) {
    const baseline = baselines.get(segments[rowSegment[i]!]!)!;
    for (let j = 0; j < d; j++) {
      x[i * d + j] = relativeToBaseline(
        kinds[j]!,
        history.values[i * d + j]!,
        baseline.centers[j]!,
        baseline.scales[j]!,
      );
    }
  }
  const pooled = fitPooledWeights(
    { rows: history.rows, columns: d, values: x },
    history.churned,
    rowSegment,
    segments.length,
    defaultCoefficients(history),
    settings.model,
  );
  const fit: LinearFit = { segments: new Map() };
  segments.forEach((segment, s) => {
    // The global pool has no rows of its own: it is scored by the global model.
    const coefficients = segment === GLOBAL_SEGMENT ? pooled.global : pooled.segments[s]!;
    fit.segments.set(segment, {
      ...baselines.get(segment)!,
      intercept: coefficients[0]!,
      weights: Array.from(coefficients.subarray(1)),
      ownWeightShare: segment === GLOBAL_SEGMENT ? 0 : pooled.ownShare[s]!,
    });
  });
  return fit;
}
