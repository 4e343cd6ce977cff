import { logValues } from '../stats/logValues.js';

/** The three terms of the diversity prediction theorem for one crowd. */
export interface DiversityPrediction {
  /** (aggregate - T)^2. */
  readonly collectiveError: number;
  /** (1/n) sum (x_i - T)^2. */
  readonly averageIndividualError: number;
  /** (1/n) sum (x_i - aggregate)^2, the population variance. */
  readonly diversity: number;
  /** The aggregate the identity holds for: arithmetic mean (linear) or geometric mean (log). */
  readonly aggregate: number;
  /** Judges left out (values <= 0 in log space; always 0 in linear space). */
  readonly dropped: number;
}

/**
 * Page's diversity prediction theorem: collective error = average individual error - diversity,
 * (m - T)^2 = (1/n) sum (x_i - T)^2 - (1/n) sum (x_i - m)^2 (Page 2007, "The Difference", ch. 8).
 *
 * The intuition: a crowd's mean is wrong by less than its average member, and the gap is exactly
 * how much the members disagree. The identity is exact for the arithmetic mean, squared error and
 * population variance; the three terms are computed separately, so their agreement is a check.
 * Test vector: T 49, {48, 47, 51}: 0.111 = 3.0 - 2.889.
 *
 * @param values the estimates (non-empty).
 * @param truth the true value.
 * @returns collectiveError, averageIndividualError, diversity, the mean, dropped = 0.
 */
export function diversityPrediction(values: ArrayLike<number>, truth: number): DiversityPrediction {
  return decompose(values, truth, 0, (m) => m);
}

/**
 * The diversity prediction theorem in log space (Lorenz et al. 2011, PNAS 108:9020): the same
 * identity on ln x_i and ln T, whose aggregate is ln of the geometric mean.
 *
 * For log-normal estimates this is the scale where errors are symmetric: a factor of 2 too high
 * and a factor of 2 too low weigh the same. Values <= 0 are left out and counted in `dropped`.
 *
 * @param values the estimates.
 * @param truth the true value (> 0).
 * @returns the three terms in squared log units, the geometric mean as `aggregate`, `dropped`.
 */
export function logDiversityPrediction(values: ArrayLike<number>, truth: number): DiversityPrediction {
  if (!(truth > 0)) throw new RangeError(`log-space errors need a positive truth (got ${truth})`);
  const { logs, dropped } = logValues(values);
  return decompose(logs, Math.log(truth), dropped, Math.exp);
}

function decompose(
  xs: ArrayLike<number>,
  truth: number,
  dropped: number,
  back: (m: number) => number,
): DiversityPrediction {
  const n = xs.length;
  if (n === 0)
    return {
      collectiveError: Number.NaN,
      averageIndividualError: Number.NaN,
      diversity: Number.NaN,
      aggregate: Number.NaN,
      dropped,
    };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i] as number;
  const m = sum / n;
  let individual = 0;
  let diversity = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i] as number;
    individual += (x - truth) ** 2;
    diversity += (x - m) ** 2;
  }
  return {
    collectiveError: (m - truth) ** 2,
    averageIndividualError: individual / n,
    diversity: diversity / n,
    aggregate: back(m),
    dropped,
  };
}
