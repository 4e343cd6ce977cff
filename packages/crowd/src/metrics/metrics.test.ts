import { readFileSync } from 'node:fs';
import { crowdDataPath } from '@emocrowd/data';
import { createRng } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { extractCrowds } from '../import/extractCrowds.js';
import { parseCsvTable } from '../import/parseCsvTable.js';
import { beatenShare } from './beatenShare.js';
import { bracketingRate } from './bracketingRate.js';
import { diversityPrediction, logDiversityPrediction } from './diversityPrediction.js';
import { estimateError } from './estimateError.js';
import { expectedSubsetMeanError } from './expectedSubsetMeanError.js';
import { hyperAccuracy } from './hyperAccuracy.js';
import { ratioSummary } from './ratioSummary.js';
import { isRoundNumber, roundNumberShare } from './roundNumberShare.js';
import { wocIndicator } from './wocIndicator.js';

describe('diversity prediction theorem', () => {
  it('reproduces the RESEARCH.md vectors (truth 49)', () => {
    const a = diversityPrediction([48, 47, 51], 49);
    expect(a.averageIndividualError).toBeCloseTo(3.0, 12);
    expect(a.collectiveError).toBeCloseTo(0.111, 3);
    expect(a.diversity).toBeCloseTo(2.889, 3);
    const b = diversityPrediction([48, 47, 51, 42], 49);
    expect(b.averageIndividualError).toBeCloseTo(14.5, 12);
    expect(b.collectiveError).toBeCloseTo(4.0, 12);
    expect(b.diversity).toBeCloseTo(10.5, 12);
    expect(b.aggregate).toBe(47);
  });

  it('holds exactly, linear and log, on random crowds', () => {
    const rng = createRng('dpt');
    for (let trial = 0; trial < 20; trial++) {
      const values = Array.from({ length: 5 + rng.int(200) }, () => Math.exp(5 + rng.normal()));
      const truth = 50 + rng.int(400);
      for (const d of [diversityPrediction(values, truth), logDiversityPrediction(values, truth)])
        expect(d.collectiveError).toBeCloseTo(d.averageIndividualError - d.diversity, 9);
      const log = logDiversityPrediction(values, truth);
      const geo = Math.exp(values.reduce((s, x) => s + Math.log(x), 0) / values.length);
      expect(log.aggregate).toBeCloseTo(geo, 9);
      expect(log.collectiveError).toBeCloseTo(Math.log(geo / truth) ** 2, 12);
    }
  });

  it('drops non-positive values in log space and needs a positive truth', () => {
    expect(logDiversityPrediction([10, 0, -1, 1000], 100).dropped).toBe(2);
    expect(logDiversityPrediction([10, 1000], 100).collectiveError).toBeCloseTo(0, 12);
    expect(() => logDiversityPrediction([1], 0)).toThrow(RangeError);
  });
});

describe('errors and comparisons with individuals', () => {
  it('computes the error scales of an estimate', () => {
    const e = estimateError(1000, 1194);
    expect(e.error).toBe(-194);
    expect(e.absError).toBe(194);
    expect(e.relError).toBeCloseTo(-194 / 1194, 12);
    expect(e.absRelError).toBeCloseTo(194 / 1194, 12);
    expect(e.logRatio).toBeCloseTo(Math.log(1000 / 1194), 12);
    expect(estimateError(-5, 10).logRatio).toBeNaN();
  });

  it('counts judges strictly beaten and ties separately', () => {
    // truth 10, aggregate 12 (distance 2): 8 ties, 12 ties, 15 beaten, 11 not, 30 beaten
    const r = beatenShare([8, 12, 15, 11, 30], 12, 10);
    expect(r.beatenCount).toBe(2);
    expect(r.tieCount).toBe(2);
    expect(r.beaten).toBeCloseTo(0.4, 12);
    expect(r.ties).toBeCloseTo(0.4, 12);
    // floating noise counts as a tie
    expect(beatenShare([0.1 + 0.2], 0.3, 0).tieCount).toBe(1);
  });

  it('bracketing rate is (#below x #above) / C(n, 2)', () => {
    // truth 10: below {5, 8}, above {12, 20, 30}, exact {10}: 2 x 3 / C(6, 2)
    expect(bracketingRate([5, 8, 12, 20, 30, 10], 10)).toBeCloseTo(6 / 15, 12);
    // brute force on a random crowd
    const rng = createRng('bracket');
    const values = Array.from({ length: 60 }, () => rng.int(100));
    let pairs = 0;
    let bracketing = 0;
    for (let i = 0; i < values.length; i++)
      for (let j = i + 1; j < values.length; j++) {
        pairs++;
        if (((values[i] as number) - 50) * ((values[j] as number) - 50) < 0) bracketing++;
      }
    expect(bracketingRate(values, 50)).toBeCloseTo(bracketing / pairs, 12);
    expect(bracketingRate([3], 1)).toBeNaN();
  });

  it('wisdom-of-crowd indicator is the smaller side; an exact answer counts on both sides by default', () => {
    // below {5, 8}, equal {10}, above {12, 20, 30}
    expect(wocIndicator([5, 8, 12, 20, 30, 10], 10)).toBe(3);
    expect(wocIndicator([5, 8, 12, 20, 30, 10], 10, 'strict')).toBe(2);
    expect(wocIndicator([11, 12], 10)).toBe(0);
    expect(wocIndicator([11, 12], 10, 'strict')).toBe(0);
    // hyper-accuracy: a crowd exactly on the truth is not scored like one that misses it entirely
    expect(wocIndicator([7, 7, 7, 7], 7)).toBe(4);
    expect(wocIndicator([7, 7, 7, 7], 7, 'strict')).toBe(0);
    expect(wocIndicator([1, 2, 3, 4], 7)).toBe(0);
    expect(wocIndicator([], 7)).toBe(0);
  });

  it('wisdom-of-crowd indicator on a real crowd with exact answers (Planet Money cow, truth 1,355 lb)', () => {
    const path = crowdDataPath('planetmoney2015_cow_guesses.csv');
    const { crowds } = extractCrowds(parseCsvTable(readFileSync(path, 'utf8'), path), {
      column: 'guess_lb',
      truth: 1355,
    });
    const guesses = crowds[0]?.sample.values ?? [];
    // Python's csv module on the same file: 10,462 below, 15 exactly 1,355, 6,707 above.
    expect(wocIndicator(guesses, 1355)).toBe(6707 + 15);
    expect(wocIndicator(guesses, 1355, 'strict')).toBe(6707);
    // the same counts another way: positions in the sorted guesses
    const sorted = Float64Array.from(guesses).sort();
    const firstAtOrAbove = sorted.findIndex((x) => x >= 1355);
    const firstAbove = sorted.findIndex((x) => x > 1355);
    expect(wocIndicator(guesses, 1355)).toBe(Math.min(firstAbove, sorted.length - firstAtOrAbove));
  });
});

