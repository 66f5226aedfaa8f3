import type { FeatureSpec } from '../model/features';
import type { RenewalHistory } from '../model/history';

/** One past renewal, as a CSV row or the portal's history provides it. */
export interface BacktestRow {
  id: string;
  customerId: string;
  segment: string;
  outcome: 'renewed' | 'churned';
  arr: number | null;
  /** YYYY-MM-DD; needed for time-ordered folds. */
  renewalDate?: string | null;
  /** Raw values by feature name; null or absent = no data. */
  features: Readonly<Record<string, number | null | undefined>>;
}

/**
 * The order rows are trained and evaluated in: by id, numerically. Pages read concurrently finish
 * out of order, and the folds (and so the calibration and cut points) follow row order.
 */
export const byRowId = (a: { id: string }, b: { id: string }): number =>
  a.id.localeCompare(b.id, 'en', { numeric: true });

export function historyFromRows(
  rows: readonly BacktestRow[],
  features: readonly FeatureSpec[],
): RenewalHistory {
  const d = features.length;
  const values = new Float64Array(rows.length * d);
  rows.forEach((row, i) => {
    features.forEach((feature, j) => {
      const value = row.features[feature.name];
      values[i * d + j] = value === null || value === undefined ? Number.NaN : value;
    });
  });
  return {
    features,
    rows: rows.length,
    values,
    segments: rows.map((r) => r.segment),
    customerIds: rows.map((r) => r.customerId),
    churned: Uint8Array.from(rows, (r) => (r.outcome === 'churned' ? 1 : 0)),
  };
}
