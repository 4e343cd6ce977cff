import { createRng } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { bootstrapCi } from './bootstrapCi.js';
import { mean } from './mean.js';
import { meanBootstrapCi } from './meanBootstrapCi.js';
import { median } from './median.js';
import { medianBootstrapCi } from './medianBootstrapCi.js';
import { normalCdf, normalQuantile } from './normalDistribution.js';

const logNormal = (n: number, seed: number): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => Math.round(1194 * Math.exp(-0.15 + 0.55 * rng.normal())));
};

describe('normal distribution', () => {
  it('has the textbook values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 12);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 7);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 7);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 9);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 8);
  });
});

describe('medianBootstrapCi (exact bootstrap distribution)', () => {
  it('agrees with Monte Carlo resampling, small odd and larger even crowds', () => {
    for (const [n, seed] of [
      [67, 1],
      [400, 2],
      [3001, 3],
    ] as const) {
      const data = logNormal(n, seed);
      const exact = medianBootstrapCi(data);
      const mc = bootstrapCi(data, median, { rng: createRng(seed + 10), resamples: 4000 });
      const sorted = [...data].sort((a, b) => a - b);
      const rank = (x: number) => sorted.indexOf(x);
      // Within a few ranks of the Monte Carlo percentiles (its own sampling error is about that).
      const tolerance = Math.max(2, Math.ceil(Math.sqrt(n) / 6));
      expect(Math.abs(rank(exact.lower) - rank(mc.lower)), `n=${n} lower`).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(rank(exact.upper) - rank(mc.upper)), `n=${n} upper`).toBeLessThanOrEqual(tolerance);
      expect(exact.lower).toBeLessThanOrEqual(exact.estimate);
      expect(exact.upper).toBeGreaterThanOrEqual(exact.estimate);
      expect(exact).toMatchObject({ method: 'exact', resamples: 0, level: 0.95 });
    }
  });

  it('is a single point when every answer is the same, and narrows as the crowd grows', () => {
    expect(medianBootstrapCi([5, 5, 5, 5])).toMatchObject({ lower: 5, upper: 5, estimate: 5 });
    const small = medianBootstrapCi(logNormal(100, 4));
    const large = medianBootstrapCi(logNormal(10000, 4));
    expect(large.upper - large.lower).toBeLessThan((small.upper - small.lower) / 4);
  });
});

describe('meanBootstrapCi', () => {
  it('resamples small groups and uses the normal limit for large ones, which agrees with resampling', () => {
    const small = meanBootstrapCi(logNormal(500, 5), { rng: createRng(1), resamples: 500 });
    expect(small.method).toBe('monte-carlo');
    const data = logNormal(5000, 6);
    const limit = meanBootstrapCi(data, { rng: createRng(1) });
    expect(limit.method).toBe('normal-limit');
    const mc = bootstrapCi(data, mean, { rng: createRng(2), resamples: 2000 });
    const width = mc.upper - mc.lower;
    expect(Math.abs(limit.lower - mc.lower)).toBeLessThan(width * 0.08);
    expect(Math.abs(limit.upper - mc.upper)).toBeLessThan(width * 0.08);
  });
});
