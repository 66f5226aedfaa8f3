import type { FeatureSpec } from './features';

/**
 * Past renewals as flat arrays, the shape the model trains on: one row per renewal,
 * raw feature values row-major (NaN = no data), its segment, customer and outcome.
 */
export interface RenewalHistory {
  features: readonly FeatureSpec[];
  rows: number;
  values: Float64Array;
  segments: readonly string[];
  customerIds: readonly string[];
  /** 1 = churned, 0 = renewed. */
  churned: Uint8Array;
}

export function selectRows(history: RenewalHistory, rows: readonly number[]): RenewalHistory {
  const d = history.features.length;
  const values = new Float64Array(rows.length * d);
  rows.forEach((row, i) => values.set(history.values.subarray(row * d, row * d + d), i * d));
  return {
    features: history.features,
    rows: rows.length,
    values,
    segments: rows.map((r) => history.segments[r] ?? ''),
    customerIds: rows.map((r) => history.customerIds[r] ?? ''),
    churned: Uint8Array.from(rows, (r) => history.churned[r] ?? 0),
  };
}

export function countChurned(history: RenewalHistory): number {
  let churned = 0;
  for (let i = 0; i < history.rows; i++) churned += history.churned[i]!;
  return churned;
}