describe('distribution shape', () => {
  it('summarises estimate/truth ratios (type 7 quartiles)', () => {
    const r = ratioSummary([50, 100, 150, 200], 100);
    expect(r.median).toBeCloseTo(1.25, 12);
    expect(r.q1).toBeCloseTo(0.875, 12);
    expect(r.q3).toBeCloseTo(1.625, 12);
    expect(r.iqr).toBeCloseTo(0.75, 12);
  });

  it('defines round numbers by the leading digit', () => {
    for (const x of [7, 30, 150, 500, 1000, 1500, 2.5, 0.3, -40, 0, 25, 20000])
      expect(isRoundNumber(x), String(x)).toBe(true);
    for (const x of [1194, 1200, 162, 0.37, 11, 1250, 99, 17000])
      expect(isRoundNumber(x), String(x)).toBe(false);
    expect(roundNumberShare([1000, 1194, 1500, 1234])).toBe(0.5);
  });

  it('measures heaping in a real crowd (Planet Money cow, 17,184 guesses)', () => {
    const path = crowdDataPath('planetmoney2015_cow_guesses.csv');
    const { crowds } = extractCrowds(parseCsvTable(readFileSync(path, 'utf8'), path), {
      column: 'guess_lb',
      truth: 1355,
    });
    const guesses = crowds[0]?.sample.values ?? [];
    expect(guesses.length).toBe(17184 - (crowds[0]?.skipped.total ?? 0));
    expect(guesses.length).toBeGreaterThan(17000);
    const share = roundNumberShare(guesses);
    // people heap on round weights (1000, 1500, 2000, ...); the same guesses shifted by 1 lb are
    // almost never round, so the share measures the heaping, not the scale
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.5);
    expect(roundNumberShare(guesses.map((x) => x + 1))).toBeLessThan(0.02);
  });

  it('flags hyper-accuracy only when the spread collapses onto the truth', () => {
    const collapsed = [1194, 1194, 1197, 1200, 1194, 1190, 1194, 1500, 900, 1194];
    const h = hyperAccuracy(collapsed, 1194);
    expect(h.flag).toBe(true);
    expect(h.exactShare).toBeCloseTo(0.8, 12);
    const rng = createRng('human');
    const human = Array.from({ length: 100 }, () => 1194 * Math.exp(0.4 * rng.normal()));
    expect(hyperAccuracy(human, 1194).flag).toBe(false);
    // collapsed onto a wrong answer is not hyper-accuracy
    expect(
      hyperAccuracy(
        collapsed.map((x) => x * 1.2),
        1194,
      ).flag,
    ).toBe(false);
    expect(hyperAccuracy(collapsed, 1194, { minExactShare: 0.9 }).flag).toBe(false);
  });
});

describe('expectedSubsetMeanError', () => {
  it('is the average individual error at k = 1 and the collective error at k = n', () => {
    const values = [48, 47, 51, 42];
    expect(expectedSubsetMeanError(values, 49, 1)).toBeCloseTo(14.5, 12);
    expect(expectedSubsetMeanError(values, 49, 4)).toBeCloseTo(4.0, 12);
    // k = 2: enumerate all 6 pairs
    let sum = 0;
    for (let i = 0; i < 4; i++)
      for (let j = i + 1; j < 4; j++) sum += (((values[i] as number) + (values[j] as number)) / 2 - 49) ** 2;
    expect(expectedSubsetMeanError(values, 49, 2)).toBeCloseTo(sum / 6, 12);
    expect(() => expectedSubsetMeanError(values, 49, 5)).toThrow(RangeError);
  });
});
