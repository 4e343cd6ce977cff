import { normalQuantile } from '../stats/normalDistribution.js';

/**
 * The subset size with the highest accuracy, the smallest such size on ties; none (-1) when no
 * size has an accurate subset (accuracy 0 everywhere), since then every size is equally "best"
 * and naming one would be an artefact of the tie rule.
 *
 * @param ks the subset sizes, ascending
 * @param accuracy the accuracy at each size (aligned)
 * @returns the index into `ks`, or -1 for none
 */
export function argmaxAccuracy(ks: readonly number[], accuracy: ArrayLike<number>): number {
  let best = -1;
  let bestValue = 0;
  for (let i = 0; i < ks.length; i++) {
    const value = accuracy[i] as number;
    if (value > bestValue) {
      best = i;
      bestValue = value;
    }
  }
  return best;
}

/**
 * The Monte Carlo uncertainty of the optimal subset size: the smallest and the largest size that
 * no other size is significantly more accurate than.
 *
 * Intuition: the accuracy curve is estimated from B random permutations, so its argmax moves
 * from seed to seed (Silver Jb4, mean, B = 200: 45, 88, 56, 56, 45 over seeds 0-4) wherever the
 * curve is flat. Every size is evaluated on the same permutations, so two sizes can be compared
 * pair by pair: size j beats size k when j's subsets hit clearly more often than k's on the same
 * permutations. The sizes nobody beats are the ones that could be the optimum with other
 * permutations: a confidence set for the argmax in the sense of multiple comparisons with the
 * best (Hsu 1996, "Multiple Comparisons", ch. 4), reported as the interval it spans.
 *
 * Behaviour:
 * 1. For sizes j and k, d_b = hit_j,b - hit_k,b over the permutations b (hits 0/1; the whole
 *    crowd, k = n, is the same in every permutation). j beats k when
 *    mean(d) > z sd(d) / sqrt(B) (sd with divisor B - 1), a one-sided z test at level
 *    alpha / (m - 1), Bonferroni over the m - 1 other sizes (z = 2.94 for alpha = 0.05 and 25 sizes).
 * 2. The set holds every size no other size beats; the interval is [its smallest, its largest]
 *    size (it holds the observed optimum, and sizes between its ends may be beaten).
 * 3. Null when there is no optimum (no accurate subset at any size).
 * With probability about 1 - alpha the size with the best true accuracy is in the set, so its
 * interval covers where another seed's optimum can land. A saturated curve (accuracy 1) gives
 * [the first size that is as good as the saturated ones, n]: the optimum is not determined there.
 *
 * @param ks the subset sizes, ascending
 * @param hits per size, one 0/1 entry per permutation (a size with a single entry is the same in
 *   every permutation)
 * @param permutations B, the number of permutations behind the hits
 * @param alpha the error level, default 0.05
 * @returns [lo, hi], or null without an optimum
 */
export function optimalKInterval(
  ks: readonly number[],
  hits: readonly Uint8Array[],
  permutations: number,
  alpha = 0.05,
): [number, number] | null {
  const m = ks.length;
  const hit = (j: number, b: number): number => {
    const row = hits[j] as Uint8Array;
    return (row.length === 1 ? row[0] : row[b]) as number;
  };
  const accuracy = hits.map((row) => {
    if (row.length === 1) return row[0] as number;
    let sum = 0;
    for (const h of row) sum += h;
    return sum / permutations;
  });
  const best = argmaxAccuracy(ks, accuracy);
  if (best < 0) return null;
  const z = m > 1 ? normalQuantile(1 - alpha / (m - 1)) : 0;
  const beaten = (k: number): boolean => {
    for (let j = 0; j < m; j++) {
      if (j === k || (accuracy[j] as number) <= (accuracy[k] as number)) continue;
      const mean = (accuracy[j] as number) - (accuracy[k] as number);
      let ss = 0;
      for (let b = 0; b < permutations; b++) ss += (hit(j, b) - hit(k, b) - mean) ** 2;
      const se = permutations > 1 ? Math.sqrt(ss / (permutations - 1) / permutations) : 0;
      if (mean > z * se) return true;
    }
    return false;
  };
  let lo = best;
  let hi = best;
  for (let k = 0; k < m; k++) {
    if (k === best || beaten(k)) continue;
    lo = Math.min(lo, k);
    hi = Math.max(hi, k);
  }
  return [ks[lo] as number, ks[hi] as number];
}
