import { readFileSync } from 'node:fs';
import { crowdDataPath } from '@emocrowd/data';
import { describe, expect, it } from 'vitest';
import { extractCrowds } from '../import/extractCrowds.js';
import { parseCsvTable } from '../import/parseCsvTable.js';
import { strategyNames } from '../strategies/strategies.js';
import { summarizeEstimates } from './summarizeEstimates.js';

/** Becker, Brackbill & Centola 2017, Solo task 1a, first responses (truth 550). */
function beckerSolo1a(): number[] {
  const path = crowdDataPath('becker_2017.csv');
  const { crowds } = extractCrowds(parseCsvTable(readFileSync(path, 'utf8'), path), {
    column: 'response_1',
    truthColumn: 'truth',
    filters: [
      { column: 'network', value: 'Solo' },
      { column: 'task', value: '1a' },
    ],
  });
  expect(crowds.map((c) => [c.truth, c.skipped.total])).toEqual([[550, 0]]);
  return [...(crowds[0]?.sample.values ?? [])];
}

const METRIC_KEYS = [
  'n',
  'collectiveError',
  'averageIndividualError',
  'diversity',
  'logCollectiveError',
  'logAverageIndividualError',
  'logDiversity',
  'logDropped',
  'beatenByMean',
  'beatenByMedian',
  'tiesWithMean',
  'tiesWithMedian',
  'bracketingRate',
  'wocIndicator',
  'wocIndicatorShare',
  'wocIndicatorTies',
  'ratioMedian',
  'ratioIQR',
  'roundNumberShare',
  'hyperAccuracy',
  'exactShare',
];

describe('summarizeEstimates', () => {
  const values = beckerSolo1a();
  const summary = summarizeEstimates({ values }, 550);

  it('scores every registered strategy on a real crowd', () => {
    expect(Object.keys(summary.aggregates)).toEqual(strategyNames);
    expect(summary.aggregates.mean?.estimate).toBeCloseTo(375.75, 9);
    expect(summary.aggregates.median?.estimate).toBe(300);
    expect(summary.aggregates.median?.error).toBe(-250);
    expect(summary.aggregates.median?.relError).toBeCloseTo(-250 / 550, 12);
    // without an ability cue the cue strategies are reported as not computed, not as the mean/median
    for (const name of ['selectCrowd', 'bestEmotionSubset']) {
      expect(summary.aggregates[name], name).toEqual({
        estimate: null,
        reason: expect.stringMatching(/^no (ability cue|group labels)/),
      });
    }
    expect(JSON.parse(JSON.stringify(summary.aggregates.selectCrowd))).toEqual(
      summary.aggregates.selectCrowd,
    );
  });

  it('draws no subset curve for a strategy that is not computed, and names it with the reason', () => {
    const withoutCue = summarizeEstimates({ values }, 550, {
      strategies: ['mean', 'selectCrowd'],
      subsets: { B: 50 },
    });
    expect(withoutCue.subsets?.strategies.map((s) => s.name)).toEqual(['mean']);
    expect(withoutCue.subsets?.notComputed).toEqual([
      { name: 'selectCrowd', label: expect.any(String), reason: expect.stringMatching(/no ability cue/) },
    ]);
    // with a cue the same strategy computes normally: the 5 judges with the lowest cue
    const cue = values.map((x) => Math.abs(Math.log(x / 500)));
    const withCue = summarizeEstimates({ values, cue }, 550, {
      strategies: ['mean', 'selectCrowd'],
      subsets: { B: 50 },
    });
    const chosen = values
      .map((x, i) => ({ x, c: cue[i] as number, i }))
      .sort((a, b) => a.c - b.c || a.i - b.i)
      .slice(0, 5);
    expect(withCue.aggregates.selectCrowd?.estimate).toBeCloseTo(chosen.reduce((s, j) => s + j.x, 0) / 5, 9);
    expect(withCue.subsets?.strategies.map((s) => s.name)).toEqual(['mean', 'selectCrowd']);
    expect(withCue.subsets?.notComputed).toEqual([]);
  });

  it('reports the documented metrics with consistent values', () => {
    const m = summary.metrics;
    expect(Object.keys(m)).toEqual(METRIC_KEYS);
    expect(m.n).toBe(40);
    expect(m.collectiveError).toBeCloseTo((375.75 - 550) ** 2, 6);
    expect(m.collectiveError).toBeCloseTo(m.averageIndividualError - m.diversity, 6);
    expect(m.logCollectiveError).toBeCloseTo(m.logAverageIndividualError - m.logDiversity, 9);
    const below = values.filter((x) => x < 550).length;
    const above = values.filter((x) => x > 550).length;
    const equal = values.filter((x) => x === 550).length;
    expect(m.wocIndicator).toBe(Math.min(below + equal, above + equal));
    expect(m.wocIndicatorTies).toBe('both');
    const strict = summarizeEstimates({ values }, 550, { strategies: ['mean'], wocTies: 'strict' }).metrics;
    expect([strict.wocIndicator, strict.wocIndicatorTies]).toEqual([Math.min(below, above), 'strict']);
    expect(m.bracketingRate).toBeCloseTo((below * above) / ((40 * 39) / 2), 12);
    expect(m.ratioMedian).toBeCloseTo(300 / 550, 12);
    // |300 - 550| = 250: judges farther than 250 from the truth are those below 300 or above 800
    expect(m.beatenByMedian).toBeCloseTo(values.filter((x) => Math.abs(x - 550) > 250).length / 40, 12);
    expect(m.tiesWithMedian).toBeCloseTo(values.filter((x) => Math.abs(x - 550) === 250).length / 40, 12);
    expect(m.hyperAccuracy).toBe(false);
    expect(m.roundNumberShare).toBeGreaterThan(0.5);
    expect(summary.subsets).toBeUndefined();
    expect(summary.groups).toBeUndefined();
  });

  it('adds subsets, breakdowns and effect sizes on request', () => {
    const labels = values.map((x) => (x >= 300 ? 'high' : 'low'));
    const full = summarizeEstimates({ values, groups: { half: labels } }, 550, {
      strategies: ['mean', 'median'],
      subsets: { B: 100 },
      groups: true,
      bootstrap: 200,
      seed: 9,
    });
    expect(full.subsets?.strategies.map((s) => s.name)).toEqual(['mean', 'median']);
    expect(full.subsets?.B).toBe(100);
    expect(full.groups?.half?.groups.map((g) => g.label)).toEqual(['high', 'low']);
    expect(full.effectSizes?.[0]?.dimension).toBe('half');
    expect(JSON.parse(JSON.stringify(full)).metrics.n).toBe(40);
  });

  it('rejects malformed input', () => {
    expect(() => summarizeEstimates({ values: [1, Number.NaN] }, 5)).toThrow(/values\[1\]/);
    expect(() => summarizeEstimates({ values: [1, 2], confidence: [0.5] }, 5)).toThrow(/confidence has 1/);
    expect(() => summarizeEstimates({ values: [1, 2], groups: { emotion: ['joy'] } }, 5)).toThrow(
      /groups.emotion/,
    );
    expect(() => summarizeEstimates({ values: [] }, 5)).toThrow(RangeError);
  });
});
