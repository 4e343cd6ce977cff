import { readFileSync } from 'node:fs';
import { crowdDataPath } from '@emocrowd/data';
import { createRng } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { extractCrowds } from '../import/extractCrowds.js';
import { parseCsvTable } from '../import/parseCsvTable.js';
import type { CrowdSample } from '../stats/CrowdSample.js';
import { checkSample } from '../stats/checkSample.js';
import { subsetSample } from '../stats/subsetSample.js';
import { getStrategy, resolveStrategies, strategies, strategyNames } from './strategies.js';

/** A crowd data file's rows as column -> cell text, read with the project's CSV parser. */
function readCsv(path: string): Record<string, string>[] {
  const table = parseCsvTable(readFileSync(path, 'utf8'), path);
  return table.rows.map((row) => Object.fromEntries(table.columns.map((name, i) => [name, String(row[i])])));
}

/** A strategy's estimate; throws when it is not computed for the sample. */
function estimate(name: string, sample: CrowdSample, options?: Record<string, unknown>): number {
  const result = getStrategy(name).aggregate(sample, options);
  if (result.estimate === null) throw new Error(`${name} is not computed: ${result.reason}`);
  return result.estimate;
}

describe('registry', () => {
  it('lists every strategy once, documented, and finds them by name', () => {
    expect(new Set(strategyNames).size).toBe(strategies.length);
    expect(strategyNames).toEqual(
      expect.arrayContaining([
        'mean',
        'median',
        'geometricMean',
        'trimmedMean',
        'winsorizedMean',
        'kdeMode',
        'confidenceWeightedMean',
        'precisionWeightedMean',
        'selectCrowd',
        'bestEmotionSubset',
      ]),
    );
    for (const s of strategies) {
      expect(s.label.length).toBeGreaterThan(0);
      expect(s.description.length).toBeGreaterThan(10);
      expect(s.source).toMatch(/\d{4}/);
    }
    expect(() => getStrategy('vibes')).toThrow(/unknown strategy "vibes"; known: mean, median/);
    const custom = { ...getStrategy('mean'), name: 'custom' };
    expect(resolveStrategies(['median', custom]).map((s) => s.name)).toEqual(['median', 'custom']);
  });
});

describe('real crowds', () => {
  it('Silver, Mellers & Tetlock jelly beans Jb1, first estimates (n 67, truth 250)', () => {
    const rows = readCsv(crowdDataPath('silver_jellybean_Jb1.csv'));
    const sample = { values: rows.map((r) => Number(r.E1)) };
    expect(sample.values).toHaveLength(67);
    expect(Number(rows[0]?.Correct)).toBe(250);
    expect(estimate('mean', sample)).toBeCloseTo(162.7, 1);
    expect(estimate('median', sample)).toBe(150);
    expect(estimate('geometricMean', sample)).toBeCloseTo(141.0, 1);
    // robust strategies sit between the median and the mean on this right-skewed crowd
    const trimmed = estimate('trimmedMean', sample);
    expect(trimmed).toBeGreaterThan(150);
    expect(trimmed).toBeLessThan(162.7);
  });

  it('Becker, Brackbill & Centola 2017, Solo task 1a, first responses (n 40, truth 550)', () => {
    const rows = readCsv(crowdDataPath('becker_2017.csv')).filter(
      (r) => r.network === 'Solo' && r.task === '1a',
    );
    const sample = { values: rows.map((r) => Number(r.response_1)) };
    expect(sample.values).toHaveLength(40);
    expect(Number(rows[0]?.truth)).toBe(550);
    expect(Math.round(estimate('mean', sample) * 10) / 10).toBe(375.8);
    expect(estimate('median', sample)).toBe(300);
    const kde = estimate('kdeMode', sample);
    expect(kde).toBeGreaterThan(150);
    expect(kde).toBeLessThan(450);
  });
});

