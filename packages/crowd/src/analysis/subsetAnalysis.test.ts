import { readFileSync } from 'node:fs';
import { crowdDataPath } from '@emocrowd/data';
import { describe, expect, it } from 'vitest';
import { extractCrowds } from '../import/extractCrowds.js';
import { parseCsvTable } from '../import/parseCsvTable.js';
import { expectedSubsetMeanError } from '../metrics/expectedSubsetMeanError.js';
import { mean } from '../stats/mean.js';
import { logSpacedSizes } from './logSpacedSizes.js';
import { type SubsetStrategyResult, subsetAnalysis } from './subsetAnalysis.js';

/** Silver, Mellers & Tetlock jelly-bean jar 1, first estimates (truth 250), read from the CSV. */
function jellyBeans(): number[] {
  const path = crowdDataPath('silver_jellybean_Jb1.csv');
  const { crowds } = extractCrowds(parseCsvTable(readFileSync(path, 'utf8'), path), {
    column: 'E1',
    truthColumn: 'Correct',
  });
  expect(crowds.map((c) => [c.truth, c.sample.values.length, c.skipped.total])).toEqual([[250, 67, 0]]);
  return [...(crowds[0]?.sample.values ?? [])];
}

const values = jellyBeans();
const truth = 250;
const byName = (results: readonly SubsetStrategyResult[], name: string): SubsetStrategyResult => {
  const found = results.find((r) => r.name === name);
  if (!found) throw new Error(`no result for ${name}`);
  return found;
};

describe('logSpacedSizes', () => {
  it('spans 1..n on a log grid, always including n', () => {
    const ks = logSpacedSizes(17000);
    expect(ks[0]).toBe(1);
    expect(ks[ks.length - 1]).toBe(17000);
    expect(ks.length).toBeGreaterThanOrEqual(20);
    expect(ks.length).toBeLessThanOrEqual(25);
    ks.slice(1).forEach((k, i) => {
      expect(k).toBeGreaterThan(ks[i] as number);
    });
    expect(logSpacedSizes(10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(logSpacedSizes(1)).toEqual([1]);
  });
});

describe('subsetAnalysis', () => {
  const ks = [1, 2, 5, 10, 30, 66, 67];
  const analysis = subsetAnalysis({ values }, truth, {
    strategies: ['mean', 'median', 'kdeMode'],
    ks,
    B: 4000,
    seed: 11,
  });
  const meanCurve = byName(analysis.strategies, 'mean');

  it("matches the closed form of a random subset mean's squared error", () => {
    for (const point of meanCurve.points) {
      const expected = expectedSubsetMeanError(values, truth, point.k);
      if (point.k === values.length) expect(point.meanSquaredError).toBeCloseTo(expected, 6);
      else expect(Math.abs(point.meanSquaredError / expected - 1), `k=${point.k}`).toBeLessThan(0.04);
      // a subset mean is an unbiased estimate of the crowd mean
      expect(Math.abs(point.meanEstimate - mean(values))).toBeLessThan(3);
    }
  });

  it('estimates the accuracy of single judges as the share of judges within tolerance', () => {
    const within = values.filter((x) => Math.abs(x - truth) <= 0.1 * truth).length / values.length;
    const k1 = meanCurve.points[0];
    const se = Math.sqrt((within * (1 - within)) / 4000);
    expect(Math.abs((k1?.accuracy ?? -1) - within)).toBeLessThan(4 * se);
    // the whole crowd's mean (162.7) is 35% off: never within 10%
    expect(meanCurve.points[ks.length - 1]?.accuracy).toBe(0);
  });

  it('reports error quantiles in order and the optimal sizes consistently', () => {
    for (const result of analysis.strategies) {
      for (const p of result.points) {
        expect(p.p10AbsRelError).toBeLessThanOrEqual(p.medianAbsRelError);
        expect(p.medianAbsRelError).toBeLessThanOrEqual(p.p90AbsRelError);
      }
      const accuracies = result.points.map((p) => p.accuracy);
      const best = Math.max(...accuracies);
      expect(result.optimalAccuracy).toBe(best);
      expect(result.optimalK).toBe(ks[accuracies.indexOf(best)]);
      const good = ks[accuracies.findIndex((a) => a >= best - analysis.epsilon)];
      expect(result.smallestGoodK).toBe(good);
      expect(result.smallestGoodK).toBeLessThanOrEqual(result.optimalK);
    }
  });

  it('evaluates strategies without an incremental form on fewer permutations and says so', () => {
    expect(meanCurve.permutations).toBe(4000);
    expect(meanCurve.incremental).toBe(true);
    const kde = byName(analysis.strategies, 'kdeMode');
    expect(kde.incremental).toBe(false);
    expect(kde.permutations).toBe(100);
    expect(analysis.fallbackB).toBe(100);
  });

  it('is reproducible for a seed and differs for another', () => {
    const a = subsetAnalysis({ values }, truth, { strategies: ['median'], B: 200, seed: 'x' });
    const b = subsetAnalysis({ values }, truth, { strategies: ['median'], B: 200, seed: 'x' });
    const c = subsetAnalysis({ values }, truth, { strategies: ['median'], B: 200, seed: 'y' });
    expect(a).toEqual(b);
    expect(c.strategies[0]?.points).not.toEqual(a.strategies[0]?.points);
    expect(a.ks).toEqual(logSpacedSizes(values.length));
  });

  it('gives each strategy the same result alone or alongside others (shared structures stay in step)', () => {
    const options = { B: 300, seed: 5, ks: [1, 3, 8, 20, 50, 67] };
    const together = subsetAnalysis({ values }, truth, {
      ...options,
      strategies: ['median', 'trimmedMean', 'winsorizedMean', 'mean'],
    });
    for (const name of ['median', 'trimmedMean', 'winsorizedMean']) {
      const alone = subsetAnalysis({ values }, truth, { ...options, strategies: [name] });
      expect(byName(together.strategies, name)).toEqual(alone.strategies[0]);
    }
  });

  it('rejects a zero truth and sizes out of range', () => {
    expect(() => subsetAnalysis({ values }, 0)).toThrow(RangeError);
    expect(() => subsetAnalysis({ values }, truth, { ks: [0, 5] })).toThrow(RangeError);
    expect(() => subsetAnalysis({ values }, truth, { ks: [68] })).toThrow(RangeError);
  });
});
