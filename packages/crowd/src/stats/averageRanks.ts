/**
 * Ranks of values, ascending (1 = smallest), with ties sharing the average of the ranks they
 * span ("fractional" or "mid" ranks, as in Spearman's rank correlation): [3, 1, 3] -> [2.5, 1, 2.5].
 * Values within `tolerance` of each other (absolute) count as tied.
 *
 * @param values the values (finite)
 * @param tolerance largest absolute difference still counted as a tie (default 0)
 * @returns the rank of each value, aligned with `values`
 */
export function averageRanks(values: readonly number[], tolerance = 0): number[] {
  const order = values
    .map((_, i) => i)
    .sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (
      end < order.length &&
      (values[order[end] as number] as number) - (values[order[start] as number] as number) <= tolerance
    )
      end++;
    // Positions start..end-1 hold ranks start+1..end: their average.
    const rank = (start + 1 + end) / 2;
    for (let p = start; p < end; p++) ranks[order[p] as number] = rank;
    start = end;
  }
  return ranks;
}
