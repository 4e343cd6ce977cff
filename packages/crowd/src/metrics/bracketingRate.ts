/**
 * Bracketing rate: the share of pairs of judges whose estimates lie on opposite sides of the truth,
 * (#below x #above) / C(n, 2) (Larrick & Soll 2006, Manage. Sci. 52:111).
 *
 * The intuition: averaging two judges beats the average judge exactly when they bracket the
 * truth; a crowd that brackets often has errors that cancel. Estimates equal to the truth bracket
 * nothing.
 *
 * @param values the estimates.
 * @param truth the true value.
 * @returns the rate in [0, 0.5 (n / (n - 1))], `NaN` for fewer than two judges.
 */
export function bracketingRate(values: ArrayLike<number>, truth: number): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  let below = 0;
  let above = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (x < truth) below++;
    else if (x > truth) above++;
  }
  return (below * above) / ((n * (n - 1)) / 2);
}
