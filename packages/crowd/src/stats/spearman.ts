import type { Rng } from '@emocrowd/models';
import { averageRanks } from './averageRanks.js';
import { normalCdf } from './normalDistribution.js';
import { pearsonCorrelation } from './pearsonCorrelation.js';

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

/** Fractional ranks, ties sharing the mean of their ranks (one definition: averageRanks.ts). */
export { averageRanks } from './averageRanks.js';

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
  const rho = pearsonCorrelation(rx, ry);
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
    if (pearsonCorrelation(rx, shuffled) >= rho - 1e-12) hits++;
  }
  return { n, rho, pValue: (hits + 1) / (B + 1), method, permutations: B };
}

/** Share of the n! pairings whose rho is at least the observed one (Heap's algorithm). */
function exactPValue(rx: readonly number[], ry: readonly number[], rho: number): number {
  const perm = [...ry];
  const n = perm.length;
  const c = new Array<number>(n).fill(0);
  let total = 1;
  let hits = pearsonCorrelation(rx, perm) >= rho - 1e-12 ? 1 : 0;
  let i = 0;
  while (i < n) {
    if ((c[i] as number) < i) {
      const j = i % 2 === 0 ? 0 : (c[i] as number);
      [perm[j], perm[i]] = [perm[i] as number, perm[j] as number];
      total++;
      if (pearsonCorrelation(rx, perm) >= rho - 1e-12) hits++;
      c[i] = (c[i] as number) + 1;
      i = 0;
    } else {
      c[i] = 0;
      i++;
    }
  }
  return hits / total;
}
