import type { RiskSettings } from '../settings';
import { GLOBAL_SEGMENT } from '../segments';
import { cutPointsByQuantile, cutPointsFromHistory, DEFAULT_CUT_POINTS } from './cut-points';
import type { TierCutPoints } from './risk-model';

export interface SegmentCutPoints {
  cutPoints: TierCutPoints;
  source: string;
}

/**
 * Cut points for each segment. With outcomes and `tiers.cutPointsBy` = `portal` (default): every
 * segment uses those of all accounts — the probabilities are calibrated per segment, so one
 * threshold puts the accounts most likely to churn in the bottom two whatever their segment, and
 * a segment that churns more holds more of them (forcing each segment to 20–25% catches less).
 * With `segment`: a segment with at least `minSegmentHistory` renewals and 2 churns gets its own;
 * others use all accounts'. Without outcomes: by score quantile, the segment's own when it has
 * `minSegmentHistory` accounts, else all accounts'; with no accounts, the defaults.
 */
export function segmentCutPoints(
  probabilities: ArrayLike<number>,
  churned: ArrayLike<number> | null,
  rowSegments: readonly string[],
  segments: readonly string[],
  settings: Pick<RiskSettings, 'tiers'>,
): Map<string, SegmentCutPoints> {
  const shares = settings.tiers;
  const all = Array.from({ length: probabilities.length }, (_, i) => i);
  const cutFor = (rows: number[]): TierCutPoints =>
    churned
      ? cutPointsFromHistory(
          rows.map((i) => probabilities[i]!),
          rows.map((i) => churned[i]!),
          shares,
        )
      : cutPointsByQuantile(
          rows.map((i) => probabilities[i]!),
          shares,
        );
  const kind = churned ? 'past renewals' : 'score quantiles';
  const global: SegmentCutPoints =
    all.length > 0
      ? { cutPoints: cutFor(all), source: `${kind} of all ${all.length} accounts` }
      : { cutPoints: DEFAULT_CUT_POINTS, source: 'default cut points (no accounts to measure)' };
  const result = new Map<string, SegmentCutPoints>();
  for (const segment of segments) {
    const rows = segment === GLOBAL_SEGMENT ? [] : all.filter((i) => rowSegments[i] === segment);
    const churns = churned ? rows.reduce((a, i) => a + churned[i]!, 0) : 0;
    const enough =
      rows.length >= shares.minSegmentHistory &&
      (!churned || (churns >= 2 && shares.cutPointsBy === 'segment'));
    result.set(
      segment,
      enough
        ? { cutPoints: cutFor(rows), source: `${kind} of the segment's ${rows.length} accounts` }
        : global,
    );
  }
  return result;
}
