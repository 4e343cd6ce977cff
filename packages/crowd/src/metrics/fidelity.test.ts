import { readFileSync } from 'node:fs';
import { crowdDataPath } from '@emocrowd/data';
import { describe, expect, it } from 'vitest';
import { extractCrowds } from '../import/extractCrowds.js';
import { parseCsvTable } from '../import/parseCsvTable.js';
import { kolmogorovPValue } from '../stats/kolmogorovPValue.js';
import { ksStatistic } from '../stats/ksStatistic.js';
import { wasserstein1 } from '../stats/wasserstein1.js';
import { fidelity } from './fidelity.js';

const sorted = (values: number[]): Float64Array => Float64Array.from(values).sort();

describe('ksStatistic and wasserstein1', () => {
  it('are 0 for equal samples, and reach 1 and the mean gap for samples that do not overlap', () => {
    expect(ksStatistic(sorted([1, 2, 3]), sorted([3, 1, 2]))).toBe(0);
    expect(wasserstein1(sorted([1, 2, 3]), sorted([1, 2, 3]))).toBe(0);
    expect(ksStatistic(sorted([1, 2]), sorted([5, 6, 7]))).toBe(1);
    expect(wasserstein1(sorted([1, 2]), sorted([5, 6, 7]))).toBeCloseTo(6 - 1.5, 12);
    expect(ksStatistic([], [1])).toBeNaN();
    expect(wasserstein1([1], [])).toBeNaN();
  });

  it('handle ties across samples exactly', () => {
    // F_a jumps to 2/3 at 1, F_b to 1/2 at 1: |2/3 - 1/2| = 1/6; at 2 both reach 1.
    expect(ksStatistic(sorted([1, 1, 2]), sorted([1, 2]))).toBeCloseTo(1 / 6, 12);
    // Between 1 and 2 the ECDFs differ by 1/6: W1 = 1/6.
    expect(wasserstein1(sorted([1, 1, 2]), sorted([1, 2]))).toBeCloseTo(1 / 6, 12);
  });

  it('give Kolmogorov p-values near 1 for no difference and near 0 for a large one', () => {
    expect(kolmogorovPValue(0, 100, 100)).toBe(1);
    expect(kolmogorovPValue(1, 100, 100)).toBeLessThan(1e-12);
    // Numerical Recipes' probks with the Stephens correction, computed by hand with python3:
    // n = m = 50, D = 0.2: lambda = (5 + 0.12 + 0.022) * 0.2 = 1.0284, p = 0.24079199341891797.
    expect(kolmogorovPValue(0.2, 50, 50)).toBeCloseTo(0.24079199341891797, 10);
  });
});

describe('fidelity on the calorie quiz (women as the "simulated" crowd, men as the human one)', () => {
  const table = parseCsvTable(
    readFileSync(crowdDataPath('clulab_calorie/responses.csv'), 'utf8'),
    'responses.csv',
  );
  const answers = (gender: string, column: string): number[] => [
    ...(extractCrowds(table, { column, truth: 1, filters: [{ column: 'gender', value: gender }] }).crowds[0]
      ?.sample.values ?? []),
  ];

  it('agrees with an independent python3 computation of KS and Wasserstein-1 on ln(x/T)', () => {
    // python3 (csv, bisect, math): KS = max over every observed t of |F_women(t) - F_men(t)|, the
    // ECDFs read with bisect_right; W1 = ∫_0^1 |Q_women(u) - Q_men(u)| du over the quantile
    // functions (another algorithm than the CDF integral here). q1 (T = 200): n 1121 / 700,
    // KS 0.07056327258825035, W1 0.06375920705974236, median ratio 0.8, sd ratio 0.9491354236224392.
    // q7 (T = 270): KS 0.024748654378283996, W1 0.0165371013147887, median ratio 0.96.
    const q1 = fidelity(answers('Female', 'q1'), answers('Male', 'q1'), 200, { seed: 1, resamples: 200 });
    expect(q1.simulated.n).toBe(1121);
    expect(q1.human.n).toBe(700);
    expect(q1.ks.estimate).toBeCloseTo(0.07056327258825035, 12);
    expect(q1.wasserstein.estimate).toBeCloseTo(0.06375920705974236, 12);
    expect(q1.medianRatio.estimate).toBeCloseTo(0.8, 12);
    expect(q1.dispersionRatio.estimate).toBeCloseTo(0.9491354236224392, 12);
    expect(q1.homogeneous).toBe(false);
    const q7 = fidelity(answers('Female', 'q7'), answers('Male', 'q7'), 270, { seed: 1, resamples: 200 });
    expect(q7.ks.estimate).toBeCloseTo(0.024748654378283996, 12);
    expect(q7.wasserstein.estimate).toBeCloseTo(0.0165371013147887, 12);
    expect(q7.medianRatio.estimate).toBeCloseTo(0.96, 12);
    // Percentile intervals of location-free ratios cover their estimate; those of distances are
    // shifted up (a resampled pair is never closer than identical), so only their order is checked.
    for (const f of [q1, q7]) {
      for (const s of [f.medianRatio, f.dispersionRatio])
        expect(s.lower <= s.estimate && s.estimate <= s.upper, JSON.stringify(s)).toBe(true);
      for (const s of [f.ks, f.wasserstein]) expect(0 <= s.lower && s.lower < s.upper).toBe(true);
    }
  });

  it('flags a crowd flattened onto the truth as homogeneous, side by side with the human one', () => {
    const human = answers('Male', 'q1');
    const flat = human.map((_, i) => 200 * (1 + ((i % 5) - 2) / 100));
    const f = fidelity(flat, human, 200, { seed: 2, resamples: 100 });
    expect(f.dispersionRatio.estimate).toBeLessThan(0.5);
    expect(f.homogeneous).toBe(true);
    expect(f.ks.pValue).toBeLessThan(1e-6);
    expect(f.simulated.medianLogRatio).toBeCloseTo(0, 12);
    expect(f.human.roundNumberShare).toBeGreaterThan(f.simulated.roundNumberShare);
    expect(() => fidelity([], human, 200)).toThrow(/needs a simulated and a human crowd/);
    const zeros = fidelity([0, -1, 5], [1, 2, 3], 2, { resamples: 20 });
    expect(zeros.simulated.dropped).toBe(2);
    expect(zeros.dispersionRatio.estimate).toBeNaN();
    expect(zeros.homogeneous).toBe(false);
  });
});
