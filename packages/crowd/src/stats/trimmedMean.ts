import { sortedValues } from './sortedValues.js';
import { trimCount } from './trimCount.js';

/**
 * Trimmed mean: drop the floor(alpha n) smallest and floor(alpha n) largest values, average the rest.
 *
 * A compromise between mean and median (alpha -> 0.5): extreme answers are discarded instead of
 * pulling the average (Tukey 1962; Wilcox 2012, "Introduction to Robust Estimation", ch. 3;
 * Jose & Winkler 2008 for forecast combination).
 *
 * @param values the numbers (not modified).
 * @param alpha share dropped at each end, 0 <= alpha < 0.5; default 0.1.
 * @returns the trimmed mean, `NaN` for an empty list.
 */
export function trimmedMean(values: ArrayLike<number>, alpha = 0.1): number {
  const n = values.length;
  const g = trimCount(n, alpha);
  if (n === 0) return Number.NaN;
  const sorted = sortedValues(values);
  let sum = 0;
  for (let i = g; i < n - g; i++) sum += sorted[i] as number;
  return sum / (n - 2 * g);
}
