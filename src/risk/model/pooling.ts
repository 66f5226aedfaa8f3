import { fitLogistic, type DesignMatrix } from './logistic';

export interface PoolingSettings {
  globalPenalty: number;
  poolStrength: number;
  poolHalfEvents: number;
}

export interface PooledWeights {
  /** Intercept first, then the weights. */
  global: Float64Array;
  segments: Float64Array[];
  /** Per segment: the share of the distance to its unpooled fit that it travelled (0 = global, 1 = own). */
  ownShare: number[];
}

/**
 * The pooling rule: a segment's penalty toward the global weights is
 *   λ = poolStrength · poolHalfEvents / (poolHalfEvents + churn events of the segment)
 * so it weakens as the segment's churn events grow, while the data's own pull grows with them.
 * With the defaults (40, 20): 5 churn events → λ = 32 (the segment stays close to global);
 * 20 → 20; 100 → 6.7 (its own weights dominate). The intercept (the segment's base churn rate)
 * is penalised lightly (1) toward the global one: one number is cheap to estimate.
 * The global model is itself penalised toward the rules-based defaults with `globalPenalty`,
 * so a portal with little history stays near the rules.
 */
export function poolingPenalty(churnEvents: number, settings: PoolingSettings): number {
  return (settings.poolStrength * settings.poolHalfEvents) / (settings.poolHalfEvents + churnEvents);
}

const INTERCEPT_PENALTY = 1;

export function fitPooledWeights(
  x: DesignMatrix,
  churned: Uint8Array,
  rowSegment: Int32Array,
  segmentCount: number,
  defaults: Float64Array,
  settings: PoolingSettings,
): PooledWeights {
  const p = x.columns + 1;
  const globalPenalty = new Float64Array(p).fill(settings.globalPenalty);
  globalPenalty[0] = 1e-6;
  const global = fitLogistic(x, churned, { mean: defaults, penalty: globalPenalty }).coefficients;

  const segments: Float64Array[] = [];
  const ownShare: number[] = [];
  for (let s = 0; s < segmentCount; s++) {
    const rows: number[] = [];
    for (let i = 0; i < x.rows; i++) if (rowSegment[i] === s) rows.push(i);
    if (rows.length === 0) {
      segments.push(global);
      ownShare.push(0);
      continue;
    }
    const sub = subMatrix(x, rows);
    const y = Uint8Array.from(rows, (i) => churned[i]!);
    const events = y.reduce((a, b) => a + b, 0);
    const penalty = new Float64Array(p).fill(poolingPenalty(events, settings));
    penalty[0] = INTERCEPT_PENALTY;
    const pooled = fitLogistic(sub, y, { mean: global, penalty }).coefficients;
    segments.push(pooled);
    ownShare.push(shareTowardOwn(sub, y, global, pooled));
  }
  return { global, segments, ownShare };
}

/** How far the pooled weights moved from global toward a nearly unpooled fit (weights only). */
function shareTowardOwn(x: DesignMatrix, y: Uint8Array, global: Float64Array, pooled: Float64Array): number {
  const penalty = new Float64Array(global.length).fill(0.01);
  const own = fitLogistic(x, y, { mean: global, penalty }).coefficients;
  let travelled = 0;
  let distance = 0;
  for (let k = 1; k < global.length; k++) {
    travelled += (pooled[k]! - global[k]!) * (own[k]! - global[k]!);
    distance += (own[k]! - global[k]!) ** 2;
  }
  return distance < 1e-12 ? 0 : Math.max(0, Math.min(1, travelled / distance));
}

export function subMatrix(x: DesignMatrix, rows: readonly number[]): DesignMatrix {
  const values = new Float64Array(rows.length * x.columns);
  rows.forEach((row, i) =>
    values.set(x.values.subarray(row * x.columns, (row + 1) * x.columns), i * x.columns),
  );
  return { rows: rows.length, columns: x.columns, values };
}
