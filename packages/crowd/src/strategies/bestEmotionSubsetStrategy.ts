import type { CrowdSample } from '../stats/CrowdSample.js';
import { median } from '../stats/median.js';
import { RankedMultiset } from '../stats/RankedMultiset.js';
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
 * or cues, or with no eligible group, it falls back to the median of the whole crowd (with a
 * note). `dropped` counts the judges outside the chosen group; `note` names it. Incremental form:
 * two `RankedMultiset`s per group (estimates and cues).
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
    if (typeof setup === 'string') return { estimate: median(sample.values), note: setup };
    const order = Int32Array.from(sample.values, (_, i) => i);
    setup.extend(order, 0, order.length);
    const best = setup.best();
    if (best === undefined)
      return { estimate: median(sample.values), note: `no ${setup.dimension} group with >= ${setup.minSize} cued judges: plain median` };
    const group = setup.groups[best] as Group;
    return {
      estimate: group.values.median(),
      dropped: sample.values.length - group.values.size,
      note: `${setup.dimension} "${group.label}" (n=${group.values.size}, median cue ${Math.round(group.cues.median() * 1000) / 1000})`,
    };
  },
  prefix: (sample, options, context): PrefixAggregator => {
    const setup = prepare(sample, options);
    const shared = context?.ranked();
    const all = shared ?? new RankedMultiset(sample.values);
    return {
      reset: () => {
        if (!shared) all.clear();
        if (typeof setup !== 'string') setup.reset();
      },
      extend: (order, from, to) => {
        if (!shared) all.addAll(order, from, to);
        if (typeof setup !== 'string') setup.extend(order, from, to);
      },
      estimate: () => {
        if (typeof setup === 'string') return all.median();
        const best = setup.best();
        return best === undefined ? all.median() : (setup.groups[best] as Group).values.median();
      },
    };
  },
};

interface Group {
  label: string;
  values: RankedMultiset;
  cues: RankedMultiset;
}

interface Setup {
  dimension: string;
  minSize: number;
  groups: Group[];
  reset(): void;
  extend(order: Int32Array, from: number, to: number): void;
  /** Index of the best eligible group among the judges added, if any. */
  best(): number | undefined;
}

/** Builds per-group structures, or returns the fallback note when groups or cues are missing. */
function prepare(sample: CrowdSample, options: StrategyOptions | undefined): Setup | string {
  const chosen = groupDimension(sample, options?.dimension);
  const cue = sample.cue;
  if (!chosen || !cue) return `no ${chosen ? 'ability cue' : 'group labels'}: plain median`;
  const minSize = Math.max(1, options?.minGroupSize ?? 3);
  const n = sample.values.length;
  const ids = new Map<string, number>();
  const groupOf = new Int32Array(n);
  const localValue = new Int32Array(n);
  const localCue = new Int32Array(n);
  const memberValues: number[][] = [];
  const memberCues: number[][] = [];
  for (let i = 0; i < n; i++) {
    const label = chosen.labels[i] as string;
    let id = ids.get(label);
    if (id === undefined) {
      id = ids.size;
      ids.set(label, id);
      memberValues.push([]);
      memberCues.push([]);
    }
    groupOf[i] = id;
    const vs = memberValues[id] as number[];
    localValue[i] = vs.length;
    vs.push(sample.values[i] as number);
    const c = cue[i];
    const cs = memberCues[id] as number[];
    localCue[i] = c === undefined ? -1 : cs.length;
    if (c !== undefined) cs.push(c);
  }
  const groups: Group[] = [...ids.keys()].map((label, id) => ({
    label,
    values: new RankedMultiset(memberValues[id] as number[]),
    cues: new RankedMultiset(memberCues[id] as number[]),
  }));
  return {
    dimension: chosen.dimension,
    minSize,
    groups,
    reset: () => {
      for (const g of groups) {
        g.values.clear();
        g.cues.clear();
      }
    },
    extend: (order, from, to) => {
      for (let t = from; t < to; t++) {
        const i = order[t] as number;
        const g = groups[groupOf[i] as number] as Group;
        g.values.add(localValue[i] as number);
        const c = localCue[i] as number;
        if (c >= 0) g.cues.add(c);
      }
    },
    best: () => {
      let best: number | undefined;
      let bestScore = Number.POSITIVE_INFINITY;
      groups.forEach((g, id) => {
        const size = g.cues.size;
        if (size < minSize) return;
        const score = g.cues.median();
        const current = best === undefined ? undefined : (groups[best] as Group);
        if (
          !current ||
          score < bestScore ||
          (score === bestScore &&
            (size > current.cues.size || (size === current.cues.size && g.label < current.label)))
        ) {
          best = id;
          bestScore = score;
        }
      });
      return best;
    },
  };
}
