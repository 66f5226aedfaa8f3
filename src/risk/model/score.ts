import { RISK_TIERS, type RiskTier } from '../tiers';
import { GLOBAL_SEGMENT } from '../segments';
import { KIND_CODE, relativeToBaseline } from './baselines';
import type { RiskModel } from './risk-model';

/**
 * A model laid out in flat arrays (segment-major) so that scoring 100k companies allocates
 * nothing per company beyond its result.
 */
export interface CompiledModel {
  features: number;
  segmentIndex: ReadonlyMap<string, number>;
  segmentIds: readonly string[];
  kinds: Uint8Array;
  centers: Float64Array;
  scales: Float64Array;
  weights: Float64Array;
  intercepts: Float64Array;
  slopes: Float64Array;
  offsets: Float64Array;
  /** Per segment: churnRisk, belowAverage, average, aboveAverage. */
  cuts: Float64Array;
}

export function compileModel(model: RiskModel): CompiledModel {
  const d = model.features.length;
  const segmentIds = Object.keys(model.segments);
  const s = segmentIds.length;
  const compiled: CompiledModel = {
    features: d,
    segmentIndex: new Map(segmentIds.map((id, i) => [id, i])),
    segmentIds,
    kinds: Uint8Array.from(model.features, (f) => KIND_CODE[f.kind]),
    centers: new Float64Array(s * d),
    scales: new Float64Array(s * d),
    weights: new Float64Array(s * d),
    intercepts: new Float64Array(s),
    slopes: new Float64Array(s),
    offsets: new Float64Array(s),
    cuts: new Float64Array(s * 4),
  };
  segmentIds.forEach((id, i) => {
    const segment = model.segments[id]!;
    compiled.centers.set(segment.centers, i * d);
    compiled.scales.set(segment.scales, i * d);
    compiled.weights.set(segment.weights, i * d);
    compiled.intercepts[i] = segment.intercept;
    compiled.slopes[i] = segment.calibration.slope;
    compiled.offsets[i] = segment.calibration.intercept;
    const c = segment.cutPoints;
    compiled.cuts.set([c.churnRisk, c.belowAverage, c.average, c.aboveAverage], i * 4);
  });
  return compiled;
}

/** The compiled index of a segment; unknown segments use the global one. */
export function segmentSlot(compiled: CompiledModel, segment: string): number {
  return compiled.segmentIndex.get(segment) ?? compiled.segmentIndex.get(GLOBAL_SEGMENT) ?? 0;
}

/** The uncalibrated churn log-odds of one row (values at `offset` in `values`). */
export function linearScore(
  compiled: CompiledModel,
  slot: number,
  values: ArrayLike<number>,
  offset = 0,
): number {
  const d = compiled.features;
  const base = slot * d;
  let z = compiled.intercepts[slot]!;
  for (let j = 0; j < d; j++) {
    const w = compiled.weights[base + j]!;
    if (w === 0) continue;
    z +=
      w *
      relativeToBaseline(
        compiled.kinds[j]!,
        values[offset + j]!,
        compiled.centers[base + j]!,
        compiled.scales[base + j]!,
      );
  }
  return z;
}

export function calibrated(compiled: CompiledModel, slot: number, linear: number): number {
  const z = compiled.slopes[slot]! * linear + compiled.offsets[slot]!;
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Tier index into RISK_TIERS (0 = likely_to_renew … 4 = churn_risk). */
export function tierIndex(compiled: CompiledModel, slot: number, probability: number): number {
  const c = slot * 4;
  if (probability >= compiled.cuts[c]!) return 4;
  if (probability >= compiled.cuts[c + 1]!) return 3;
  if (probability >= compiled.cuts[c + 2]!) return 2;
  if (probability >= compiled.cuts[c + 3]!) return 1;
  return 0;
}

/** 0–100, higher renews more likely. */
export const renewalScore = (churnProbability: number): number => Math.round(100 * (1 - churnProbability));

export interface ScoredRows {
  churnProbability: Float64Array;
  renewalScore: Uint8Array;
  tier: Uint8Array;
}

/** Scores many rows at once: `values` is rows × features, `slots` each row's segment slot. */
export function scoreRows(
  compiled: CompiledModel,
  values: Float64Array,
  slots: Int32Array,
  out?: ScoredRows,
): ScoredRows {
  const rows = slots.length;
  const result = out ?? {
    churnProbability: new Float64Array(rows),
    renewalScore: new Uint8Array(rows),
    tier: new Uint8Array(rows),
  };
  for (let i = 0; i < rows; i++) {
    const slot = slots[i]!;
    const p = calibrated(compiled, slot, linearScore(compiled, slot, values, i * compiled.features));
    result.churnProbability[i] = p;
    result.renewalScore[i] = renewalScore(p);
    result.tier[i] = tierIndex(compiled, slot, p);
  }
  return result;
}

export interface CompanyScore {
  churnProbability: number;
  renewalScore: number;
  tier: RiskTier;
}

export function scoreOne(compiled: CompiledModel, segment: string, values: ArrayLike<number>): CompanyScore {
  const slot = segmentSlot(compiled, segment);
  const p = calibrated(compiled, slot, linearScore(compiled, slot, values));
  return {
    churnProbability: p,
    renewalScore: renewalScore(p),
    tier: RISK_TIERS[tierIndex(compiled, slot, p)]!,
  };
}
