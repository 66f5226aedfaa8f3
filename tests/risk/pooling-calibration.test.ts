import { describe, expect, it } from 'vitest';
import { fitPlatt } from '#src/risk/model/calibration';
import { fitPooledWeights, poolingPenalty } from '#src/risk/model/pooling';
import { logit } from '#src/risk/model/logistic';
import { DEFAULT_RISK_SETTINGS } from '#src/risk/settings';

/**
 * Two segments over one feature: segment 0 (large) churns more with the feature, as does the
 * global picture; segment 1's own data says the opposite. `scale` multiplies segment 1's rows.
 */
function twoSegments(scale: number) {
  const x: number[] = [];
  const y: number[] = [];
  const segment: number[] = [];
  const add = (s: number, value: number, churned: number, total: number) => {
    for (let i = 0; i < total; i++) {
      x.push(value);
      y.push(i < churned ? 1 : 0);
      segment.push(s);
    }
  };
  add(0, 0, 20, 200);
  add(0, 1, 100, 200);
  add(1, 0, 3 * scale, 10 * scale);
  add(1, 1, 1 * scale, 10 * scale);
  return {
    matrix: { rows: x.length, columns: 1, values: Float64Array.from(x) },
    churned: Uint8Array.from(y),
    rowSegment: Int32Array.from(segment),
  };
}

describe('pooling segment models toward the global model', () => {
  const pool = (scale: number) => {
    const data = twoSegments(scale);
    return fitPooledWeights(
      data.matrix,
      data.churned,
      data.rowSegment,
      2,
      new Float64Array(2),
      DEFAULT_RISK_SETTINGS.model,
    );
  };

  it('keeps a segment with few churn events near the global weights', () => {
    const few = pool(1);
    expect(Math.sign(few.segments[1]![1]!)).toBe(Math.sign(few.global[1]!));
    expect(few.ownShare[1]!).toBeLessThan(0.3);
  });

  it('lets a segment with many churn events depart toward its own weights', () => {
    const many = pool(30);
    expect(many.segments[1]![1]!).toBeLessThan(0);
    expect(many.ownShare[1]!).toBeGreaterThan(0.7);
    expect(many.ownShare[1]!).toBeGreaterThan(pool(1).ownShare[1]!);
  });

  it('weakens the pull toward global as churn events grow', () => {
    const settings = DEFAULT_RISK_SETTINGS.model;
    expect(poolingPenalty(5, settings)).toBe(32);
    expect(poolingPenalty(20, settings)).toBe(20);
    expect(poolingPenalty(100, settings)).toBeCloseTo(6.67, 2);
  });
});

describe('Platt calibration', () => {
  it('maps scores to the observed churn rates when two score levels pin the answer', () => {
    // 2 of 10 churn at score 0, 6 of 10 at score 1: σ(b) = 0.2 and σ(a + b) = 0.6.
    const scores = [...Array(10).fill(0), ...Array(10).fill(1)];
    const churned = [...Array(10).keys()]
      .map((i) => (i < 2 ? 1 : 0))
      .concat([...Array(10).keys()].map((i) => (i < 6 ? 1 : 0)));
    const calibration = fitPlatt(scores, churned);
    expect(calibration.intercept).toBeCloseTo(logit(0.2), 4);
    expect(calibration.slope).toBeCloseTo(logit(0.6) - logit(0.2), 4);
  });

  it('fits only the intercept for a small segment, keeping the global slope', () => {
    const calibration = fitPlatt([0, 1, 2, 3], [0, 0, 1, 1], {
      toward: { slope: 0.7, intercept: -1 },
      interceptOnly: true,
    });
    expect(calibration.slope).toBeCloseTo(0.7, 6);
    expect(calibration.intercept).not.toBeCloseTo(-1, 2);
  });
});
