import { solveSymmetricPositiveDefinite } from './cholesky';

/** A design matrix: `rows` × `columns` values, row-major, without the intercept column. */
export interface DesignMatrix {
  rows: number;
  columns: number;
  values: Float64Array;
}

/**
 * An L2 penalty toward a prior: the fit minimises −log-likelihood + ½·Σ penalty_k·(β_k − mean_k)².
 * Index 0 is the intercept, then one entry per column. A penalty toward the global model's weights
 * (instead of toward zero) is what pools a segment's model toward the global one.
 */
export interface LogisticPrior {
  mean: Float64Array;
  penalty: Float64Array;
}

export interface LogisticFit {
  /** β: intercept first, then one weight per column; log-odds of the outcome y = 1. */
  coefficients: Float64Array;
  iterations: number;
  converged: boolean;
}

export const sigmoid = (z: number): number =>
  z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
export const logit = (p: number): number => Math.log(p / (1 - p));

/**
 * L2-penalised logistic regression by Newton's method (IRLS).
 * Each step solves (XᵀWX + Λ)·Δ = Xᵀ(y − p) − Λ(β − m); a step that lowers the penalised
 * likelihood is halved until it does not, so separable data cannot make the fit diverge.
 */
export function fitLogistic(
  x: DesignMatrix,
  y: ArrayLike<number>,
  prior: LogisticPrior,
  options: { maxIterations?: number; tolerance?: number } = {},
): LogisticFit {
  const { rows, columns, values } = x;
  const p = columns + 1;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-9;
  const beta = Float64Array.from(prior.mean);
  const hessian = new Float64Array(p * p);
  const gradient = new Float64Array(p);
  let objective = penalisedLoss(x, y, prior, beta);

  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    hessian.fill(0);
    gradient.fill(0);
    for (let i = 0; i < rows; i++) {
      const offset = i * columns;
      let z = beta[0]!;
      for (let j = 0; j < columns; j++) z += beta[j + 1]! * values[offset + j]!;
      const mu = sigmoid(z);
      const w = Math.max(mu * (1 - mu), 1e-12);
      const residual = y[i]! - mu;
      gradient[0]! += residual;
      hessian[0]! += w;
      for (let j = 0; j < columns; j++) {
        const xj = values[offset + j]!;
        if (xj === 0) continue;
        gradient[j + 1]! += residual * xj;
        hessian[j + 1]! += w * xj;
        for (let k = 0; k <= j; k++) {
          const xk = values[offset + k]!;
          hessian[(j + 1) * p + (k + 1)]! += w * xj * xk;
        }
      }
    }
    for (let j = 1; j < p; j++) hessian[j * p]! = hessian[j]!;
    for (let j = 0; j < p; j++) {
      for (let k = j + 1; k < p; k++) hessian[j * p + k] = hessian[k * p + j]!;
      hessian[j * p + j]! += prior.penalty[j]! + 1e-10;
      gradient[j]! -= prior.penalty[j]! * (beta[j]! - prior.mean[j]!);
    }
    const step = solveSymmetricPositiveDefinite(hessian, gradient, p);
    let scale = 1;
    let next = beta;
    let nextObjective = objective;
    for (let halving = 0; halving < 30; halving++) {
      next = beta.map((b, k) => b + scale * step[k]!);
      nextObjective = penalisedLoss(x, y, prior, next);
      if (nextObjective <= objective + 1e-12) break;
      scale /= 2;
    }
    let change = 0;
    for (let k = 0; k < p; k++) change = Math.max(change, Math.abs(next[k]! - beta[k]!));
    beta.set(next);
    objective = nextObjective;
    if (change < tolerance) return { coefficients: beta, iterations: iteration, converged: true };
  }
  return { coefficients: beta, iterations: maxIterations, converged: false };
}

function penalisedLoss(
  x: DesignMatrix,
  y: ArrayLike<number>,
  prior: LogisticPrior,
  beta: Float64Array,
): number {
  const { rows, columns, values } = x;
  let loss = 0;
  for (let i = 0; i < rows; i++) {
    let z = beta[0]!;
    for (let j = 0; j < columns; j++) z += beta[j + 1]! * values[i * columns + j]!;
    // log(1 + e^z) − y·z, written to stay finite for large |z|.
    loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[i]! * z;
  }
  for (let k = 0; k < beta.length; k++) loss += 0.5 * prior.penalty[k]! * (beta[k]! - prior.mean[k]!) ** 2;
  return loss;
}
