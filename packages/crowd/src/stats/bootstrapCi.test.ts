import { createRng } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { bootstrapCi } from './bootstrapCi.js';
import { etaSquared } from './etaSquared.js';
import { mean } from './mean.js';
import { median } from './median.js';

describe('bootstrapCi', () => {
  const rng = createRng('boot-data');
  const data = Array.from({ length: 200 }, () => 100 + 15 * rng.normal());

  it('is reproducible for a seed and brackets the estimate', () => {
    const a = bootstrapCi(data, median, { rng: createRng(7) });
    const b = bootstrapCi(data, median, { rng: createRng(7) });
    const c = bootstrapCi(data, median, { rng: createRng(8) });
    expect(a).toEqual(b);
    expect(c.lower).not.toBe(a.lower);
    expect(a.lower).toBeLessThan(a.estimate);
    expect(a.upper).toBeGreaterThan(a.estimate);
    expect(a.estimate).toBe(median(data));
  });

  it('matches the normal-theory width for the mean (1.96 sd / sqrt n)', () => {
    const ci = bootstrapCi(data, mean, { rng: createRng(1), resamples: 4000 });
    const sd = Math.sqrt(data.reduce((s, x) => s + (x - mean(data)) ** 2, 0) / data.length);
    const expected = 2 * 1.96 * (sd / Math.sqrt(data.length));
    expect(ci.upper - ci.lower).toBeGreaterThan(0.85 * expected);
    expect(ci.upper - ci.lower).toBeLessThan(1.15 * expected);
  });
});

describe('etaSquared', () => {
  it('splits the sum of squares by group', () => {
    // groups a: {1, 3} (mean 2), b: {5, 7} (mean 6); grand mean 4
    const r = etaSquared([1, 3, 5, 7], ['a', 'a', 'b', 'b']);
    expect(r.ssTotal).toBeCloseTo(20, 12);
    expect(r.ssBetween).toBeCloseTo(16, 12);
    expect(r.eta2).toBeCloseTo(0.8, 12);
    // omega2 = (16 - 1 * 2) / (20 + 2)
    expect(r.omega2).toBeCloseTo(14 / 22, 12);
    expect(r.groups).toBe(2);
  });

  it('gives about (g - 1)/(n - 1) eta2 and about 0 omega2 for random labels', () => {
    const rng = createRng('eta');
    const values = Array.from({ length: 2000 }, () => rng.normal());
    const labels = values.map(() => `g${rng.int(28)}`);
    const r = etaSquared(values, labels);
    expect(r.eta2).toBeGreaterThan(0.005);
    expect(Math.abs(r.omega2)).toBeLessThan(0.01);
  });
});
