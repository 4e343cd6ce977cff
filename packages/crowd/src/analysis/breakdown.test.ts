import { createRng } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import type { CrowdSample } from '../stats/CrowdSample.js';
import { median } from '../stats/median.js';
import { breakdown } from './breakdown.js';
import { effectSizes } from './effectSizes.js';

const rng = createRng('breakdown-data');
const emotions = ['joy', 'fear', 'anger'];
const ages = ['young', 'old'];
const n = 300;
const emotion = Array.from({ length: n }, (_, i) => emotions[i % 3] as string);
const age = Array.from({ length: n }, () => ages[rng.int(2)] as string);
// emotion shifts the answer by a factor (joy x1, fear x1.5, anger x2); age does nothing
const values = emotion.map((e) =>
  Math.round(1000 * (1 + 0.5 * emotions.indexOf(e)) * Math.exp(0.1 * rng.normal())),
);
const sample: CrowdSample = { values, groups: { emotion, age } };

describe('breakdown', () => {
  const result = breakdown(sample, 1194, 'emotion', {
    strategies: ['mean', 'median'],
    bootstrap: 500,
    seed: 3,
  });

  it('summarises each group with its aggregates, errors and intervals', () => {
    expect(result.groups.map((g) => g.label)).toEqual(['anger', 'fear', 'joy']);
    for (const g of result.groups) {
      expect(g.n).toBe(100);
      const own = values.filter((_, i) => emotion[i] === g.label);
      expect(g.aggregates.median?.estimate).toBe(median(own));
      expect(g.aggregates.median?.error).toBe(median(own) - 1194);
      expect(g.collectiveError).toBeCloseTo(g.averageIndividualError - g.diversity, 6);
      const ci = g.medianCi;
      expect(ci?.lower).toBeLessThanOrEqual(ci?.estimate ?? Number.NaN);
      expect(ci?.upper).toBeGreaterThanOrEqual(ci?.estimate ?? Number.NaN);
    }
    const joy = result.groups.find((g) => g.label === 'joy');
    const anger = result.groups.find((g) => g.label === 'anger');
    // the groups are far apart relative to their resampling noise
    expect(joy?.meanCi?.upper).toBeLessThan(anger?.meanCi?.lower ?? 0);
  });

  it("keeps a group's intervals when another group is added", () => {
    const extra: CrowdSample = {
      values: [...values, 5, 6, 7],
      groups: { emotion: [...emotion, 'awe', 'awe', 'awe'], age: [...age, 'old', 'old', 'old'] },
    };
    const more = breakdown(extra, 1194, 'emotion', { strategies: ['mean'], bootstrap: 500, seed: 3 });
    expect(more.groups.find((g) => g.label === 'joy')?.medianCi).toEqual(
      result.groups.find((g) => g.label === 'joy')?.medianCi,
    );
  });

  it('rejects an unknown dimension', () => {
    expect(() => breakdown(sample, 1194, 'zodiac')).toThrow(/no group dimension "zodiac"/);
  });
});

describe('effectSizes', () => {
  it('shows that emotion, not age, explains the variance of log estimates', () => {
    const sizes = effectSizes(sample);
    expect(sizes.map((s) => s.dimension)).toEqual(['emotion', 'age']);
    // between-group variance of ln{1, 1.5, 2} is 0.081, within 0.1² = 0.01: eta² about 0.89
    expect(sizes[0]?.eta2).toBeGreaterThan(0.85);
    expect(sizes[0]?.eta2).toBeLessThan(0.93);
    expect(sizes[1]?.eta2).toBeLessThan(0.02);
    expect(sizes[0]?.groups).toBe(3);
    expect(effectSizes({ values: [1, 2] })).toEqual([]);
  });
});
