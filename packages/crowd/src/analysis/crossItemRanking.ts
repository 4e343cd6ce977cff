import { createRng } from '@emocrowd/models';
import { averageRanks } from '../stats/averageRanks.js';
import { bootstrapCi } from '../stats/bootstrapCi.js';
import { mean } from '../stats/mean.js';
import type { ScoredAggregate } from './scoreStrategies.js';

/** One strategy across the items of a battery. */
export interface CrossItemStrategy {
  /** Mean over items of |ln(estimate / truth)|: 0 is perfect, 0.1 about 10% off. */
  meanAbsLogRatio: number;
  /** Percentile bootstrap interval of that mean (resampling items). */
  lower: number;
  upper: number;
  /** Mean over items of the strategy's rank among the strategies (1 = closest; ties share the mean rank). */
  meanRank: number;
  /** Share of its items on which it was closest (a tie of m strategies gives each 1/m). */
  winShare: number;
  /** Items on which it has an estimate with a log ratio. */
  items: number;
}

/** A paired comparison of two strategies over the items both have. */
export interface StrategyDifference {
  a: string;
  b: string;
  /** Items both have. */
  items: number;
  /** Mean over those items of |ln(a/T)| - |ln(b/T)|: negative when `a` is closer. */
  meanDifference: number;
  /** Percentile bootstrap interval of the mean difference, resampling items (pairs kept together). */
  lower: number;
  upper: number;
}

/** `crossItem` of a battery's report: which strategy does best over its items. */
export interface CrossItemAnalysis {
  /** Items with a summary. */
  items: number;
  /** Coverage and resamples of every interval here. */
  level: number;
  resamples: number;
  /** Strategy names, best (smallest meanAbsLogRatio) first. */
  ranking: string[];
  strategies: Record<string, CrossItemStrategy>;
  /** Every pair of strategies, in `ranking` order (a ranked before b). */
  differences: StrategyDifference[];
  /** Strategies without an estimate on any item, with the first item's reason. */
  notComputed: { name: string; reason: string }[];
}

/** The aggregates of one item, as `summarizeEstimates` scored them. */
export interface ScoredItem {
  id: string;
  aggregates: Readonly<Record<string, ScoredAggregate>>;
}

/** Options of `crossItemRanking`. */
export interface CrossItemOptions {
  /** Seed of the bootstrap (each interval draws from its own `crossItem:<name>` stream). */
  seed?: number | string;
  /** Resamples of each interval (default 2000). */
  resamples?: number;
  /** Coverage (default 0.95). */
  level?: number;
}

/** Two absolute log ratios closer than this count as a tie. */
const TIE = 1e-12;

/**
 * Compares aggregation strategies over the items of a battery, the way forecasting tournaments
 * compare methods over questions: on each item a strategy's error is |ln(estimate / truth)|
 * (scale-free, so items of different units and sizes count alike; Lorenz et al. 2011), and
 * across items its mean, its mean rank among the strategies and the share of items it wins.
 * Strategy differences are paired by item and their intervals resample items (Efron &
 * Tibshirani 1993), so they say how sure the ranking is given this battery; with few items the
 * intervals are wide, as they should be.
 *
 * Behaviour: a strategy enters an item only with an estimate whose log ratio is defined (estimate
 * and truth > 0); ranks and wins are among the strategies that entered that item; ties (within
 * 1e-12) share ranks and wins. A strategy that entered no item is listed in `notComputed`.
 *
 * @param items each item's scored aggregates
 * @param options seed, resamples, level
 * @returns the analysis
 */
export function crossItemRanking(
  items: readonly ScoredItem[],
  options: CrossItemOptions = {},
): CrossItemAnalysis {
  const resamples = options.resamples ?? 2000;
  const level = options.level ?? 0.95;
  const root = createRng(options.seed ?? 0);
  const names = [...new Set(items.flatMap((item) => Object.keys(item.aggregates)))];
  /** errors.get(name)[i]: |ln(est/T)| on item i, NaN when not entered. */
  const errors = new Map(names.map((name) => [name, new Float64Array(items.length).fill(Number.NaN)]));
  const ranks = new Map(names.map((name) => [name, [] as number[]]));
  const wins = new Map(names.map((name) => [name, 0]));
  const reasons = new Map<string, string>();
  items.forEach((item, i) => {
    const entered: string[] = [];
    const values: number[] = [];
    for (const name of names) {
      const aggregate = item.aggregates[name];
      if (!aggregate) continue;
      if (aggregate.estimate === null) {
        if (!reasons.has(name)) reasons.set(name, aggregate.reason);
        continue;
      }
      const error = Math.abs(aggregate.logRatio);
      if (!Number.isFinite(error)) continue;
      (errors.get(name) as Float64Array)[i] = error;
      entered.push(name);
      values.push(error);
    }
    if (entered.length === 0) return;
    const itemRanks = averageRanks(values, TIE);
    const best = Math.min(...values);
    const winners = entered.filter((_, k) => (values[k] as number) - best <= TIE);
    entered.forEach((name, k) => {
      (ranks.get(name) as number[]).push(itemRanks[k] as number);
      if (winners.includes(name)) wins.set(name, (wins.get(name) as number) + 1 / winners.length);
    });
  });
  const strategies: Record<string, CrossItemStrategy> = {};
  const present = names.filter((name) => (ranks.get(name) as number[]).length > 0);
  for (const name of present) {
    const values = (errors.get(name) as Float64Array).filter((e) => !Number.isNaN(e));
    const ci = bootstrapCi(values, mean, { rng: root.fork(`crossItem:${name}`), resamples, level });
    const itemRanks = ranks.get(name) as number[];
    strategies[name] = {
      meanAbsLogRatio: ci.estimate,
      lower: ci.lower,
      upper: ci.upper,
      meanRank: mean(itemRanks),
      winShare: (wins.get(name) as number) / itemRanks.length,
      items: itemRanks.length,
    };
  }
  const ranking = [...present].sort(
    (a, b) =>
      (strategies[a] as CrossItemStrategy).meanAbsLogRatio -
        (strategies[b] as CrossItemStrategy).meanAbsLogRatio || names.indexOf(a) - names.indexOf(b),
  );
  const differences: StrategyDifference[] = [];
  ranking.forEach((a, x) => {
    for (const b of ranking.slice(x + 1)) {
      const ea = errors.get(a) as Float64Array;
      const eb = errors.get(b) as Float64Array;
      const d: number[] = [];
      for (let i = 0; i < items.length; i++) {
        if (!Number.isNaN(ea[i] as number) && !Number.isNaN(eb[i] as number))
          d.push((ea[i] as number) - (eb[i] as number));
      }
      if (d.length === 0) continue;
      const ci = bootstrapCi(d, mean, { rng: root.fork(`crossItem:${a}:${b}`), resamples, level });
      differences.push({
        a,
        b,
        items: d.length,
        meanDifference: ci.estimate,
        lower: ci.lower,
        upper: ci.upper,
      });
    }
  });
  const notComputed = names
    .filter((name) => !present.includes(name))
    .map((name) => ({ name, reason: reasons.get(name) ?? 'no estimate with a log ratio on any item' }));
  return { items: items.length, level, resamples, ranking, strategies, differences, notComputed };
}
