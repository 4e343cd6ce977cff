/** The share of variance a grouping explains (one-way ANOVA decomposition). */
export interface VarianceExplained {
  /** SS_between / SS_total, in [0, 1]. */
  readonly eta2: number;
  /**
   * (SS_between - (g - 1) MS_within) / (SS_total + MS_within): eta² corrected for the number of
   * groups; may be slightly negative when the grouping explains nothing.
   */
  readonly omega2: number;
  readonly ssBetween: number;
  readonly ssWithin: number;
  readonly ssTotal: number;
  /** Number of distinct groups g. */
  readonly groups: number;
  /** Number of observations. */
  readonly n: number;
}

/**
 * Eta squared (and omega squared): the share of the variance of `values` explained by `labels`.
 *
 * The intuition: if answers differ mostly between groups (say, between emotions) and little within
 * them, the grouping explains the variance. eta² = SS_between / SS_total (Cohen 1973, Educ.
 * Psychol. Meas. 33:107). eta² grows with the number of groups even when labels are random
 * (about (g - 1)/(n - 1) by chance), which matters when 28 emotions are compared with a
 * 3-level attribute; omega² (Hays 1963; Olejnik & Algina 2003, Psychol. Methods 8:434) removes
 * that bias, so compare dimensions by omega².
 *
 * @param values the observations.
 * @param labels a group label per observation (aligned).
 * @returns eta², omega², the sums of squares, group and observation counts (NaN shares when
 *   the total sum of squares is 0).
 */
export function etaSquared(values: ArrayLike<number>, labels: readonly string[]): VarianceExplained {
  const n = values.length;
  if (labels.length !== n) throw new RangeError(`labels has ${labels.length} entries, values has ${n}`);
  const sums = new Map<string, { count: number; sum: number }>();
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    total += v;
    const label = labels[i] as string;
    const s = sums.get(label);
    if (s) {
      s.count++;
      s.sum += v;
    } else sums.set(label, { count: 1, sum: v });
  }
  const grand = total / n;
  let ssTotal = 0;
  for (let i = 0; i < n; i++) ssTotal += ((values[i] as number) - grand) ** 2;
  let ssBetween = 0;
  for (const s of sums.values()) ssBetween += s.count * (s.sum / s.count - grand) ** 2;
  const ssWithin = Math.max(0, ssTotal - ssBetween);
  const g = sums.size;
  const msWithin = n > g ? ssWithin / (n - g) : Number.NaN;
  const eta2 = ssTotal > 0 ? ssBetween / ssTotal : Number.NaN;
  const omega2 = ssTotal > 0 ? (ssBetween - (g - 1) * msWithin) / (ssTotal + msWithin) : Number.NaN;
  return { eta2, omega2, ssBetween, ssWithin, ssTotal, groups: g, n };
}
