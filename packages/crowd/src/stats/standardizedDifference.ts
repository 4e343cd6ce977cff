import { mean } from './mean.js';
import { variance } from './variance.js';

/** A standardized mean difference. */
export interface StandardizedDifference {
  /** `dz` for paired data, `hedgesG` for independent samples. */
  readonly kind: 'dz' | 'hedgesG';
  /** NaN when undefined (fewer than two units, or no spread). */
  readonly value: number;
}

/**
 * The standardized difference of two means, the effect size of a difference in mean error.
 *
 * - Paired (a[i], b[i] one unit): Cohen's d_z = mean(d) / sd(d), d_i = a_i - b_i, sd with n - 1
 *   (Cohen 1988, "Statistical Power Analysis for the Behavioral Sciences", §2.3.5; Lakens 2013,
 *   Frontiers in Psychology 4:863). It is the paired t statistic divided by sqrt(n).
 * - Independent: Hedges' g = (mean(a) - mean(b)) / s_p x (1 - 3 / (4 (n_a + n_b) - 9)), s_p the
 *   pooled sd with n - 1 (Hedges 1981, J. Educational Statistics 6:107), the small-sample
 *   correction of Cohen's d.
 *
 * @param a the first values
 * @param b the second values (aligned with `a` when paired)
 * @param paired whether a[i] and b[i] belong to one unit
 * @returns the kind and the value (NaN when undefined)
 */
export function standardizedDifference(
  a: readonly number[],
  b: readonly number[],
  paired: boolean,
): StandardizedDifference {
  if (paired) {
    if (a.length !== b.length)
      throw new RangeError(`paired values differ in size (${a.length}, ${b.length})`);
    const d = a.map((x, i) => x - (b[i] as number));
    const sd = Math.sqrt(variance(d, 'sample'));
    return { kind: 'dz', value: d.length > 1 && sd > 0 ? mean(d) / sd : Number.NaN };
  }
  const na = a.length;
  const nb = b.length;
  if (na < 2 || nb < 2) return { kind: 'hedgesG', value: Number.NaN };
  const pooled = Math.sqrt(
    ((na - 1) * variance(a, 'sample') + (nb - 1) * variance(b, 'sample')) / (na + nb - 2),
  );
  const correction = 1 - 3 / (4 * (na + nb) - 9);
  return { kind: 'hedgesG', value: pooled > 0 ? ((mean(a) - mean(b)) / pooled) * correction : Number.NaN };
}
