import { createRng } from '@emocrowd/models';
import { diversityPrediction } from '../metrics/diversityPrediction.js';
import type { BootstrapInterval } from '../stats/bootstrapCi.js';
import type { CrowdSample } from '../stats/CrowdSample.js';
import { meanBootstrapCi } from '../stats/meanBootstrapCi.js';
import { medianBootstrapCi } from '../stats/medianBootstrapCi.js';
import { subsetSample } from '../stats/subsetSample.js';
import type { AggregationStrategy, StrategyOptions } from '../strategies/AggregationStrategy.js';
import { resolveStrategies } from '../strategies/strategies.js';
import { type ScoredAggregate, scoreStrategies } from './scoreStrategies.js';

/** Options of `breakdown`. */
export interface BreakdownOptions {
  /** Strategy names or objects; default every registered strategy. */
  strategies?: readonly (string | AggregationStrategy)[];
  /** Options per strategy name. */
  strategyOptions?: Readonly<Record<string, StrategyOptions>>;
  /** Bootstrap resamples per group; default 1000 (0 skips the intervals). */
  bootstrap?: number;
  /** Interval coverage; default 0.95. */
  level?: number;
  /** Seed of the bootstrap; default 0. */
  seed?: number | string;
}

/** One group of a breakdown. */
export interface GroupSummary {
  readonly label: string;
  readonly n: number;
  /** Each strategy's answer for this group alone, with its errors. */
  readonly aggregates: Record<string, ScoredAggregate>;
  /** (mean - T)^2 of the group. */
  readonly collectiveError: number;
  /** Mean of (x_i - T)^2 over the group. */
  readonly averageIndividualError: number;
  /** Population variance of the group's estimates. */
  readonly diversity: number;
  /** Percentile bootstrap interval of the group median, from the exact bootstrap distribution (absent when `bootstrap` is 0). */
  readonly medianCi?: BootstrapInterval;
  /** Percentile bootstrap interval of the group mean: resampled up to 2,000 answers, normal limit beyond (absent when `bootstrap` is 0). */
  readonly meanCi?: BootstrapInterval;
}

/** The result of `breakdown`. */
export interface Breakdown {
  readonly dimension: string;
  readonly truth: number;
  /** Groups in ascending label order; in ascending numeric order when every label is a number (an intensity). */
  readonly groups: readonly GroupSummary[];
}

/**
 * The labels of a dimension in display order: numerically when every label is a number (an
 * ordered dimension such as a signed intensity, where "-0.3" must come after "-0.6"), else by
 * code unit order.
 *
 * @param labels distinct labels
 * @returns the labels sorted
 */
export function orderLabels(labels: Iterable<string>): string[] {
  const list = [...labels];
  const numeric = list.every((l) => l.trim() !== '' && Number.isFinite(Number(l)));
  return numeric ? list.sort((a, b) => Number(a) - Number(b)) : list.sort();
}

/**
 * Splits the crowd along one group dimension (e.g. `emotion`) and summarises each group: size,
 * every strategy's answer and error, the diversity prediction terms, and seeded bootstrap
 * confidence intervals of the group median and mean.
 *
 * The intuition: which emotional state, or which social attribute value, makes a better crowd?
 * The intervals say whether differences between groups are larger than resampling noise
 * (percentile bootstrap, Efron & Tibshirani 1993). Each group draws from its own stream forked
 * from the seed by its label, so adding a group leaves the other groups' intervals unchanged.
 *
 * @param sample the crowd; `sample.groups[dimension]` must exist.
 * @param truth the true value.
 * @param dimension the group dimension.
 * @param options strategies, bootstrap resamples, level, seed.
 * @returns one summary per group.
 */
export function breakdown(
  sample: CrowdSample,
  truth: number,
  dimension: string,
  options: BreakdownOptions = {},
): Breakdown {
  const labels = sample.groups?.[dimension];
  if (!labels) throw new RangeError(`the sample has no group dimension "${dimension}"`);
  const list = resolveStrategies(options.strategies);
  const resamples = options.bootstrap ?? 1000;
  const level = options.level ?? 0.95;
  const root = createRng(options.seed ?? 0);
  const members = groupMembers(labels);
  // Each group's sub-sample carries only the label columns a strategy may read (emotion or the
  // first dimension, this dimension, any dimension a strategy option names): copying every column for every group of
  // every dimension was most of a million-answer summary's memory.
  const wanted = new Set(['emotion', dimension]);
  const first = Object.keys(sample.groups ?? {})[0]; // the strategies' default dimension without emotion
  if (first !== undefined) wanted.add(first);
  for (const opts of Object.values(options.strategyOptions ?? {})) {
    const named = (opts as { dimension?: unknown }).dimension;
    if (typeof named === 'string') wanted.add(named);
  }
  const lean: CrowdSample = {
    ...sample,
    groups: Object.fromEntries(Object.entries(sample.groups ?? {}).filter(([key]) => wanted.has(key))),
  };
  const groups = orderLabels(members.keys()).map((label): GroupSummary => {
    const sub = subsetSample(lean, members.get(label) as Int32Array);
    const terms = diversityPrediction(sub.values, truth);
    const summary: GroupSummary = {
      label,
      n: sub.values.length,
      aggregates: scoreStrategies(sub, truth, list, options.strategyOptions),
      collectiveError: terms.collectiveError,
      averageIndividualError: terms.averageIndividualError,
      diversity: terms.diversity,
    };
    if (resamples <= 0) return summary;
    const rng = root.fork(`${dimension}:${label}`);
    return {
      ...summary,
      medianCi: medianBootstrapCi(sub.values, level),
      meanCi: meanBootstrapCi(sub.values, { rng: rng.fork('mean'), resamples, level }),
    };
  });
  return { dimension, truth, groups };
}

/**
 * The indices of each label's judges, ascending, as views of one index array (labels in order
 * of first appearance): a million judges cost one Int32Array per dimension, not a list per group.
 */
function groupMembers(labels: readonly string[]): Map<string, Int32Array> {
  const ids = new Map<string, number>();
  const idOf = new Int32Array(labels.length);
  const sizes: number[] = [];
  labels.forEach((label, i) => {
    let id = ids.get(label);
    if (id === undefined) {
      id = ids.size;
      ids.set(label, id);
      sizes.push(0);
    }
    idOf[i] = id;
    sizes[id] = (sizes[id] as number) + 1;
  });
  const start = new Int32Array(sizes.length + 1);
  sizes.forEach((size, id) => {
    start[id + 1] = (start[id] as number) + size;
  });
  const order = new Int32Array(labels.length);
  const fill = start.slice(0, sizes.length);
  idOf.forEach((id, i) => {
    order[fill[id] as number] = i;
    fill[id] = (fill[id] as number) + 1;
  });
  return new Map([...ids].map(([label, id]) => [label, order.subarray(start[id], start[id + 1])]));
}
