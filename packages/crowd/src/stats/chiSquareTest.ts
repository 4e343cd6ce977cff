import { chiSquareSurvival } from './chiSquareDistribution.js';

/** The result of `chiSquareTest`. */
export interface ChiSquareTest {
  readonly test: 'chi-square';
  /** Pearson's X² = sum (observed - expected)² / expected. */
  readonly statistic: number;
  /** (rows - 1)(columns - 1), counting only rows and columns with a non-zero total. */
  readonly df: number;
  /** P(X² >= statistic) under independence, from the chi-square distribution with df. */
  readonly p: number;
  /** Smallest expected count: below 5 the chi-square approximation is rough (Cochran 1954). */
  readonly minExpected: number;
}

/**
 * Pearson's chi-square test of independence (homogeneity of proportions) of a contingency table,
 * without continuity correction (Pearson 1900; as R's `chisq.test(correct = FALSE)` and SciPy's
 * `chi2_contingency(correction=False)`).
 *
 * Used to ask whether the share of crowds that improved differs between groups (a k x 2 table of
 * improved / not improved). Rows or columns whose total is 0 are dropped; with fewer than two
 * rows or columns left there is nothing to test (statistic 0, df 0, p 1).
 *
 * @param table counts, one array per row (equal lengths, non-negative)
 * @returns the statistic, degrees of freedom, p-value and smallest expected count
 */
export function chiSquareTest(table: readonly (readonly number[])[]): ChiSquareTest {
  const width = table[0]?.length ?? 0;
  for (const row of table)
    if (row.length !== width || row.some((c) => !(c >= 0)))
      throw new RangeError('counts must be a non-negative rectangle');
  const rowTotals = table.map((row) => row.reduce((s, c) => s + c, 0));
  const colTotals = Array.from({ length: width }, (_, j) =>
    table.reduce((s, row) => s + (row[j] as number), 0),
  );
  const rows = rowTotals.map((t, i) => (t > 0 ? i : -1)).filter((i) => i >= 0);
  const cols = colTotals.map((t, j) => (t > 0 ? j : -1)).filter((j) => j >= 0);
  const total = rowTotals.reduce((s, t) => s + t, 0);
  if (rows.length < 2 || cols.length < 2)
    return { test: 'chi-square', statistic: 0, df: 0, p: 1, minExpected: Number.NaN };
  let statistic = 0;
  let minExpected = Number.POSITIVE_INFINITY;
  for (const i of rows) {
    for (const j of cols) {
      const expected = ((rowTotals[i] as number) * (colTotals[j] as number)) / total;
      minExpected = Math.min(minExpected, expected);
      statistic += ((table[i]?.[j] as number) - expected) ** 2 / expected;
    }
  }
  const df = (rows.length - 1) * (cols.length - 1);
  return { test: 'chi-square', statistic, df, p: chiSquareSurvival(statistic, df), minExpected };
}
