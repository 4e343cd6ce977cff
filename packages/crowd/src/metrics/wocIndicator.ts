/**
 * Lorenz's wisdom-of-crowd indicator: min(#estimates below T, #estimates above T).
 *
 * The intuition: how central the truth sits in the crowd. If the truth is near the middle of the
 * answers, many judges are on each side and the indicator is high (at most floor(n / 2)); if
 * everyone is on one side it is 0. Social influence lowers it without improving collective error
 * (Lorenz, Rauhut, Schweitzer & Helbing 2011, PNAS 108:9020). Estimates equal to T count on
 * neither side. Divide by n for a share comparable across crowd sizes.
 *
 * @param values the estimates.
 * @param truth the true value.
 * @returns the count of the smaller side.
 */
export function wocIndicator(values: ArrayLike<number>, truth: number): number {
  let below = 0;
  let above = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (x < truth) below++;
    else if (x > truth) above++;
  }
  return Math.min(below, above);
}
