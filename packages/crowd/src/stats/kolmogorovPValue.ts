/**
 * The asymptotic p-value of a two-sample Kolmogorov-Smirnov statistic D for samples of sizes n
 * and m: P(K > λ) = 2 Σ_{k>=1} (-1)^{k-1} exp(-2 k² λ²) with λ = (√N + 0.12 + 0.11/√N) D,
 * N = nm/(n + m) (Kolmogorov's limit distribution with Stephens' 1970 small-sample correction, as
 * in Press et al., "Numerical Recipes", §14.3).
 *
 * With tied values (rounded answers) the test is conservative: the true p-value is smaller.
 *
 * @param d the statistic, in [0, 1]
 * @param n first sample's size
 * @param m second sample's size
 * @returns the p-value in [0, 1]; `NaN` when d is `NaN` or a sample is empty
 */
export function kolmogorovPValue(d: number, n: number, m: number): number {
  if (Number.isNaN(d) || n <= 0 || m <= 0) return Number.NaN;
  const root = Math.sqrt((n * m) / (n + m));
  const lambda = (root + 0.12 + 0.11 / root) * d;
  if (lambda < 1e-3) return 1;
  let sum = 0;
  let sign = 1;
  for (let k = 1; k <= 100; k++) {
    const term = sign * Math.exp(-2 * k * k * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-12) break;
    sign = -sign;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}
