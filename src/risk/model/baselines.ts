import { ENGAGEMENT_LOG2_LIMIT, type FeatureKind, type FeatureSpec } from './features';
import type { RenewalHistory } from './history';

/** Where each feature of a segment sits for its renewing accounts, and how widely numbers spread. */
export interface SegmentBaseline {
  centers: number[];
  scales: number[];
}

/** A segment's own baseline needs this many renewing accounts with data; fewer → the global one. */
export const MIN_BASELINE_ACCOUNTS = 5;

/**
 * Baselines per segment, measured among accounts that renewed (DESIGN.md §4).
 * Engagement: the median of renewing accounts in the segment (the mean if the median is 0, so
 * rare events keep a positive baseline), else the global renewing median, else all accounts, else 1.
 * Number: the renewing median likewise, else the feature's documented default; the spread is the
 * standard deviation over all accounts (one scale for every segment), else the default.
 */
export function measureBaselines(
  history: RenewalHistory,
  segments: readonly string[],
): Map<string, SegmentBaseline> {
  const d = history.features.length;
  const column = (j: number, keep: (row: number) => boolean): number[] => {
    const out: number[] = [];
    for (let i = 0; i < history.rows; i++) {
      const v = history.values[i * d + j]!;
      if (!Number.isNaN(v) && keep(i)) out.push(v);
    }
    return out;
  };
  const renewed = (i: number) => history.churned[i] === 0;
  const baselines = new Map<string, SegmentBaseline>();
  const global = history.features.map((feature, j) => ({
    renewing: column(j, renewed),
    all: column(j, () => true),
    feature,
  }));
  for (const segment of segments) {
    const centers: number[] = [];
    const scales: number[] = [];
    global.forEach(({ renewing, all, feature }, j) => {
      const own = column(j, (i) => renewed(i) && history.segments[i] === segment);
      centers.push(centerOf(feature, [own, renewing, all]));
      scales.push(scaleOf(feature, all));
    });
    baselines.set(segment, { centers, scales });
  }
  return baselines;
}

function centerOf(feature: FeatureSpec, candidates: number[][]): number {
  if (feature.kind === 'flag') return 0;
  for (const values of candidates) {
    if (values.length < MIN_BASELINE_ACCOUNTS) continue;
    const median = medianOf(values);
    if (feature.kind === 'number') return median;
    if (median > 0) return median;
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    if (mean > 0) return mean;
  }
  return feature.kind === 'number' ? (feature.defaultCenter ?? 0) : 1;
}

function scaleOf(feature: FeatureSpec, values: number[]): number {
  if (feature.kind !== 'number') return 1;
  if (values.length >= 2) {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1);
    if (variance > 1e-12) return Math.sqrt(variance);
  }
  return feature.defaultScale ?? 1;
}

export function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const KIND_CODE: Record<FeatureKind, number> = { engagement: 0, number: 1, flag: 2 };

/** A raw value expressed against its baseline (see FeatureKind); no data → 0, the baseline itself. */
export function relativeToBaseline(kindCode: number, value: number, center: number, scale: number): number {
  if (Number.isNaN(value)) return 0;
  if (kindCode === 0) {
    const x = Math.log2(Math.max(value, 0) / center);
    return x < -ENGAGEMENT_LOG2_LIMIT
      ? -ENGAGEMENT_LOG2_LIMIT
      : x > ENGAGEMENT_LOG2_LIMIT
        ? ENGAGEMENT_LOG2_LIMIT
        : x;
  }
  if (kindCode === 1) return (value - center) / scale;
  return value > 0 ? 1 : 0;
}
