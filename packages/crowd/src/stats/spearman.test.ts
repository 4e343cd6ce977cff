import { createRng } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { averageRanks, spearman } from './spearman.js';

const LEVELS = [-1, -0.6, -0.3, 0, 0.3, 0.6, 1];

describe('spearman', () => {
  it('matches scipy and a full enumeration for seven levels', () => {
    // scipy.stats.spearmanr gives 0.9285714285714288; enumerating the 5,040 pairings of
    // scipy.stats.rankdata ranks with numpy gives 17 at least as large: p = 17/5040.
    const r = spearman(LEVELS, [0.1, 0.05, 0.2, 0.3, 0.25, 0.6, 0.7]);
    expect(r.rho).toBeCloseTo(0.9285714285714288, 12);
    expect(r.pValue).toBeCloseTo(17 / 5040, 12);
    expect(r.method).toBe('exact');
  });

  it('uses average ranks for ties, as scipy does', () => {
    expect(averageRanks([3, 1, 3, 2])).toEqual([3.5, 1, 3.5, 2]);
    // scipy: 0.981980506061966; enumeration: 4 of 5,040 pairings at least as large.
    const r = spearman(LEVELS, [0.1, 0.1, 0.2, 0.3, 0.3, 0.6, 0.7]);
    expect(r.rho).toBeCloseTo(0.981980506061966, 12);
    expect(r.pValue).toBeCloseTo(4 / 5040, 12);
  });

  it('tests mid-sized samples by seeded random pairings, within Monte Carlo error of scipy', () => {
    // scipy.stats.permutation_test(permutation_type='pairings', alternative='greater',
    // n_resamples=200000, random_state=1): rho 0.682142857142857, p 0.00338.
    const x = Array.from({ length: 15 }, (_, i) => i);
    const y = [
      // biome-ignore lint/suspicious/noApproximativeNumericConstant: a drawn value, not ln 10
      -0.802, -1.174, 0.052, 0.87, 1.736, 0.86, 0.347, 0.265, 1.949, 2.985, 1.773, 0.417, 0.842, 3.55, 2.303,
    ];
    const r = spearman(x, y, { rng: createRng(9), permutations: 20_000 });
    expect(r.method).toBe('monte-carlo');
    expect(r.rho).toBeCloseTo(0.682142857142857, 12);
    // Monte Carlo sd of p at B = 20,000: sqrt(0.0034 * 0.9966 / 20000) = 0.0004.
    expect(Math.abs(r.pValue - 0.00338)).toBeLessThan(0.0015);
    expect(spearman(x, y, { rng: createRng(9), permutations: 20_000 })).toEqual(r);
    expect(() => spearman(x, y)).toThrow(/needs options.rng/);
  });

  it('uses the normal limit for large samples, and has no answer without spread', () => {
    const rng = createRng(4);
    const x = Array.from({ length: 400 }, () => rng.normal());
    const y = x.map((v) => v + 3 * rng.normal());
    const r = spearman(x, y);
    expect(r.method).toBe('normal');
    expect(r.pValue).toBeLessThan(0.05);
    const flat = spearman(
      LEVELS,
      LEVELS.map(() => 1),
    );
    expect(flat.rho).toBeNaN();
    expect(flat.pValue).toBeNaN();
  });
});
