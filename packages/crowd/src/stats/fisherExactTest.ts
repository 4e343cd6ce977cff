import { logChoose } from './logGamma.js';

/** The result of `fisherExactTest`. */
export interface FisherExactTest {
  readonly test: 'fisher-exact';
  /** The sample odds ratio (a d) / (b c) (Infinity or NaN when a cell is 0). */
  readonly oddsRatio: number;
  /** Two-sided p-value. */
  readonly p: number;
}

/**
 * Fisher's exact test of a 2 x 2 table [[a, b], [c, d]] (Fisher 1922), two-sided.
 *
 * With the margins fixed, a follows the hypergeometric distribution; the two-sided p-value sums
 * the probabilities of every table no more probable than the observed one (with a relative
 * tolerance of 1e-7 for ties), as R's `fisher.test` and SciPy's `fisher_exact` do. Used to compare
 * the share of improved crowds between two groups (improved / not improved in each).
 *
 * @param a row 1, column 1 (e.g. improved crowds of group 1)
 * @param b row 1, column 2 (not improved, group 1)
 * @param c row 2, column 1
 * @param d row 2, column 2
 * @returns the odds ratio and two-sided p-value (p 1 when a margin is 0)
 */
export function fisherExactTest(a: number, b: number, c: number, d: number): FisherExactTest {
  for (const x of [a, b, c, d])
    if (!(Number.isInteger(x) && x >= 0))
      throw new RangeError(`counts must be non-negative integers (got ${x})`);
  const oddsRatio = (a * d) / (b * c);
  const row1 = a + b;
  const col1 = a + c;
  const n = a + b + c + d;
  const lo = Math.max(0, col1 - (n - row1));
  const hi = Math.min(row1, col1);
  const logDenominator = logChoose(n, col1);
  const logP = (x: number): number => logChoose(row1, x) + logChoose(n - row1, col1 - x) - logDenominator;
  const observed = logP(a);
  let p = 0;
  for (let x = lo; x <= hi; x++) {
    const lp = logP(x);
    // ln(1 + 1e-7) ~ 1e-7: R's relative tolerance, in log space
    if (lp <= observed + 1e-7) p += Math.exp(lp);
  }
  return { test: 'fisher-exact', oddsRatio, p: Math.min(1, p) };
}

/**
 * Holm's step-down adjustment of p-values for multiple comparisons (Holm 1979): the i-th
 * smallest of m p-values is multiplied by m - i + 1, made monotone and capped at 1.
 *
 * @param ps the raw p-values
 * @returns the adjusted p-values, in the input order
 */
export function holmAdjust(ps: readonly number[]): number[] {
  const order = ps.map((p, i) => [p, i] as const).sort((x, y) => x[0] - y[0]);
  const out = new Array<number>(ps.length);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (ps.length - rank) * p));
    out[i] = running;
  });
  return out;
}
