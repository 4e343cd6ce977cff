import { describe, expect, it } from 'vitest';
import { averageRanks } from '../stats/averageRanks.js';
import { pearsonCorrelation } from '../stats/pearsonCorrelation.js';
import { spearmanBrown } from '../stats/spearmanBrown.js';
import { crossItemRanking, type ScoredItem } from './crossItemRanking.js';
import type { ScoredAggregate } from './scoreStrategies.js';

/** A scored aggregate with only what the ranking reads: its log ratio. */
const lr = (logRatio: number): ScoredAggregate =>
  ({ estimate: 100 * Math.exp(logRatio), logRatio }) as unknown as ScoredAggregate;
const none: ScoredAggregate = { estimate: null, reason: 'no ability cue measured on other items' };

describe('crossItemRanking', () => {
  // Worked by hand: item 1 ties A and B (|0.1|), C is not computed on item 2, D on none.
  const items: ScoredItem[] = [
    { id: 'i1', aggregates: { A: lr(0.1), B: lr(-0.1), C: lr(0.3), D: none } },
    { id: 'i2', aggregates: { A: lr(0.2), B: lr(0.05), C: none, D: none } },
    { id: 'i3', aggregates: { A: lr(-0.4), B: lr(0.2), C: lr(0.1), D: none } },
  ];
  const result = crossItemRanking(items, { seed: 1, resamples: 20000 });

  it('averages |ln(x/T)|, ranks (ties share) and wins (ties split) over the items each strategy has', () => {
    expect(result.ranking).toEqual(['B', 'C', 'A']);
    expect(result.strategies.A).toMatchObject({ items: 3, meanRank: (1.5 + 2 + 3) / 3, winShare: 0.5 / 3 });
    expect(result.strategies.A?.meanAbsLogRatio).toBeCloseTo(0.7 / 3, 12);
    expect(result.strategies.B).toMatchObject({ items: 3, meanRank: 1.5, winShare: 0.5 });
    expect(result.strategies.B?.meanAbsLogRatio).toBeCloseTo(0.35 / 3, 12);
    expect(result.strategies.C).toMatchObject({ items: 2, meanRank: 2, winShare: 0.5 });
    expect(result.strategies.C?.meanAbsLogRatio).toBeCloseTo(0.2, 12);
    expect(result.notComputed).toEqual([{ name: 'D', reason: 'no ability cue measured on other items' }]);
  });

  it('pairs differences by item, with the exact percentile bootstrap interval for three items', () => {
    const bc = result.differences.find((d) => d.a === 'B' && d.b === 'C');
    expect(bc?.items).toBe(2);
    expect(bc?.meanDifference).toBeCloseTo((0.1 - 0.3 + (0.2 - 0.1)) / 2, 12);
    const ba = result.differences.find((d) => d.a === 'B' && d.b === 'A');
    // d = (0, -0.15, -0.2). Of the 3^3 = 27 equally likely resamples, (-0.2, -0.2, -0.2) has the
    // smallest mean and (0, 0, 0) the largest, each with probability 1/27 = 3.7% > 2.5%: the exact
    // 95% percentile interval is [-0.2, 0], which 20,000 resamples reproduce.
    expect(ba?.meanDifference).toBeCloseTo(-0.35 / 3, 12);
    expect(ba?.lower).toBeCloseTo(-0.2, 12);
    expect(ba?.upper).toBeCloseTo(0, 12);
    expect(result.differences.map((d) => `${d.a}-${d.b}`)).toEqual(['B-C', 'B-A', 'C-A']);
  });
});

describe('rank and correlation building blocks', () => {
  it('averageRanks gives tied values the mean of their ranks', () => {
    expect(averageRanks([3, 1, 3])).toEqual([2.5, 1, 2.5]);
    expect(averageRanks([0.2, 0.1, 0.1 + 1e-15], 1e-12)).toEqual([3, 1.5, 1.5]);
    expect(averageRanks([])).toEqual([]);
  });

  it('pearsonCorrelation and spearmanBrown match an independent computation', () => {
    // python3 statistics.correlation([1, 2, 3, 4], [2, 1, 4, 3]) = 0.6
    expect(pearsonCorrelation([1, 2, 3, 4], [2, 1, 4, 3])).toBeCloseTo(0.6, 12);
    expect(pearsonCorrelation([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(pearsonCorrelation([1], [2])).toBeNaN();
    expect(spearmanBrown(0.6)).toBeCloseTo(0.75, 12);
    expect(spearmanBrown(0.5, 3)).toBeCloseTo(0.75, 12);
    expect(spearmanBrown(Number.NaN)).toBeNaN();
  });
});
