import type { RoundStats } from '../events/RunSummary.js';
import { diversityPrediction, logDiversityPrediction } from '../metrics/diversityPrediction.js';
import { revisionWeight } from '../metrics/revisionWeight.js';
import { wocIndicator } from '../metrics/wocIndicator.js';
import { mean } from '../stats/mean.js';
import { median } from '../stats/median.js';
import type { RoundState } from './RoundState.js';

/**
 * The collective measures of one round, in slot order so they do not depend on arrival order:
 * Lorenz et al. (2011) track exactly these across rounds to show the social influence effect
 * (diversity falls) and the range reduction effect (the truth drifts out of the crowd's range).
 * With the previous round, also Becker et al.'s (2017) revision weights
 * w = (x_r - x_{r-1}) / (shown - x_{r-1}) of the answers that were shown something (`shown`).
 */
export function roundStats(
  state: RoundState,
  truth: number,
  item?: string,
  previous?: RoundState,
): RoundStats {
  // ascending slot order, read from the round's columns
  const values = new Array<number>(state.estimateCount);
  let j = 0;
  state.forEachEstimate((_, estimate) => {
    values[j++] = estimate;
  });
  const failed = state.size - state.estimateCount;
  const weights = previous === undefined ? [] : revisionWeights(state, previous);
  const revision = {
    revised: weights.length,
    revisionWeightMean: weights.length > 0 ? mean(weights) : Number.NaN,
    revisionWeightMedian: median(weights),
  };
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
      ...revision,
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
    ...revision,
  };
}

/** Becker et al.'s revision weight of every answer that revised an answer of the previous round after being shown something. */
function revisionWeights(state: RoundState, previous: RoundState): number[] {
  const weights: number[] = [];
  for (const [slot, lite] of state.entries()) {
    if (lite.status !== 'ok' || lite.estimate === undefined) continue;
    const before = previous.get(slot);
    if (lite.shown !== undefined && before?.status === 'ok' && before.estimate !== undefined) {
      const w = revisionWeight(before.estimate, lite.estimate, lite.shown);
      if (!Number.isNaN(w)) weights.push(w);
    }
  }
  return weights;
}
