import type { BootstrapInterval } from './bootstrapCi.js';
import { median } from './median.js';
import { normalCdf } from './normalDistribution.js';

/**
 * Percentile bootstrap interval of the median, from the bootstrap distribution computed exactly
 * instead of by resampling.
 *
 * Intuition: a resample's median is at most x_(j) (the j-th smallest value) exactly when at least
 * k = ceil(n/2) of its n draws are <= x_(j), and that count is Binomial(n, j/n). So the bootstrap
 * distribution of the median is known in closed form (Maritz & Jarrett 1978; Efron 1979, §3), and
 * its percentiles need no random draws: the interval is what infinitely many resamples would
 * give, in O(n log n) whatever the crowd size.
 *
 * 1. The resample median is taken as the k-th order statistic (for even n, the lower of the two
 *    middle values: the interval differs from the averaged median's by at most one rank).
 * 2. Binomial tails are summed exactly for n <= 2,000 and by the normal approximation with
 *    continuity correction beyond (n p (1 - p) is then large near the median).
 *
 * @param values the group's estimates (not modified)
 * @param level coverage, default 0.95
 * @returns the interval, with `method: 'exact'` and `resamples: 0` (none drawn)
 */
export function medianBootstrapCi(values: ArrayLike<number>, level = 0.95): BootstrapInterval {
  const n = values.length;
  if (n === 0) throw new RangeError('medianBootstrapCi needs at least one value');
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  const k = Math.ceil(n / 2);
  // P(resample median <= x_(j)) = P(Bin(n, r/n) >= k), r = number of values <= x_(j) (ties included).
  const cdfAt = (j: number): number => {
    let r = j;
    while (r < n && sorted[r] === sorted[j - 1]) r++;
    return binomialUpperTail(n, r / n, k);
  };
  const smallestWith = (target: number): number => {
    let lo = 1;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdfAt(mid) >= target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const alpha = 1 - level;
  return {
    estimate: median(sorted),
    lower: sorted[smallestWith(alpha / 2) - 1] as number,
    upper: sorted[smallestWith(1 - alpha / 2) - 1] as number,
    level,
    resamples: 0,
    method: 'exact',
  };
}

/** P(X >= k) for X ~ Binomial(n, p). */
function binomialUpperTail(n: number, p: number, k: number): number {
  if (p <= 0) return k <= 0 ? 1 : 0;
  if (p >= 1) return 1;
  if (n > 2000) {
    const sd = Math.sqrt(n * p * (1 - p));
    return 1 - normalCdf((k - 0.5 - n * p) / sd);
  }
  // Exact: sum the pmf from k to n in log space.
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  let logPmf = n * logQ; // P(X = 0)
  let tail = 0;
  for (let i = 0; i <= n; i++) {
    if (i > 0) logPmf += Math.log((n - i + 1) / i) + logP - logQ;
    if (i >= k) tail += Math.exp(logPmf);
  }
  return Math.min(1, tail);
}
