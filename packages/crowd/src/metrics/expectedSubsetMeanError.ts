import { mean } from '../stats/mean.js';
import { variance } from '../stats/variance.js';

/**
 * Expected squared error of the mean of a random k-subset drawn without replacement:
 * E[(m_k - T)^2] = (m - T)^2 + (s^2 / k) (n - k) / (n - 1), with m the crowd mean and s^2 its
 * population variance.
 *
 * The intuition: a bias floor that no crowd size removes, plus a variance term that shrinks like
 * 1/k (with the finite-population correction (n - k)/(n - 1); Cochran 1977, "Sampling
 * Techniques", thm 2.2). It is the closed form that the simulated subset curve for the mean must
 * reproduce, and the reason "more judges" stops helping once (m - T)^2 dominates.
 *
 * @param values the whole crowd's estimates (n >= 1).
 * @param truth the true value.
 * @param k subset size, 1 <= k <= n.
 * @returns the expected squared error.
 */
export function expectedSubsetMeanError(values: ArrayLike<number>, truth: number, k: number): number {
  const n = values.length;
  if (!(k >= 1 && k <= n)) throw new RangeError(`subset size ${k} out of range 1..${n}`);
  const bias = (mean(values) - truth) ** 2;
  if (n === 1) return bias;
  return bias + (variance(values) / k) * ((n - k) / (n - 1));
}
