/** How an aggregate compares with the individual judges. */
export interface BeatenShare {
  /** Share of judges strictly farther from the truth than the aggregate. */
  readonly beaten: number;
  /** Share of judges exactly as far from the truth as the aggregate. */
  readonly ties: number;
  readonly beatenCount: number;
  readonly tieCount: number;
  readonly n: number;
}

/**
 * The share of individuals the aggregate beats: judges with |x_i - T| > |aggregate - T|
 * (strictly), with ties (equal distance) reported separately.
 *
 * The intuition: "the crowd beats most of its members" is the everyday form of the wisdom of
 * crowds (Galton 1907; Larrick & Soll 2006, Manage. Sci. 52:111). Ties are common when a median
 * equals some judges' answers, so they are not silently counted either way. Distances within
 * 1e-9 x max(1, |T|) of each other count as equal (floating-point noise).
 *
 * @param values the individual estimates.
 * @param aggregate the crowd's estimate.
 * @param truth the true value.
 * @returns shares and counts (`NaN` shares for an empty crowd).
 */
export function beatenShare(values: ArrayLike<number>, aggregate: number, truth: number): BeatenShare {
  const n = values.length;
  const target = Math.abs(aggregate - truth);
  const eps = 1e-9 * Math.max(1, Math.abs(truth));
  let beatenCount = 0;
  let tieCount = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.abs((values[i] as number) - truth);
    if (Math.abs(d - target) <= eps) tieCount++;
    else if (d > target) beatenCount++;
  }
  return { beaten: beatenCount / n, ties: tieCount / n, beatenCount, tieCount, n };
}
