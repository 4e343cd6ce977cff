import { normalQuantile } from './normalDistribution.js';

/** A confidence interval of a proportion. */
export interface ProportionInterval {
  readonly lo: number;
  readonly hi: number;
}

/**
 * Wilson's score interval of a binomial proportion (Wilson 1927, JASA 22:209): the p whose score
 * test does not reject, (x + z²/2 ± z sqrt(x(n - x)/n + z²/4)) / (n + z²).
 *
 * Unlike the Wald interval it stays inside [0, 1] and keeps close to its nominal coverage near 0
 * and 1, where subset accuracies often sit (Brown, Cai & DasGupta 2001, Stat. Sci. 16:101). At
 * x = 0 the interval is [0, z² / (n + z²)], not a point.
 *
 * @param successes x, 0 <= x <= n
 * @param trials n (>= 1)
 * @param level coverage, default 0.95
 * @returns [lo, hi] (NaN for n = 0)
 */
export function wilsonInterval(successes: number, trials: number, level = 0.95): ProportionInterval {
  if (!(trials > 0)) return { lo: Number.NaN, hi: Number.NaN };
  const z = normalQuantile(1 - (1 - level) / 2);
  const z2 = z * z;
  const centre = successes + z2 / 2;
  const half = z * Math.sqrt((successes * (trials - successes)) / trials + z2 / 4);
  return {
    lo: Math.max(0, (centre - half) / (trials + z2)),
    hi: Math.min(1, (centre + half) / (trials + z2)),
  };
}
