import type { Rng } from '@emocrowd/models';
import { normalCdf } from './normalDistribution.js';

/** Spearman's rank correlation with a one-sided test of a positive association. */
export interface RankCorrelation {
  /** Pairs used. */
  readonly n: number;
  /** Spearman's rho: the Pearson correlation of the (average) ranks; `NaN` when either side has no spread. */
  readonly rho: number;
  /** P(rho >= observed) when the pairing is random (one-sided); `NaN` with rho. */
  readonly pValue: number;
  /** How pValue was computed: all n! pairings, random pairings, or the normal approximation. */
  readonly method: 'exact' | 'monte-carlo' | 'normal';
  /** Random pairings drawn (monte-carlo only). */
  readonly permutations?: number;
}

/** Options of {@link spearman}. */
export interface SpearmanOptions {
  /** The stream for Monte Carlo permutations (10 <= n <= 200); required there. */
  rng?: Rng;
  /** Random permutations for 10 <= n <= 200; default 10,000. */
  permutations?: number;
}

/** Largest n whose n! pairings are enumerated (9! = 362,880). */
export const SPEARMAN_EXACT_MAX = 9;
/** Largest n tested by Monte Carlo permutation; beyond, the normal approximation. */
export const SPEARMAN_PERMUTATION_MAX = 200;

/**
 * Fractional ranks: 1..n, tied values sharing the mean of the ranks they span.
 *
 * @param values the numbers
 * @returns their ranks, aligned
 */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const ranks = new Array<number>(values.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1] as number] === values[order[i] as number]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k] as number] = rank;
    i = j + 1;
  }
  return ranks;
}

/**
 * Spearman's rank correlation of x and y, with a one-sided p-value for "y rises with x".
 *
 * Intuition: does the expressed level follow the intended one, in order if not in size? Rank
 * both, correlate the ranks (Spearman 1904, Am. J. Psychol. 15:72); ties take average ranks.
 * The p-value is a permutation test conditional on the ranks (Kendall & Gibbons 1990, "Rank
 * Correlation Methods", ch. 4): for n <= 9 every one of the n! pairings is enumerated (exact);
 * for 10 <= n <= 200, `permutations` random pairings from `rng` (p = (hits + 1)/(B + 1), whose
 * Monte Carlo standard error is at most 0.005 for B = 10,000); beyond, the normal limit
 * rho sqrt(n - 1) ~ N(0, 1).
 *
 * @param x the first variable.
 * @param y the second, aligned.
 * @param options the stream and permutation count for mid-sized n.
 * @returns rho, the p-value and how it was computed.
 */
export function spearman(
  x: readonly number[],
  y: readonly number[],
  options: SpearmanOptions = {},
): RankCorrelation {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`spearman: x has ${n} values, y ${y.length}`);
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  const rho = pearson(rx, ry);
  const method = n <= SPEARMAN_EXACT_MAX ? 'exact' : n <= SPEARMAN_PERMUTATION_MAX ? 'monte-carlo' : 'normal';
  if (Number.isNaN(rho)) return { n, rho, pValue: Number.NaN, method };
  if (method === 'normal') return { n, rho, pValue: 1 - normalCdf(rho * Math.sqrt(n - 1)), method };
  if (method === 'exact') return { n, rho, pValue: exactPValue(rx, ry, rho), method };
  const rng = options.rng;
  if (rng === undefined) throw new RangeError('spearman: a Monte Carlo p-value needs options.rng');
  const B = options.permutations ?? 10_000;
  const shuffled = [...ry];
  let hits = 0;
  for (let b = 0; b < B; b++) {
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j] as number, shuffled[i] as number];
    }
    if (pearson(rx, shuffled) >= rho - 1e-12) hits++;
  }
  return { n, rho, pValue: (hits + 1) / (B + 1), method, permutations: B };
}

function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  if (n < 2) return Number.NaN;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] as number;
    mb += b[i] as number;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : Number.NaN;
}

/** Share of the n! pairings whose rho is at least the observed one (Heap's algorithm). */
function exactPValue(rx: readonly number[], ry: readonly number[], rho: number): number {
  const perm = [...ry];
  const n = perm.length;
  const c = new Array<number>(n).fill(0);
  let total = 1;
  let hits = pearson(rx, perm) >= rho - 1e-12 ? 1 : 0;
  let i = 0;
  while (i < n) {
    if ((c[i] as number) < i) {
      const j = i % 2 === 0 ? 0 : (c[i] as number);
      [perm[j], perm[i]] = [perm[i] as number, perm[j] as number];
      total++;
      if (pearson(rx, perm) >= rho - 1e-12) hits++;
      c[i] = (c[i] as number) + 1;
      i = 0;
    } else {
      c[i] = 0;
      i++;
    }
  }
  return hits / total;
}