describe('confidence-weighted mean on human confidence scales', () => {
  /** One question's crowd with its confidence column, read with the project's CSV pipeline. */
  function crowd(
    file: string,
    column: string,
    confidenceColumn: string,
    filter?: [string, string],
  ): CrowdSample {
    const path = crowdDataPath(file);
    const { crowds } = extractCrowds(parseCsvTable(readFileSync(path, 'utf8'), path), {
      column,
      truth: 1,
      confidenceColumn,
      ...(filter ? { filters: [{ column: filter[0], value: filter[1] }] } : {}),
    });
    return crowds[0]?.sample ?? { values: [] };
  }

  // Expected values: sum(c*x)/sum(c) over the rows with a number, computed with Python's csv
  // module from the same files (rows whose estimate is NA or empty left out).
  it.each([
    [
      'Lorenz et al. 2011, question 1, E1 by C1 (a 1-6 rating)',
      'lorenz_2011.csv',
      'E1',
      'C1',
      ['Question', '1'],
      144,
      2889.2904109589,
    ],
    [
      'Silver et al. 2021, jar 1, E1 by C1 (a 1-7 rating)',
      'silver_jellybean_Jb1.csv',
      'E1',
      'C1',
      undefined,
      67,
      164.6402640264,
    ],
    [
      'calorie quiz, q1 by conf (0-100)',
      'clulab_calorie/responses.csv',
      'q1',
      'conf',
      undefined,
      1821,
      101.176262352,
    ],
  ] as const)('%s', (_name, file, column, confidenceColumn, filter, n, expected) => {
    const sample = crowd(file, column, confidenceColumn, filter ? [filter[0], filter[1]] : undefined);
    expect(sample.values).toHaveLength(n);
    const confidences = (sample.confidence ?? []).filter((c): c is number => c !== undefined);
    expect(Math.max(...confidences)).toBeGreaterThan(1);
    expect(checkSample(sample)).toBe(sample);
    expect(estimate('confidenceWeightedMean', sample)).toBeCloseTo(expected, 6);
    // the scale does not matter: the same confidences on a 0-1 scale give the same answer
    const top = Math.max(...confidences);
    const rescaled = {
      ...sample,
      confidence: sample.confidence?.map((c) => (c === undefined ? c : c / top)),
    };
    expect(estimate('confidenceWeightedMean', rescaled)).toBeCloseTo(expected, 6);
  });

  it('refuses negative or non-finite confidences with a message naming the judge', () => {
    const bad = { values: [1, 2, 3], confidence: [1, -2, 3] };
    expect(() => checkSample(bad)).toThrow('confidence[1] is -2: confidences are weights, finite and >= 0');
    expect(() => getStrategy('confidenceWeightedMean').aggregate(bad)).toThrow(/confidence\[1\] is -2/);
    expect(() => checkSample({ values: [1], confidence: [Number.POSITIVE_INFINITY] })).toThrow(
      /confidence\[0\]/,
    );
    expect(estimate('confidenceWeightedMean', { values: [10, 20], confidence: [0, 60] })).toBe(20);
  });
});

