import { sortedValues } from './sortedValues.js';
import { trimCount } from './trimCount.js';

/**
 * Winsorized mean: replace the floor(alpha n) smallest values by the smallest kept value and the
 * floor(alpha n) largest by the largest kept value, then average all n.
 *
 * Like the trimmed mean it tames outliers, but extreme judges still count, as "somewhere at the
 * edge" (Dixon 1960; Wilcox 2012, "Introduction to Robust Estimation", ch. 3).
 *
 * @param values the numbers (not modified).
 * @param alpha share clamped at each end, 0 <= alpha < 0.5; default 0.1.
 * @returns the winsorized mean, `NaN` for an empty list.
 */
export function winsorizedMean(values: ArrayLike<number>, alpha = 0.1): number {
  const n = values.length;
  const g = trimCount(n, alpha);
  if (n === 0) return Number.NaN;
  const sorted = sortedValues(values);
  let sum = g * ((sorted[g] as number) + (sorted[n - 1 - g] as number));
  for (let i = g; i < n - g; i++) sum += sorted[i] as number;
  return sum / n;
}
