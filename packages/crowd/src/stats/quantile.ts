import { quickselect } from './quickselect.js';

/**
 * Sample quantile by linear interpolation between order statistics ("type 7" of Hyndman & Fan
 * 1996, the default of R, NumPy and Excel's PERCENTILE.INC).
 *
 * With sorted values x_(1..n): h = (n - 1) p; the result is x_(floor h) + (h - floor h)
 * (x_(floor h + 1) - x_(floor h)) in 0-based indexing. p = 0 gives the minimum, p = 1 the maximum.
 *
 * @param values the numbers (not modified); an empty list gives `NaN`.
 * @param p the probability in [0, 1].
 * @returns the p-quantile.
 */
export function quantile(values: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  return quantileSorted(sorted, p);
}

/**
 * Type-7 quantile of values already sorted ascending (no copy, no sort): use it to read several
 * quantiles of one list.
 *
 * @param sorted numbers sorted ascending.
 * @param p the probability in [0, 1].
 * @returns the p-quantile, `NaN` for an empty list.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability must be in [0, 1] (got ${p})`);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  if (lo + 1 >= n) return a;
  const b = sorted[lo + 1] as number;
  return a + (h - lo) * (b - a);
}

/**
 * Type-7 quantile by partial selection, O(n) instead of a sort: reorders `values` in place.
 * Use it for one or two quantiles of a large scratch array (the quartiles of a bandwidth rule).
 *
 * @param values scratch numbers; their order is changed.
 * @param p the probability in [0, 1].
 * @returns the p-quantile, `NaN` for an empty array.
 */
export function quantileInPlace(values: Float64Array, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability must be in [0, 1] (got ${p})`);
  const n = values.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = quickselect(values, lo);
  if (lo + 1 >= n || h === lo) return a;
  // after selection everything right of lo is >= a: the next order statistic is their minimum
  let b = Number.POSITIVE_INFINITY;
  for (let i = lo + 1; i < n; i++) if ((values[i] as number) < b) b = values[i] as number;
  return a + (h - lo) * (b - a);
}
