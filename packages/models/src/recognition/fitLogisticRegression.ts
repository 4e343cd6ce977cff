/** A sparse matrix in compressed-row form (rows = examples, columns = features). */
export interface SparseRows {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

/** Options of `fitLogisticRegression`. */
export interface FitLogisticOptions {
  /** L2 penalty lambda on the summed loss (scikit-learn's C is 1 / lambda); the intercepts are not penalised. */
  l2: number;
  /** L-BFGS iterations (default 200). */
  maxIterations?: number;
  /** L-BFGS history size (default 7). */
  memory?: number;
  /** Stop when the relative loss decrease of an iteration falls below this (default 1e-6). */
  tolerance?: number;
  /** Called after every iteration with the iteration number and the objective. */
  onIteration?: (iteration: number, loss: number) => void;
}

/** Fitted one-vs-rest weights. */
export interface LogisticWeights {
  classes: number;
  features: number;
  /** Feature-major weights: weight of feature j for class k at `j * classes + k`. */
  weights: Float64Array;
  /** One intercept per class. */
  bias: Float64Array;
}

/**
 * Fits K independent binary logistic regressions (one-vs-rest, multi-label) on shared sparse
 * features with L-BFGS, all classes in one deterministic pass per iteration.
 *
 * Minimises sum_k sum_i log(1 + exp(-s_ik z_ik)) + (l2 / 2) ||W||^2 with s_ik = +1 when example
 * i has class k, else -1, and z_ik = x_i . w_k + b_k: the objective of scikit-learn's
 * `LogisticRegression(C = 1 / l2)` per class. The sum over classes is separable, so one joint
 * L-BFGS run (Nocedal & Wright 2006, Alg. 7.4, with an Armijo backtracking line search) finds
 * the same optimum as K separate runs. No randomness: the same data gives the same weights.
 *
 * @param x - features, one row per example
 * @param y - targets, `y[i * classes + k]` is 1 when example i has class k
 * @param classes - number of classes K
 * @param options - penalty and optimiser settings
 * @returns the weights and intercepts
 */
export function fitLogisticRegression(
  x: SparseRows,
  y: Uint8Array,
  classes: number,
  options: FitLogisticOptions,
): LogisticWeights {
  const K = classes;
  const dim = x.cols * K + K;
  const maxIter = options.maxIterations ?? 200;
  const m = options.memory ?? 7;
  const tol = options.tolerance ?? 1e-6;
  const z = new Float64Array(K);

  const evaluate = (theta: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    const bOff = x.cols * K;
    let loss = 0;
    for (let i = 0; i < x.rows; i++) {
      const start = x.indptr[i] as number;
      const end = x.indptr[i + 1] as number;
      for (let k = 0; k < K; k++) z[k] = theta[bOff + k] as number;
      for (let p = start; p < end; p++) {
        const base = (x.indices[p] as number) * K;
        const v = x.values[p] as number;
        for (let k = 0; k < K; k++) z[k] = (z[k] as number) + v * (theta[base + k] as number);
      }
      for (let k = 0; k < K; k++) {
        const zk = z[k] as number;
        const pos = y[i * K + k] === 1;
        const margin = pos ? zk : -zk;
        loss += margin > 0 ? Math.log1p(Math.exp(-margin)) : -margin + Math.log1p(Math.exp(margin));
        const prob = 1 / (1 + Math.exp(-zk));
        z[k] = prob - (pos ? 1 : 0);
      }
      for (let p = start; p < end; p++) {
        const base = (x.indices[p] as number) * K;
        const v = x.values[p] as number;
        for (let k = 0; k < K; k++) grad[base + k] = (grad[base + k] as number) + v * (z[k] as number);
      }
      for (let k = 0; k < K; k++) grad[bOff + k] = (grad[bOff + k] as number) + (z[k] as number);
    }
    let reg = 0;
    for (let j = 0; j < bOff; j++) {
      const w = theta[j] as number;
      reg += w * w;
      grad[j] = (grad[j] as number) + options.l2 * w;
    }
    return loss + 0.5 * options.l2 * reg;
  };

  const dot = (a: Float64Array, b: Float64Array): number => {
    let s = 0;
    for (let j = 0; j < a.length; j++) s += (a[j] as number) * (b[j] as number);
    return s;
  };

  let theta = new Float64Array(dim);
  let grad = new Float64Array(dim);
  let loss = evaluate(theta, grad);
  const sHist: Float64Array[] = [];
  const yHist: Float64Array[] = [];
  const rhoHist: number[] = [];
  const alpha = new Float64Array(m);
  const dir = new Float64Array(dim);
  let nextTheta = new Float64Array(dim);
  let nextGrad = new Float64Array(dim);

  for (let iter = 1; iter <= maxIter; iter++) {
    // two-loop recursion: dir = -H grad
    for (let j = 0; j < dim; j++) dir[j] = -(grad[j] as number);
    for (let h = sHist.length - 1; h >= 0; h--) {
      const a = (rhoHist[h] as number) * dot(sHist[h] as Float64Array, dir);
      alpha[h] = a;
      const yh = yHist[h] as Float64Array;
      for (let j = 0; j < dim; j++) dir[j] = (dir[j] as number) - a * (yh[j] as number);
    }
    if (sHist.length > 0) {
      const last = sHist.length - 1;
      const gamma =
        dot(sHist[last] as Float64Array, yHist[last] as Float64Array) /
        dot(yHist[last] as Float64Array, yHist[last] as Float64Array);
      for (let j = 0; j < dim; j++) dir[j] = (dir[j] as number) * gamma;
    }
    for (let h = 0; h < sHist.length; h++) {
      const b = (rhoHist[h] as number) * dot(yHist[h] as Float64Array, dir);
      const sh = sHist[h] as Float64Array;
      const a = alpha[h] as number;
      for (let j = 0; j < dim; j++) dir[j] = (dir[j] as number) + (a - b) * (sh[j] as number);
    }
    let slope = dot(grad, dir);
    if (slope >= 0) {
      // not a descent direction: restart from steepest descent
      for (let j = 0; j < dim; j++) dir[j] = -(grad[j] as number);
      sHist.length = 0;
      yHist.length = 0;
      rhoHist.length = 0;
      slope = dot(grad, dir);
    }
    let step = sHist.length === 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    let nextLoss = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 30; tries++) {
      for (let j = 0; j < dim; j++) nextTheta[j] = (theta[j] as number) + step * (dir[j] as number);
      nextLoss = evaluate(nextTheta, nextGrad);
      if (nextLoss <= loss + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(nextLoss < loss)) break;
    const s = new Float64Array(dim);
    const yv = new Float64Array(dim);
    for (let j = 0; j < dim; j++) {
      s[j] = (nextTheta[j] as number) - (theta[j] as number);
      yv[j] = (nextGrad[j] as number) - (grad[j] as number);
    }
    const sy = dot(s, yv);
    if (sy > 1e-10) {
      if (sHist.length === m) {
        sHist.shift();
        yHist.shift();
        rhoHist.shift();
      }
      sHist.push(s);
      yHist.push(yv);
      rhoHist.push(1 / sy);
    }
    const decrease = (loss - nextLoss) / Math.max(1, Math.abs(loss));
    [theta, nextTheta] = [nextTheta, theta];
    [grad, nextGrad] = [nextGrad, grad];
    loss = nextLoss;
    options.onIteration?.(iter, loss);
    if (decrease < tol) break;
  }
  return { classes: K, features: x.cols, weights: theta.slice(0, x.cols * K), bias: theta.slice(x.cols * K) };
}
