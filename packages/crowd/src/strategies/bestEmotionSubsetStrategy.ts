import type { CrowdSample } from '../stats/CrowdSample.js';
import { RankedMultiset } from '../stats/RankedMultiset.js';
import { notComputed } from './AggregateResult.js';
import type { AggregationStrategy, PrefixAggregator, StrategyOptions } from './AggregationStrategy.js';
import { groupDimension } from './groupDimension.js';

/**
 * Strategy `bestEmotionSubset`: the median estimate of the one emotion group whose members did
 * best on other items.
 *
 * The question behind the emotional-crowd experiment is whether some emotional states make better
 * estimators. This strategy answers it the select-crowd way (Mannes, Soll & Larrick 2014), one
 * level up: it ranks groups, not judges, by their members' median ability `cue` (lower = better,
 * measured on calibration or other items — never on the item being scored, or the choice peeks at
 * the truth), picks the best group and returns the median of that group's estimates.
 *
 * Needs `groups` (dimension `emotion` by default; option `dimension`) and `cue`. Groups with fewer
 * than `minGroupSize` (default 3) judges with a cue are not eligible, so a lucky singleton cannot
 * win; ties go to the larger group, then to the label first in alphabetical order. Without groups
 * or cues, or with no eligible group, it is not computed (`estimate: null` and the reason): it
 * would be the plain median under another name. `dropped` counts the judges outside the chosen
 * group; `note` names it. Incremental form: two `RankedMultiset`s per group (estimates and cues),
 * `NaN` while no group added is eligible.
 */
export const bestEmotionSubsetStrategy: AggregationStrategy = {
  name: 'bestEmotionSubset',
  label: 'Best emotion group (median)',
  description: 'Median of the emotion group with the best median ability cue on other items.',
  source:
    'Mannes, Soll & Larrick 2014, J. Pers. Soc. Psychol. 107:276 (select crowds), applied to groups; Kadiyala et al. 2025, arXiv 2503.04849 (emotional LLM crowds).',
  needs: ['groups', 'cue'],
  aggregate: (sample, options) => {
    const setup = prepare(sample, options);
    if (typeof setup === 'string') return notComputed(setup);
    const order = Int32Array.from({ length: sample.values.length }, (_, i) => i);
    setup.extend(order, 0, order.length);
    const best = setup.best();
    if (best === undefined)
      return notComputed(
        `no ${setup.dimension} group with >= ${setup.minSize} judges that have an ability cue`,
      );
    const size = setup.values.segmentSize(best);
    return {
      estimate: setup.values.median(best),
      dropped: sample.values.length - size,
      note: `${setup.dimension} "${setup.labels[best]}" (n=${size}, median cue ${Math.round(setup.cues.median(best) * 1000) / 1000})`,
    };
  },
  prefix: (sample, options): PrefixAggregator => {
    const setup = prepare(sample, options);
    if (typeof setup === 'string') return { reset: () => {}, extend: () => {}, estimate: () => Number.NaN };
    return {
      reset: () => setup.reset(),
      extend: (order, from, to) => setup.extend(order, from, to),
      estimate: () => {
        const best = setup.best();
        return best === undefined ? Number.NaN : setup.values.median(best);
      },
    };
  },
};

interface Setup {
  dimension: string;
  minSize: number;
  labels: string[];
  /** Estimates, one segment per group. */
  values: RankedMultiset;
  /** Ability cues of the judges that have one, one segment per group. */
  cues: RankedMultiset;
  reset(): void;
  extend(order: Int32Array, from: number, to: number): void;
  /** Index of the best eligible group among the judges added, if any. */
  best(): number | undefined;
}

/** Builds the per-group structures, or returns why there are none (no groups or no cues). */
function prepare(sample: CrowdSample, options: StrategyOptions | undefined): Setup | string {
  const chosen = groupDimension(sample, options?.dimension);
  const cue = sample.cue;
  if (!chosen) return 'no group labels to choose a group from';
  if (!cue || cue.every((c) => c === undefined)) return 'no ability cue measured on other items';
  const minSize = Math.max(1, options?.minGroupSize ?? 3);
  const n = sample.values.length;
  const ids = new Map<string, number>();
  const groupOf = new Int32Array(n);
  const cuedGroupOf = new Int32Array(n);
  const cueValues = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const label = chosen.labels[i] as string;
    let id = ids.get(label);
    if (id === undefined) {
      id = ids.size;
      ids.set(label, id);
    }
    groupOf[i] = id;
    const c = cue[i];
    cuedGroupOf[i] = c === undefined ? -1 : id;
    cueValues[i] = c ?? 0;
  }
  const labels = [...ids.keys()];
  const segments = { segmentCount: labels.length, sums: false };
  const values = new RankedMultiset(sample.values, { ...segments, segmentOf: groupOf });
  const cues = new RankedMultiset(cueValues, { ...segments, segmentOf: cuedGroupOf });
  return {
    dimension: chosen.dimension,
    minSize,
    labels,
    values,
    cues,
    reset: () => {
      values.clear();
      cues.clear();
    },
    extend: (order, from, to) => {
      values.addAll(order, from, to);
      cues.addAll(order, from, to);
    },
    best: () => {
      let best: number | undefined;
      let bestScore = Number.POSITIVE_INFINITY;
      let bestSize = 0;
      for (let g = 0; g < labels.length; g++) {
        const size = cues.segmentSize(g);
        if (size < minSize) continue;
        const score = cues.median(g);
        if (
          best === undefined ||
          score < bestScore ||
          (score === bestScore &&
            (size > bestSize || (size === bestSize && (labels[g] as string) < (labels[best] as string))))
        ) {
          best = g;
          bestScore = score;
          bestSize = size;
        }
      }
      return best;
    },
  };
}
