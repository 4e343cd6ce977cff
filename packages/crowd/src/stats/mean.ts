/**
 * Arithmetic mean of a list of numbers.
 *
 * The classic wisdom-of-crowds aggregate (Galton 1907; Surowiecki 2004): errors of independent
 * judges cancel when averaged.
 *
 * @param values the numbers; an empty list gives `NaN`.
 * @returns sum / count.
 */
export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  return sum / n;
}
