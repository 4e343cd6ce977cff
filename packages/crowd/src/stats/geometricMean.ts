import { logValues } from './logValues.js';

/**
 * Geometric mean: exp of the mean of ln x over the positive values.
 *
 * The mean in log space, the natural centre of log-normal estimates (Lorenz et al. 2011): a
 * factor-of-ten overestimate and a factor-of-ten underestimate cancel. Values <= 0 have no log and
 * are skipped; call `logValues` to learn how many.
 *
 * @param values the numbers.
 * @returns the geometric mean of the positive values, `NaN` if there are none.
 */
export function geometricMean(values: ArrayLike<number>): number {
  const { logs } = logValues(values);
  if (logs.length === 0) return Number.NaN;
  let sum = 0;
  for (const l of logs) sum += l;
  return Math.exp(sum / logs.length);
}
