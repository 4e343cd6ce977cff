/**
 * The Spearman-Brown prophecy formula (Spearman 1910; Brown 1910): the reliability of a test
 * `factor` times as long as one whose reliability is `r`, r* = f r / (1 + (f - 1) r). With f = 2
 * it turns the correlation between two halves of a test into the reliability of the whole.
 *
 * @param r reliability (or half-test correlation) of the shorter test, in [-1, 1]
 * @param factor how many times longer (default 2)
 * @returns the stepped-up reliability; `NaN` when r is `NaN` or 1 + (f - 1) r is 0
 */
export function spearmanBrown(r: number, factor = 2): number {
  const denominator = 1 + (factor - 1) * r;
  if (Number.isNaN(r) || denominator === 0) return Number.NaN;
  return (factor * r) / denominator;
}
