import type { Rng } from '@emocrowd/models';
import { quantileSorted } from './quantile.js';

/** Agreement of two raters on the same items. */
export interface KappaResult {
  /** Items both rated. */
  readonly n: number;
  /** The categories, sorted. */
  readonly categories: readonly string[];
  /** Counts: `table[i][j]` items the first rater put in category i and the second in j. */
  readonly table: readonly (readonly number[])[];
  /** Observed agreement p_o: the share of items both put in the same category. */
  readonly observed: number;
  /** Agreement expected by chance p_e = Σ_k (row_k / n)(column_k / n). */
  readonly expected: number;
  /** Cohen's kappa (p_o - p_e) / (1 - p_e); `NaN` when p_e = 1 (both raters used one and the same category) or n = 0. */
  readonly kappa: number;
  /** Percentile bootstrap interval of kappa (resampling items), `NaN` bounds without resamples. */
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
  readonly resamples: number;
  /** Resamples whose kappa was undefined (p_e = 1) and left out of the interval. */
  readonly undefinedResamples: number;
}

/** Options of {@link cohenKappa}. */
export interface KappaOptions {
  /** Stream of the bootstrap (required for an interval). */
  rng?: Rng;
  /** Bootstrap resamples; default 2000 (0: no interval). */
  resamples?: number;
  /** Coverage; default 0.95. */
  level?: number;
}

/**
 * Cohen's kappa: the agreement of two raters beyond chance (Cohen 1960, "A coefficient of
 * agreement for nominal scales", Educational and Psychological Measurement 20:37).
 *
 * Intuition: two raters who both call 90 % of answers "ok" agree on most of them by chance;
 * kappa counts only the agreement beyond what their own rates would give. 1 is perfect
 * agreement, 0 chance level, negative worse than chance. It depends on prevalence: on a sample
 * where one category is rare, kappa is low even when the raters rarely disagree.
 *
 * Behaviour: the interval is a percentile bootstrap over items (Efron & Tibshirani 1993): each
 * resample draws n items with replacement and recomputes kappa; resamples with p_e = 1 are left
 * out and counted.
 *
 * @param first - the first rater's category per item
 * @param second - the second rater's, aligned
 * @param options - bootstrap stream, resamples, coverage
 * @returns the table, p_o, p_e, kappa and its interval
 */
export function cohenKappa(
  first: readonly string[],
  second: readonly string[],
  options: KappaOptions = {},
): KappaResult {
  if (first.length !== second.length)
    throw new RangeError(`cohenKappa: ${first.length} ratings against ${second.length}`);
  const n = first.length;
  const categories = [...new Set([...first, ...second])].sort();
  const index = new Map(categories.map((c, i) => [c, i]));
  const a = first.map((c) => index.get(c) as number);
  const b = second.map((c) => index.get(c) as number);
  const table = categories.map(() => categories.map(() => 0));
  a.forEach((i, k) => {
    const row = table[i] as number[];
    const j = b[k] as number;
    row[j] = (row[j] as number) + 1;
  });
  const { observed, expected, kappa } = kappaOf(a, b, categories.length);
  const resamples = options.resamples ?? 2000;
  const level = options.level ?? 0.95;
  const draws: number[] = [];
  let undefinedResamples = 0;
  if (n > 0 && resamples > 0) {
    const rng = options.rng;
    if (rng === undefined) throw new RangeError('cohenKappa: an interval needs options.rng');
    const ra = new Array<number>(n);
    const rb = new Array<number>(n);
    for (let r = 0; r < resamples; r++) {
      for (let k = 0; k < n; k++) {
        const pick = rng.int(n);
        ra[k] = a[pick] as number;
        rb[k] = b[pick] as number;
      }
      const value = kappaOf(ra, rb, categories.length).kappa;
      if (Number.isNaN(value)) undefinedResamples++;
      else draws.push(value);
    }
  }
  const sorted = Float64Array.from(draws).sort();
  return {
    n,
    categories,
    table,
    observed,
    expected,
    kappa,
    lower: quantileSorted(sorted, (1 - level) / 2),
    upper: quantileSorted(sorted, (1 + level) / 2),
    level,
    resamples: n > 0 ? resamples : 0,
    undefinedResamples,
  };
}

function kappaOf(
  a: readonly number[],
  b: readonly number[],
  k: number,
): { observed: number; expected: number; kappa: number } {
  const n = a.length;
  if (n === 0) return { observed: Number.NaN, expected: Number.NaN, kappa: Number.NaN };
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  let same = 0;
  for (let i = 0; i < n; i++) {
    const r = a[i] as number;
    const c = b[i] as number;
    rows[r] = (rows[r] as number) + 1;
    cols[c] = (cols[c] as number) + 1;
    if (a[i] === b[i]) same++;
  }
  const observed = same / n;
  let expected = 0;
  for (let c = 0; c < k; c++) expected += ((rows[c] as number) / n) * ((cols[c] as number) / n);
  const kappa = expected < 1 - 1e-12 ? (observed - expected) / (1 - expected) : Number.NaN;
  return { observed, expected, kappa };
}
