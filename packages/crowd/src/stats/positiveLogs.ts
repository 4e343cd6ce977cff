/**
 * ln x of the positive values, in input order, as one typed array, with the index each came from.
 *
 * The form the variance decompositions of ln(estimate) need (`effectSizes`, `effectModel`): the
 * logs of a million answers cost one Float64Array, and when every value is positive (the usual
 * case) there is no index list at all, so a label column can be used as it is instead of copied.
 * Values <= 0 (and NaN) cannot be logged and are left out (see `logValues`).
 *
 * @param values the numbers.
 * @returns `logs`, and `keep` (the index of each log's value; undefined when no value was left out).
 */
export function positiveLogs(values: ArrayLike<number>): {
  logs: Float64Array;
  keep: Int32Array | undefined;
} {
  const n = values.length;
  let positives = 0;
  for (let i = 0; i < n; i++) if ((values[i] as number) > 0) positives++;
  const logs = new Float64Array(positives);
  const keep = positives === n ? undefined : new Int32Array(positives);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (!(x > 0)) continue;
    logs[j] = Math.log(x);
    if (keep) keep[j] = i;
    j++;
  }
  return { logs, keep };
}
