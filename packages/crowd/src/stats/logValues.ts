/**
 * Natural logarithms of the positive values, and how many values were dropped for being <= 0.
 *
 * Numerosity and distance estimates are roughly log-normal (Lorenz et al. 2011, PNAS 108:9020;
 * Kao et al. 2018), so log space is where their errors are symmetric. A log needs x > 0: zeros
 * and negatives (typos, "no idea") cannot be placed there and are reported instead of hidden.
 *
 * @param values the numbers.
 * @returns `logs` (ln of each positive value, input order, one typed array) and `dropped` (count of
 *   values <= 0).
 */
export function logValues(values: ArrayLike<number>): { logs: Float64Array; dropped: number } {
  const n = values.length;
  let positives = 0;
  for (let i = 0; i < n; i++) if ((values[i] as number) > 0) positives++;
  const logs = new Float64Array(positives);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (x > 0) logs[j++] = Math.log(x);
  }
  return { logs, dropped: n - positives };
}
