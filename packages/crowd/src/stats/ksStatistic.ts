/**
 * The two-sample Kolmogorov-Smirnov statistic (Kolmogorov 1933; Smirnov 1948): the largest
 * vertical distance between the two empirical distribution functions,
 * D = sup_t |F_a(t) - F_b(t)|.
 *
 * Behaviour: both samples must be sorted ascending. Ties (within and across samples) are
 * handled exactly: the ECDFs are compared after every copy of a value has been counted, so
 * rounded answers (many 100s, 200s) do not inflate D. D is 0 for identical samples, 1 for samples
 * that do not overlap, and invariant under any increasing transformation of both samples (D on
 * ln x equals D on x).
 *
 * @param a first sample, sorted ascending
 * @param b second sample, sorted ascending
 * @returns D in [0, 1]; `NaN` when either sample is empty
 */
export function ksStatistic(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return Number.NaN;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n || j < m) {
    const ai = i < n ? (a[i] as number) : Number.POSITIVE_INFINITY;
    const bj = j < m ? (b[j] as number) : Number.POSITIVE_INFINITY;
    const t = ai < bj ? ai : bj;
    while (i < n && (a[i] as number) <= t) i++;
    while (j < m && (b[j] as number) <= t) j++;
    const gap = Math.abs(i / n - j / m);
    if (gap > d) d = gap;
  }
  return d;
}
