import type { BatteryItem } from './summarizeBattery.js';

/** Every respondent's absolute log error on every item of a battery. */
export interface RespondentErrors {
  /** Respondent ids, in the order they first appear (item by item, answer by answer). */
  readonly respondents: readonly string[];
  /** Item ids, in battery order. */
  readonly items: readonly string[];
  /**
   * `errors[r * items.length + i]`: respondent r's mean |ln(x / T_i)| over its answers to item i
   * that are > 0; `NaN` when it has none (did not answer, or only answers <= 0, or T_i <= 0).
   */
  readonly errors: Float64Array;
  /** Position of each respondent id in `respondents`. */
  readonly index: ReadonlyMap<string, number>;
}

/**
 * The error matrix behind skill and ability cues: for respondent r and item i,
 * e_ri = mean |ln(x / T_i)| over r's answers to i (one answer in human data; one per replicate in
 * a run, averaged so each item weighs the same).
 *
 * The absolute log ratio makes errors comparable across items of different scale (a 20% miss on
 * 200 kcal counts as much as on 9,000 assaults), the way Lorenz et al. (2011) compare questions.
 * Answers <= 0 have no log ratio and are left out (counted nowhere else).
 *
 * @param items the battery's items (samples with respondents aligned)
 * @returns the matrix
 */
export function respondentErrors(items: readonly BatteryItem[]): RespondentErrors {
  const index = new Map<string, number>();
  for (const item of items) for (const r of item.respondents) if (!index.has(r)) index.set(r, index.size);
  const n = index.size;
  const m = items.length;
  const sums = new Float64Array(n * m);
  const counts = new Uint32Array(n * m);
  items.forEach((item, i) => {
    if (!(item.truth > 0)) return;
    const logTruth = Math.log(item.truth);
    item.sample.values.forEach((x, j) => {
      if (!(x > 0)) return;
      const at = (index.get(item.respondents[j] as string) as number) * m + i;
      sums[at] = (sums[at] as number) + Math.abs(Math.log(x) - logTruth);
      counts[at] = (counts[at] as number) + 1;
    });
  });
  const errors = new Float64Array(n * m);
  for (let k = 0; k < n * m; k++) {
    const c = counts[k] as number;
    errors[k] = c > 0 ? (sums[k] as number) / c : Number.NaN;
  }
  return { respondents: [...index.keys()], items: items.map((i) => i.id), errors, index };
}

/**
 * A respondent's mean error over a set of items (those with an error), and how many there were.
 *
 * @param errors the matrix
 * @param respondent the respondent's position
 * @param include which item positions count
 * @returns `{ mean, items }`; mean `NaN` when no included item has an error
 */
export function meanError(
  errors: RespondentErrors,
  respondent: number,
  include: (item: number) => boolean = () => true,
): { mean: number; items: number } {
  const m = errors.items.length;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < m; i++) {
    if (!include(i)) continue;
    const e = errors.errors[respondent * m + i] as number;
    if (Number.isNaN(e)) continue;
    sum += e;
    count++;
  }
  return { mean: count > 0 ? sum / count : Number.NaN, items: count };
}
