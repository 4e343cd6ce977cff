/** How far one estimate is from the truth, in several scales. */
export interface EstimateError {
  /** Signed error, estimate - truth (positive = overestimate). */
  readonly error: number;
  /** |estimate - truth|. */
  readonly absError: number;
  /** Signed relative error, (estimate - truth) / |truth|. */
  readonly relError: number;
  /** |estimate - truth| / |truth|. */
  readonly absRelError: number;
  /** ln(estimate / truth): symmetric for factors (x2 and /2 give +-0.69); `NaN` unless both > 0. */
  readonly logRatio: number;
}

/**
 * The error of an estimate (an aggregate or one judge) against the true value.
 *
 * The signed and absolute errors are in the task's unit; the relative errors make tasks with
 * different scales comparable; the log ratio is the error measure for log-normal estimates
 * (Lorenz et al. 2011, PNAS 108:9020) and the log of the estimate/truth ratio of Aher, Arriaga
 * & Kalai 2023 (ICML).
 *
 * @param estimate the estimate.
 * @param truth the true value (non-zero for the relative errors to be finite).
 * @returns error, absError, relError, absRelError, logRatio.
 */
export function estimateError(estimate: number, truth: number): EstimateError {
  const error = estimate - truth;
  const absError = Math.abs(error);
  const scale = Math.abs(truth);
  return {
    error,
    absError,
    relError: error / scale,
    absRelError: absError / scale,
    logRatio: estimate > 0 && truth > 0 ? Math.log(estimate / truth) : Number.NaN,
  };
}
