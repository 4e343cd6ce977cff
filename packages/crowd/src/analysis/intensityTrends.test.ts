import { readFileSync } from 'node:fs';
import { crowdDataPath } from '@emocrowd/data';
import { createRng } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { parseCsvTable } from '../import/parseCsvTable.js';
import { breakdown, orderLabels } from './breakdown.js';
import { effectSizes } from './effectSizes.js';
import { intensityTrends } from './intensityTrends.js';

/**
 * Lorenz et al. 2011 (PNAS 108:9020), question 1 (truth 184), the full-information condition:
 * 48 subjects answer five rounds, seeing everyone's previous answers. The round number is an
 * ordered level; social influence narrows the spread round by round.
 */
function lorenzRounds(
  condition: string,
  question: string,
): { values: number[]; rounds: number[]; truth: number } {
  const path = crowdDataPath('lorenz_2011.csv');
  const table = parseCsvTable(readFileSync(path, 'utf8'), path);
  const col = (name: string): number => table.columns.indexOf(name);
  const values: number[] = [];
  const rounds: number[] = [];
  let truth = Number.NaN;
  for (const row of table.rows) {
    if (row[col('Information_Condition')] !== condition || row[col('Question')] !== question) continue;
    truth = Number(row[col('Truth')]);
    for (let k = 1; k <= 5; k++) {
      values.push(Number(row[col(`E${k}`)]));
      rounds.push(k);
    }
  }
  return { values, rounds, truth };
}

