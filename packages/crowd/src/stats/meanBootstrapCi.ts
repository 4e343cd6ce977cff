import { type BootstrapInterval, type BootstrapOptions, bootstrapCi } from './bootstrapCi.js';
import { mean } from './mean.js';
import { normalQuantile } from './normalDistribution.js';
import { variance } from './variance.js';

/** Groups up to this size are resampled; larger ones use the normal limit. */
export const MEAN_BOOTSTRAP_RESAMPLE_LIMIT = 2000;

/**
 * Percentile bootstrap interval of the mean: Monte Carlo resampling for groups of up to 2,000
 * answers, and beyond that the bootstrap distribution's normal limit.
 *
 * Intuition: the mean of n draws with replacement has mean x̄ and standard deviation σ/√n (σ the
 * population standard deviation of the group), and by the central limit theorem it is normal
 * for large n (Efron & Tibshirani 1993, §5.2), so x̄ ± z σ/√n is what resampling would converge
 * to — without the cost of B x n draws for a group of 100,000 answers.
 *
 * @param values the group's estimates
 * @param options rng, resamples (Monte Carlo part), level
 * @returns the interval; `method` says which way it was computed
 */
export function meanBootstrapCi(values: ArrayLike<number>, options: BootstrapOptions): BootstrapInterval {
  const n = values.length;
  if (n <= MEAN_BOOTSTRAP_RESAMPLE_LIMIT) return bootstrapCi(values, mean, options);
  const level = options.level ?? 0.95;
  const m = mean(values);
  const half = normalQuantile((1 + level) / 2) * Math.sqrt(variance(values, 'population') / n);
  return { estimate: m, lower: m - half, upper: m + half, level, resamples: 0, method: 'normal-limit' };
}
