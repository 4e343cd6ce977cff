import { quickselect } from './quickselect.js';

/**
 * Median: the middle value (mean of the two middle values for an even count).
 *
 * Robust to the wild outliers of estimation tasks (a typo of 10x moves the mean, not the median);
 * Galton's 1907 "vox populi" used it. Computed with `quickselect` on a copy, O(n).
 *
 * @param values the numbers (not modified); an empty list gives `NaN`.
 * @returns the median.
 */
export function median(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const copy = Float64Array.from(values as ArrayLike<number>);
  const upper = quickselect(copy, n >> 1);
  if (n % 2 === 1) return upper;
  // after selection, everything before n/2 is <= upper: the lower middle is their maximum
  let lower = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n >> 1; i++) if ((copy[i] as number) > lower) lower = copy[i] as number;
  return (lower + upper) / 2;
}
