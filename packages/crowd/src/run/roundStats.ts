import type { RoundStats } from '../events/RunSummary.js';
import { diversityPrediction, logDiversityPrediction } from '../metrics/diversityPrediction.js';
import { wocIndicator } from '../metrics/wocIndicator.js';
import { mean } from '../stats/mean.js';
import { median } from '../stats/median.js';
import type { RoundState } from './RoundState.js';

/**
 * The collective measures of one round, in slot order so they do not depend on arrival order:
 * Lorenz et al. (2011) track exactly these across rounds to show the social influence effect
 * (diversity falls) and the range reduction effect (the truth drifts out of the crowd's range).
 */
export function roundStats(state: RoundState, truth: number, item?: string): RoundStats {
  const values: number[] = [];
  let failed = 0;
  // entries() runs in ascending slot order.
  for (const [, lite] of state.entries()) {
    if (lite.status === 'ok' && lite.estimate !== undefined) values.push(lite.estimate);
    else failed++;
  }
  if (values.length === 0) {
    return {
      round: state.round,
      ...(item === undefined ? {} : { item }),
      n: 0,
      failed,
      mean: Number.NaN,
      median: Number.NaN,
      collectiveError: Number.NaN,
      averageIndividualError: Number.NaN,
      diversity: Number.NaN,
      logCollectiveError: Number.NaN,
      logDiversity: Number.NaN,
      wocIndicator: 0,
    };
  }
  const linear = diversityPrediction(values, truth);
  const log = logDiversityPrediction(values, truth);
  return {
    round: state.round,
    ...(item === undefined ? {} : { item }),
    n: values.length,
    failed,
    mean: mean(values),
    median: median(values),
    collectiveError: linear.collectiveError,
    averageIndividualError: linear.averageIndividualError,
    diversity: linear.diversity,
    logCollectiveError: log.collectiveError,
    logDiversity: log.diversity,
    wocIndicator: wocIndicator(values, truth),
  };
}