describe('strategies with side information', () => {
  const sample: CrowdSample = {
    values: [100, 200, 300, 400, 1000, 10],
    confidence: [1, 1, 0, 0, undefined, 0.5],
    cue: [0.1, 0.2, undefined, 0.05, 3, 0.3],
    groups: { emotion: ['joy', 'joy', 'joy', 'fear', 'fear', 'fear'] },
  };

  it('confidence-weighted mean weighs by confidence and drops missing ones', () => {
    const r = getStrategy('confidenceWeightedMean').aggregate(sample);
    expect(r.estimate).toBeCloseTo((100 + 200 + 0.5 * 10) / 2.5, 12);
    expect(r).toMatchObject({ dropped: 1 });
    const plain = getStrategy('confidenceWeightedMean').aggregate({ values: [1, 3] });
    expect(plain).toMatchObject({ estimate: 2, note: expect.stringMatching(/plain mean/) });
  });

  it('select crowd averages the k judges with the lowest cue', () => {
    expect(estimate('selectCrowd', sample, { k: 2 })).toBe((400 + 100) / 2);
    expect(estimate('selectCrowd', sample)).toBe((400 + 100 + 200 + 10 + 1000) / 5);
  });

  it('select crowd and best emotion subset are not computed without an ability cue', () => {
    const noCue = { values: [1, 5, 9], groups: { emotion: ['joy', 'joy', 'joy'] } };
    for (const name of ['selectCrowd', 'bestEmotionSubset']) {
      const result = getStrategy(name).aggregate(noCue);
      expect(result, name).toEqual({ estimate: null, reason: expect.stringMatching(/no ability cue/) });
      // an array of cues none of which is measured is no cue either
      expect(
        getStrategy(name).aggregate({ ...noCue, cue: [undefined, undefined, undefined] }).estimate,
      ).toBeNull();
    }
    expect(getStrategy('bestEmotionSubset').aggregate({ values: [1, 2, 9], cue: [1, 2, 3] })).toEqual({
      estimate: null,
      reason: expect.stringMatching(/no group labels/),
    });
    // cues, but no group with 3 cued judges: no group can be chosen
    expect(
      getStrategy('bestEmotionSubset').aggregate({ ...noCue, cue: [0.1, undefined, undefined] }),
    ).toEqual({ estimate: null, reason: 'no emotion group with >= 3 judges that have an ability cue' });
    // with one cued judge the select crowd is that judge, and says how few there were
    const one = getStrategy('selectCrowd').aggregate({ ...noCue, cue: [undefined, 0.2, undefined] });
    expect(one).toEqual({ estimate: 5, dropped: 2, note: 'only 1 judge(s) with a cue' });
  });

  it('best emotion subset takes the median of the group with the best median cue', () => {
    // joy cues {0.1, 0.2} (median 0.15), fear {0.05, 3, 0.3} (median 0.3); joy needs minGroupSize 2
    const r = getStrategy('bestEmotionSubset').aggregate(sample, { minGroupSize: 2 });
    expect(r).toMatchObject({ estimate: 200, dropped: 3, note: expect.stringMatching(/emotion "joy"/) });
    // with the default minimum of 3 cued judges only fear is eligible
    expect(estimate('bestEmotionSubset', sample)).toBe(400);
  });

  it('precision-weighted mean favours the tighter group', () => {
    const tight = {
      values: [100, 101, 99, 100, 300, 500, 100, 700],
      groups: { emotion: ['calm', 'calm', 'calm', 'calm', 'rage', 'rage', 'rage', 'rage'] },
    };
    // calm: mean 100, s² 2/3 but floored at 1% of the overall sample variance; rage: mean 400, s² 200000/3
    const overall = tight.values.reduce((s, x) => s + (x - 250) ** 2, 0) / 7;
    const wCalm = 4 / Math.max(2 / 3, 0.01 * overall);
    const wRage = 4 / (200000 / 3);
    expect(estimate('precisionWeightedMean', tight)).toBeCloseTo(
      (wCalm * 100 + wRage * 400) / (wCalm + wRage),
      9,
    );
    expect(estimate('precisionWeightedMean', tight)).toBeLessThan(103);
    expect(estimate('mean', tight)).toBe(250);
    expect(getStrategy('precisionWeightedMean').aggregate({ values: [1, 2] })).toMatchObject({
      note: expect.stringMatching(/no group labels/),
    });
  });

  it('geometric mean and kde mode report dropped non-positive values', () => {
    const r = getStrategy('geometricMean').aggregate({ values: [10, 1000, 0, -5] });
    expect(r.estimate).toBeCloseTo(100, 10);
    expect(r).toMatchObject({ dropped: 2 });
    expect(getStrategy('kdeMode').aggregate({ values: [10, 0] })).toMatchObject({ dropped: 1 });
  });
});

describe('incremental (prefix) forms', () => {
  it('give the same estimate as aggregating each prefix from scratch', () => {
    const rng = createRng('prefix-equivalence');
    const n = 400;
    const emotions = ['joy', 'fear', 'anger', 'calm', 'awe'];
    const sample: CrowdSample = {
      values: Array.from(
        { length: n },
        () => Math.round(1000 * Math.exp(0.6 * rng.normal())) - (rng.int(40) === 0 ? 2000 : 0),
      ),
      confidence: Array.from({ length: n }, () => (rng.int(5) === 0 ? undefined : rng.next())),
      cue: Array.from({ length: n }, () => (rng.int(4) === 0 ? undefined : rng.int(20) / 10)),
      groups: { emotion: Array.from({ length: n }, () => emotions[rng.int(emotions.length)] as string) },
    };
    const order = Int32Array.from(rng.shuffle(Array.from({ length: n }, (_, i) => i)));
    const withPrefix = strategies.filter((s) => s.prefix);
    expect(withPrefix.map((s) => s.name)).toEqual(
      expect.arrayContaining(['mean', 'median', 'bestEmotionSubset']),
    );
    for (const strategy of withPrefix) {
      for (const options of [undefined, { alpha: 0.2, k: 3, minGroupSize: 4 }]) {
        const aggregator = strategy.prefix?.(sample, options);
        if (!aggregator) throw new Error('unreachable');
        aggregator.reset();
        let added = 0;
        for (const k of [1, 2, 3, 10, 57, 200, 399, 400]) {
          aggregator.extend(order, added, k);
          added = k;
          // a prefix without what the strategy needs (no cued judge yet) is NaN, like undefined estimates
          const expected =
            strategy.aggregate(subsetSample(sample, order.subarray(0, k)), options).estimate ?? Number.NaN;
          const got = aggregator.estimate();
          if (Number.isNaN(expected)) expect(got, `${strategy.name} k=${k}`).toBeNaN();
          else
            expect(Math.abs(got - expected), `${strategy.name} k=${k}`).toBeLessThan(
              1e-9 * Math.max(1, Math.abs(expected)),
            );
        }
      }
    }
  });
});
