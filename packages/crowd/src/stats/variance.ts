/**
 * Variance of a list of numbers, population (divide by n) or sample (divide by n - 1).
 *
 * The population variance is the "diversity" of Page's diversity prediction theorem (Page 2007,
 * "The Difference"); the sample variance is the unbiased estimate used for standard errors.
 * Computed with Welford's one-pass update (Welford 1962), stable for large values.
 *
 * @param values the numbers.
 * @param kind 'population' (default) or 'sample'.
 * @returns the variance; `NaN` for an empty list, or for fewer than two values with 'sample'.
 */
export function variance(values: ArrayLike<number>, kind: 'population' | 'sample' = 'population'): number {
  const n = values.length;
  if (n === 0 || (kind === 'sample' && n < 2)) return Number.NaN;
  let m = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    const d = x - m;
    m += d / (i + 1);
    m2 += d * (x - m);
  }
  return m2 / (kind === 'sample' ? n - 1 : n);
}
