import { GLOBAL_SEGMENT } from '../segments';
import { IDENTITY_CALIBRATION } from './calibration';
import { DEFAULT_CUT_POINTS } from './cut-points';
import type { RenewalHistory } from './history';
import type { LinearFit } from './linear-fit';
import type { Calibration, RiskModel, SegmentModel } from './risk-model';
import { calibrated, compileModel, linearScore, segmentSlot } from './score';
import type { segmentCutPoints } from './segment-cut-points';

/** The segments a model holds: those seen in the data, plus the global pool. */
export function segmentsOf(history: Pick<RenewalHistory, 'segments'>): string[] {
  return [...new Set([...history.segments, GLOBAL_SEGMENT])].sort();
}

/** Assembles the serialisable model from its fitted parts. */
export function toModel(
  kind: RiskModel['kind'],
  history: Pick<RenewalHistory, 'features' | 'segments' | 'churned'>,
  fit: LinearFit,
  calibrations: ReadonlyMap<string, Calibration>,
  cuts: ReturnType<typeof segmentCutPoints> | Map<string, never>,
): RiskModel {
  const segments: Record<string, SegmentModel> = {};
  for (const [segment, linear] of fit.segments) {
    const rows = history.segments.flatMap((s, i) => (s === segment ? [i] : []));
    const cut = cuts.get(segment);
    segments[segment] = {
      centers: linear.centers,
      scales: linear.scales,
      intercept: linear.intercept,
      weights: linear.weights,
      calibration: calibrations.get(segment) ?? calibrations.get(GLOBAL_SEGMENT) ?? IDENTITY_CALIBRATION,
      cutPoints: cut?.cutPoints ?? DEFAULT_CUT_POINTS,
      cutPointSource: cut?.source ?? 'default cut points',
      renewals: rows.length,
      churned: rows.reduce((a, i) => a + history.churned[i]!, 0),
      ownWeightShare: linear.ownWeightShare,
    };
  }
  return { kind, features: [...history.features], segments, notes: [] };
}

/** Calibrated churn probabilities of rows under a model (for cut points and reports). */
export function probabilitiesOf(
  model: RiskModel,
  values: Float64Array,
  rowSegments: readonly string[],
): Float64Array {
  const compiled = compileModel(model);
  const d = model.features.length;
  return Float64Array.from(rowSegments, (segment, i) => {
    const slot = segmentSlot(compiled, segment);
    return calibrated(compiled, slot, linearScore(compiled, slot, values, i * d));
  });
}
