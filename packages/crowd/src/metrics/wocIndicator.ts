/**
 * How estimates equal to the truth are counted by `wocIndicator`:
 * - `both` (the default): an exact answer is on both sides, min(#x <= T, #x >= T);
 * - `strict`: on neither side, min(#x < T, #x > T).
 */
export type WocTieRule = 'both' | 'strict';

/**
 * Lorenz's wisdom-of-crowd indicator: how many estimates lie on the smaller side of the truth,
 * min(#x <= T, #x >= T) by default.
 *
 * The intuition: how central the truth sits in the crowd. If the truth is near the middle of the
 * answers, many judges are on each side and the indicator is high; if everyone is on one side it
 * is 0. Social influence lowers it without improving collective error (Lorenz, Rauhut, Schweitzer
 * & Helbing 2011, PNAS 108:9020).
 *
 * Ties (estimates equal to T): with `both`, an exact answer counts on both sides, so a crowd that
 * is exactly right scores n, not 0 (the hyper-accuracy case of LLM crowds, where the strict count
 * cannot tell a crowd on the truth from one that misses it entirely). With `strict`, exact answers
 * count on neither side (the count Lorenz et al. wrote down for continuous answers, where ties do
 * not occur). The two agree whenever no estimate equals T. With `both` the indicator is at most n
 * (all equal to T), with `strict` at most floor(n / 2). Divide by n for a share comparable across
 * crowd sizes; an empty crowd scores 0.
 *
 * @example
 * wocIndicator([5, 5, 5], 5); // 3 (all exact)
 * wocIndicator([5, 5, 5], 5, 'strict'); // 0
 * wocIndicator([4, 5, 6, 7], 5); // min(2, 3) = 2
 *
 * @param values the estimates.
 * @param truth the true value.
 * @param ties how estimates equal to the truth count (default `both`).
 * @returns the count of the smaller side.
 */
export function wocIndicator(values: ArrayLike<number>, truth: number, ties: WocTieRule = 'both'): number {
  let below = 0;
  let above = 0;
  let equal = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (x < truth) below++;
    else if (x > truth) above++;
    else if (x === truth) equal++;
  }
  return ties === 'both' ? Math.min(below + equal, above + equal) : Math.min(below, above);
}