describe('intensityTrends', () => {
  // Expected values computed independently with numpy from the same file (np.polyfit on the 240
  // individual answers for the two answer-level slopes; np.std per round and np.polyfit over the
  // five rounds for the spread), and a numpy stratified bootstrap of 20,000 replicates
  // (numpy.random.default_rng(12345)) for the intervals: ln-ratio [-0.0991, 0.1775], |ln-ratio|
  // [-0.2991, -0.1093], log-sd [-0.3744, -0.1574].
  const { values, rounds, truth } = lorenzRounds('full', '1');

  it('fits the slopes numpy fits, on a real multi-round crowd', () => {
    expect(values).toHaveLength(240);
    const [trend] = intensityTrends(values, truth, rounds, { bootstrap: 0 });
    expect(trend?.stratum).toBe('all');
    expect(trend?.n).toBe(240);
    expect(trend?.logRatio?.estimate).toBeCloseTo(0.03884349424096843, 12);
    expect(trend?.absLogError?.estimate).toBeCloseTo(-0.20206897817877967, 12);
    expect(trend?.logSd?.estimate).toBeCloseTo(-0.2701597681749551, 12);
    expect(trend?.levels.map((l) => Number(l.logSd.toFixed(6)))).toEqual([
      2.122845, 1.25836, 1.080187, 1.037408, 0.882522,
    ]);
    expect(trend?.logSd?.resamples).toBe(0);
    expect(trend?.logSd?.lower).toBeNaN();
  });

  it('gives the stratified bootstrap intervals of an independent implementation, within Monte Carlo error', () => {
    // With B = 4000 a 2.5% quantile has a Monte Carlo sd of about 0.04 bootstrap sds (0.002 to 0.003 here).
    const [trend] = intensityTrends(values, truth, rounds, { bootstrap: 4000, seed: 7 });
    const near = (got: number | undefined, want: number) =>
      expect(Math.abs((got as number) - want)).toBeLessThan(0.012);
    near(trend?.logRatio?.lower, -0.0991);
    near(trend?.logRatio?.upper, 0.1775);
    near(trend?.absLogError?.lower, -0.2991);
    near(trend?.absLogError?.upper, -0.1093);
    near(trend?.logSd?.lower, -0.3744);
    near(trend?.logSd?.upper, -0.1574);
    // The width matches the closed-form standard error of a weighted slope of group means,
    // sqrt(sum_j w_j^2 s_j^2 / n_j) = 0.04822 for |ln-ratio| (numpy, population s_j).
    const width =
      ((trend?.absLogError?.upper as number) - (trend?.absLogError?.lower as number)) / (2 * 1.96);
    expect(width / 0.04822213969031898).toBeGreaterThan(0.93);
    expect(width / 0.04822213969031898).toBeLessThan(1.07);
    expect(trend?.absLogError?.method).toBe('stratified-bootstrap');
  });

  it('finds no trend without influence where influence narrows the spread', () => {
    const control = lorenzRounds('no', '1');
    const [flat] = intensityTrends(control.values, control.truth, control.rounds, {
      bootstrap: 2000,
      seed: 1,
    });
    const [influenced] = intensityTrends(values, truth, rounds, { bootstrap: 2000, seed: 1 });
    expect(influenced?.logSd?.upper).toBeLessThan(0);
    expect(flat?.logSd?.estimate).toBeCloseTo(-0.0732766556505376, 12);
    expect(flat?.logSd?.lower).toBeLessThan(0);
    expect(flat?.logSd?.upper).toBeGreaterThan(0);
  });

  it('splits by stratum, keeps level names, drops non-positive answers and needs a positive truth', () => {
    const trends = intensityTrends([100, 110, 0, 120, 130, 90], 100, [-1, -1, -1, 1, 1, 0.5], {
      by: ['b', 'b', 'b', 'b', 'b', 'a'],
      labels: ['grief', 'grief', 'grief', 'joy', 'joy', 'serenity'],
      bootstrap: 50,
    });
    expect(trends.map((t) => t.stratum)).toEqual(['a', 'b']);
    const [a, b] = trends;
    expect(a?.logRatio).toBeNull(); // one level: no slope
    expect(b?.dropped).toBe(1);
    expect(b?.levels.map((l) => [l.level, l.label, l.n])).toEqual([
      [-1, 'grief', 2],
      [1, 'joy', 2],
    ]);
    // mean ln ratio per level (ln 1 + ln 1.1)/2 and (ln 1.2 + ln 1.3)/2; rise over a run of 2
    const expected = ((Math.log(1.2) + Math.log(1.3)) / 2 - Math.log(1.1) / 2) / 2;
    expect(b?.logRatio?.estimate).toBeCloseTo(expected, 12);
    expect(intensityTrends([1, 2], -5, [0, 1])).toEqual([]);
  });

  it('reads an all-equal crowd as no trend with a zero-width interval, and is reproducible', () => {
    const rng = createRng(3);
    const levels = Array.from({ length: 300 }, (_, i) => [-1, 0, 1][i % 3] as number);
    const same = intensityTrends(
      levels.map(() => 500),
      400,
      levels,
      { bootstrap: 100 },
    )[0];
    expect(same?.absLogError).toMatchObject({ estimate: 0, lower: 0, upper: 0 });
    expect(same?.logSd?.estimate).toBe(0);
    const noisy = levels.map((l) => 400 * Math.exp(0.2 * l + 0.5 * rng.normal()));
    const once = intensityTrends(noisy, 400, levels, { bootstrap: 200, seed: 'x' });
    expect(intensityTrends(noisy, 400, levels, { bootstrap: 200, seed: 'x' })).toEqual(once);
    expect(once[0]?.logRatio?.lower).toBeLessThan(0.2);
    expect(once[0]?.logRatio?.upper).toBeGreaterThan(0.2);
  });

  it('uses the normal limit for levels beyond 2,000 answers and agrees with resampling there', () => {
    const rng = createRng(11);
    const levels: number[] = [];
    const values: number[] = [];
    for (const level of [-1, 0, 1]) {
      for (let i = 0; i < 2500; i++) {
        levels.push(level);
        values.push(1000 * Math.exp(0.1 * level + (0.5 + 0.2 * level) * rng.normal()));
      }
    }
    const [big] = intensityTrends(values, 1000, levels, { bootstrap: 1000, seed: 2 });
    // spread slope ~ 0.2 per unit; its bootstrap sd ~ sqrt(2 * 0.5^2/(2*2500))/2 ~ 0.005
    expect(big?.logSd?.lower).toBeLessThan(0.2);
    expect(big?.logSd?.upper).toBeGreaterThan(0.2);
    expect((big?.logSd?.upper as number) - (big?.logSd?.lower as number)).toBeLessThan(0.05);
  });
});

describe('ordered dimensions in breakdowns and effect sizes', () => {
  const { values, rounds, truth } = lorenzRounds('full', '1');
  const sample = {
    values,
    groups: { round: rounds.map(String), intensity: rounds.map((r) => String(-r / 10)) },
  };

  it('orders numeric labels numerically', () => {
    const groups = breakdown(sample, truth, 'intensity', { bootstrap: 0 }).groups;
    expect(groups.map((g) => g.label)).toEqual(['-0.5', '-0.4', '-0.3', '-0.2', '-0.1']);
    expect(orderLabels(['b', 'a', '10'])).toEqual(['10', 'a', 'b']);
  });

  it('adds the share a straight line explains, as numpy’s squared correlation of round and ln x', () => {
    // numpy: np.corrcoef(rounds, np.log(values))[0, 1] ** 2 on the same 240 answers.
    const sizes = effectSizes(sample);
    const round = sizes.find((s) => s.dimension === 'round');
    expect(round?.linearEta2).toBeCloseTo(0.0016443815193503146, 12);
    expect(round?.linearEta2).toBeLessThanOrEqual(round?.eta2 as number);
    expect(effectSizes({ values: [1, 2, 3], groups: { g: ['a', 'b', '1'] } })[0]?.linearEta2).toBeUndefined();
  });
});
