import { describe, expect, it } from 'vitest';
import { solveSymmetricPositiveDefinite } from '#src/risk/model/cholesky';
import { fitLogistic, logit, sigmoid } from '#src/risk/model/logistic';

/** Rows of one 0/1 feature: `churned` of `total` at x = 0, likewise at x = 1. */
function twoGroups(at0: [number, number], at1: [number, number]) {
  const x: number[] = [];
  const y: number[] = [];
  for (const [value, [churned, total]] of [
    [0, at0],
    [1, at1],
  ] as const) {
    for (let i = 0; i < total; i++) {
      x.push(value);
      y.push(i < churned ? 1 : 0);
    }
  }
  return { matrix: { rows: x.length, columns: 1, values: Float64Array.from(x) }, y };
}
const noPenalty = { mean: new Float64Array(2), penalty: new Float64Array(2) };

describe('Cholesky solve', () => {
  it('solves a small symmetric positive-definite system', () => {
    // [[4,2],[2,3]]·[1,2] = [8,8]
    expect(
      Array.from(solveSymmetricPositiveDefinite(Float64Array.of(4, 2, 2, 3), Float64Array.of(8, 8), 2)),
    ).toEqual([1, 2].map((v) => expect.closeTo(v, 12)));
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(() =>
      solveSymmetricPositiveDefinite(Float64Array.of(1, 2, 2, 1), Float64Array.of(1, 1), 2),
    ).toThrow(/not positive definite/);
  });
});

describe('logistic regression by IRLS', () => {
  it('recovers the exact answer of a saturated model: the log-odds of each group', () => {
    // 2 of 8 churn without the feature, 6 of 8 with it: β0 = logit(0.25), β1 = logit(0.75) − logit(0.25) = 2·ln 3.
    const { matrix, y } = twoGroups([2, 8], [6, 8]);
    const fit = fitLogistic(matrix, y, noPenalty);
    expect(fit.converged).toBe(true);
    expect(fit.coefficients[0]).toBeCloseTo(-Math.log(3), 8);
    expect(fit.coefficients[1]).toBeCloseTo(2 * Math.log(3), 8);
  });

  it('satisfies the penalised optimality condition Xᵀ(y − p) = Λ(β − m) toward a non-zero prior', () => {
    const { matrix, y } = twoGroups([1, 10], [7, 10]);
    const prior = { mean: Float64Array.of(0, 0.5), penalty: Float64Array.of(0.5, 4) };
    const beta = fitLogistic(matrix, y, prior).coefficients;
    const gradient = [0, 0];
    for (let i = 0; i < matrix.rows; i++) {
      const residual = y[i]! - sigmoid(beta[0]! + beta[1]! * matrix.values[i]!);
      gradient[0]! += residual;
      gradient[1]! += residual * matrix.values[i]!;
    }
    expect(gradient[0]).toBeCloseTo(0.5 * (beta[0]! - 0), 8);
    expect(gradient[1]).toBeCloseTo(4 * (beta[1]! - 0.5), 8);
    // The penalty pulls the slope below its unpenalised value logit(0.7) − logit(0.1).
    expect(beta[1]!).toBeLessThan(logit(0.7) - logit(0.1));
  });

  it('stays finite on perfectly separable data when penalised', () => {
    const { matrix, y } = twoGroups([0, 10], [10, 10]);
    const fit = fitLogistic(matrix, y, { mean: new Float64Array(2), penalty: Float64Array.of(1, 1) });
    expect(fit.converged).toBe(true);
    expect(Number.isFinite(fit.coefficients[1]!)).toBe(true);
    expect(fit.coefficients[1]!).toBeGreaterThan(2);
  });
});
