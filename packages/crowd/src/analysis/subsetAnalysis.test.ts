import { readFileSync } from 'node:fs';
import { crowdDataPath } from '@emocrowd/data';
import { describe, expect, it } from 'vitest';
import { extractCrowds } from '../import/extractCrowds.js';
import { parseCsvTable } from '../import/parseCsvTable.js';
import { expectedSubsetMeanError } from '../metrics/expectedSubsetMeanError.js';
import { mean } from '../stats/mean.js';
import { logSpacedSizes } from './logSpacedSizes.js';
import { SUBSET_MAX_K, type SubsetStrategyResult, subsetAnalysis } from './subsetAnalysis.js';

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

describe('subsetAnalysis: an optimal size that can be trusted', () => {
  const crowd = (name: string, column: string, truthValue: number): number[] => {
    const path = crowdDataPath(name);
    const { crowds } = extractCrowds(parseCsvTable(readFileSync(path, 'utf8'), path), {
      column,
      truth: truthValue,
    });
    return [...(crowds[0]?.sample.values ?? [])];
  };

  it('flags the mean of Silver Jb1 as a bias artefact: the whole crowd misses, only noise makes small subsets hit', () => {
    const result = subsetAnalysis({ values }, truth, { strategies: ['mean', 'median'], B: 200, seed: 0 });
    const meanCurve = byName(result.strategies, 'mean');
    // whole-crowd mean 162.7 vs 250 +- 25
    expect(mean(values)).toBeCloseTo(162.67, 2);
    expect(meanCurve.optimalK).toBe(1);
    expect(meanCurve.flags).toEqual(['bias-artefact']);
    expect(meanCurve.optimalKInterval).toEqual([1, 5]);
    expect(byName(result.strategies, 'median').flags).toContain('bias-artefact');
  });

  it('gives every optimum an interval that holds the curve’s optimum across seeds (Silver Jb4 mean, B = 200)', () => {
    const jar = crowd('silver_jellybean_Jb4.csv', 'E1', 950);
    const runs = [0, 1, 2, 3, 4].map(
      (seed) => subsetAnalysis({ values: jar }, 950, { strategies: ['mean'], B: 200, seed }).strategies[0],
    );
    // the seed-to-seed spread of the argmax quoted for this crowd
    expect(runs.map((r) => r?.optimalK)).toEqual([45, 88, 56, 56, 45]);
    expect(runs.map((r) => r?.optimalKInterval)).toEqual([
      [1, 110],
      [1, 88],
      [9, 88],
      [29, 70],
      [9, 88],
    ]);
    // The curve's optimum, from an independent NumPy simulation (40,000 independent subsets of
    // each size, numpy.random.default_rng(1)): k = 56 (accuracy 0.208; 45: 0.196, 70: 0.202).
    for (const r of runs) {
      const [lo, hi] = r?.optimalKInterval ?? [0, 0];
      expect(lo <= 56 && 56 <= hi).toBe(true);
    }
    // the whole crowd's mean, 760.1, is 20% under the truth: these optima are artefacts too
    expect(runs.every((r) => r?.flags.includes('bias-artefact'))).toBe(true);
  });

  it('flags a saturated optimum, whose interval runs to n (Planet Money cow, median, B = 200)', () => {
    const cow = crowd('planetmoney2015_cow_guesses.csv', 'guess_lb', 1355);
    const runs = [0, 3].map(
      (seed) => subsetAnalysis({ values: cow }, 1355, { strategies: ['median'], B: 200, seed }).strategies[0],
    );
    expect(runs.map((r) => r?.optimalK)).toEqual([2253, 3383]);
    for (const r of runs) {
      expect(r?.flags).toEqual(['saturated']);
      expect(r?.optimalKInterval).toEqual([1501, 17184]);
    }
  });

  it('reports no optimum when no subset is ever accurate, and Wilson intervals on the curve', () => {
    const far = values.map((x) => x * 10);
    const result = subsetAnalysis({ values: far }, truth, { strategies: ['mean'], B: 50, seed: 1 });
    const curve = result.strategies[0];
    expect(curve?.optimalK).toBeNull();
    expect(curve?.optimalKInterval).toBeNull();
    expect(curve?.smallestGoodK).toBeNull();
    expect(curve?.flags).toEqual(['no-accurate-subset']);
    // 0 of 50: Wilson [0, 1.96^2 / (50 + 1.96^2)] = [0, 0.0713] (SciPy binomtest(0, 50).proportion_ci('wilson'))
    expect(curve?.points[0]?.accuracyInterval[0]).toBe(0);
    expect(curve?.points[0]?.accuracyInterval[1]).toBeCloseTo(0.07134, 4);
    const at1 = subsetAnalysis({ values }, truth, { strategies: ['mean'], B: 200, seed: 0 }).strategies[0];
    const point = at1?.points.find((p) => p.k === 1);
    // 19 of 200 accurate: SciPy Wilson [0.061663, 0.143602]
    expect(point?.accuracy).toBe(0.095);
    expect(point?.accuracyInterval[0]).toBeCloseTo(0.061663, 5);
    expect(point?.accuracyInterval[1]).toBeCloseTo(0.143602, 5);
    // the whole crowd is one subset: exact
    expect(at1?.points.at(-1)?.accuracyInterval).toEqual([0, 0]);
  });

  it('adds sizes to the grid (--ks 538) and leaves out those above n', () => {
    const cow = crowd('planetmoney2015_cow_guesses.csv', 'guess_lb', 1355).slice(0, 2000);
    const withPaper = subsetAnalysis({ values: cow }, 1355, { strategies: ['mean'], B: 20, extraKs: [538] });
    expect(withPaper.ks).toContain(538);
    expect(withPaper.skippedKs).toEqual([]);
    const small = subsetAnalysis({ values }, truth, { strategies: ['mean'], B: 20, extraKs: [538, 30] });
    expect(small.ks).toContain(30);
    expect(small.ks).not.toContain(538);
    expect(small.skippedKs).toEqual([538]);
    expect(() => subsetAnalysis({ values }, truth, { extraKs: [0] })).toThrow(/not a positive integer/);
  });

  it('caps the default grid at maxK: a large crowd costs what one of maxK does, and the sizes it keeps are computed as before', () => {
    const cow = crowd('planetmoney2015_cow_guesses.csv', 'guess_lb', 1355);
    const n = cow.length;
    const options = { strategies: ['mean', 'median', 'trimmedMean'], B: 30, seed: 3 };
    // the default cap (20,000) keeps every shipped crowd's whole grid
    const whole = subsetAnalysis({ values: cow }, 1355, { ...options, B: 2 });
    expect(whole.maxK).toBe(SUBSET_MAX_K);
    expect(whole.cappedKs).toEqual([]);
    expect(whole.ks).toEqual(logSpacedSizes(n));
    // capped at 1,000: the grid's sizes above it (and below n) are left out and listed
    const capped = subsetAnalysis({ values: cow }, 1355, { ...options, maxK: 1000 });
    const kept = logSpacedSizes(n).filter((k) => k <= 1000 || k === n);
    expect(capped.ks).toEqual(kept);
    expect(capped.cappedKs).toEqual(logSpacedSizes(n).filter((k) => k > 1000 && k < n));
    expect(capped.cappedKs.length).toBeGreaterThan(3);
    // the old computation over the sizes kept: the same permutations, the same curves, bit for bit
    const old = subsetAnalysis({ values: cow }, 1355, { ...options, ks: kept });
    expect(old.cappedKs).toEqual([]);
    expect(capped.strategies).toEqual(old.strategies);
    // sizes asked for explicitly are never capped
    const asked = subsetAnalysis({ values: cow }, 1355, { ...options, B: 2, maxK: 1000, extraKs: [5000] });
    expect(asked.ks).toContain(5000);
    expect(() => subsetAnalysis({ values: cow }, 1355, { maxK: 0 })).toThrow(/maxK/);
  });
});
