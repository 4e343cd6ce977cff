import { readFileSync } from 'node:fs';
import { crowdDataPath } from '@emocrowd/data';
import { describe, expect, it } from 'vitest';
import type { DataTable } from '../import/DataTable.js';
import { extractBattery } from '../import/extractBattery.js';
import { itemTruths } from '../import/itemTruths.js';
import { parseCsvTable } from '../import/parseCsvTable.js';
import { summarizeBattery } from './summarizeBattery.js';

const table = (name: string): DataTable => parseCsvTable(readFileSync(crowdDataPath(name), 'utf8'), name);
const QUICK = { subsets: false, groups: false, bootstrap: 50, crossItemResamples: 200 } as const;

describe('summarizeBattery on the calorie quiz (wide: q1..q20, truths from questions.csv)', () => {
  const responses = table('clulab_calorie/responses.csv');
  const items = Array.from({ length: 20 }, (_, i) => `q${i + 1}`);
  const truths = itemTruths(table('clulab_calorie/questions.csv'), { column: 'calGold', items });
  const battery = extractBattery(responses, { itemColumns: items, truths });
  const summary = summarizeBattery(battery.items, { ...QUICK, seed: 1 });

  it('reads 20 items and the 2,028 respondents with a number', () => {
    expect(battery.format).toBe('wide');
    expect(battery.items.map((i) => [i.id, i.truth, i.sample.values.length]).slice(0, 2)).toEqual([
      ['q1', 200, 1821],
      ['q2', 300, 1905],
    ]);
    expect(battery.respondents).toBe(2028);
    expect(battery.items[0]?.skipped).toMatchObject({ total: 208, missing: 207, empty: 1 });
  });

  it("agrees with python3 on the mean and the median's mean |ln(x/T)| across the items", () => {
    // python3 (csv, statistics): for each q, the mean and statistics.median of the cells that
    // float() reads (NA and empty cells skipped), then mean over q1..q20 of |ln(aggregate/calGold)|:
    // mean 0.37047017864525933, median 0.3852447408638997.
    expect(summary.crossItem.strategies.mean?.meanAbsLogRatio).toBeCloseTo(0.37047017864525933, 12);
    expect(summary.crossItem.strategies.median?.meanAbsLogRatio).toBeCloseTo(0.3852447408638997, 12);
    expect(summary.crossItem.items).toBe(20);
  });

  it('computes the select crowd from skill on the other items, and it differs from the mean and median', () => {
    for (const item of summary.items) {
      const a = item.summary?.aggregates;
      expect(a?.selectCrowd?.estimate).toBeTypeOf('number');
      expect(a?.selectCrowd?.estimate).not.toBe(a?.mean?.estimate);
      expect(a?.selectCrowd?.estimate).not.toBe(a?.median?.estimate);
    }
    expect(summary.crossItem.strategies.selectCrowd?.items).toBe(20);
    expect(summary.skill.n).toBe(2028);
    expect(summary.skill.reliability.spearmanBrown).toBeGreaterThan(0.3);
  });
});

describe('summarizeBattery: the cue of an item never sees that item (no leakage)', () => {
  const lorenz = table('lorenz_2011.csv');
  const read = (t: DataTable) =>
    extractBattery(t, {
      itemColumn: 'Question',
      column: 'E1',
      respondentColumn: ['Session_Date', 'Subject'],
      truthColumn: 'Truth',
      groupBy: ['Information_Condition'],
    });
  /** Lorenz's data with question 3's truth multiplied by 4. */
  const changed: DataTable = {
    ...lorenz,
    rows: lorenz.rows.map((row) =>
      row[lorenz.columns.indexOf('Question')] === '3'
        ? row.map((cell, c) => (c === lorenz.columns.indexOf('Truth') ? String(4 * Number(cell)) : cell))
        : row,
    ),
  };
  const options = { ...QUICK, groups: true, seed: 5 } as const;
  const before = summarizeBattery(read(lorenz).items, options);
  const after = summarizeBattery(read(changed).items, options);
  const estimate = (s: typeof before, item: string, strategy: string) =>
    s.items.find((i) => i.id === item)?.summary?.aggregates[strategy]?.estimate;

  it("keeps the changed item's selectCrowd and bestEmotionSubset estimates exactly", () => {
    expect(after.items.find((i) => i.id === '3')?.truth).toBe(4 * 10067);
    for (const strategy of ['selectCrowd', 'bestEmotionSubset']) {
      expect(estimate(before, '3', strategy), strategy).toBeTypeOf('number');
      expect(estimate(after, '3', strategy), strategy).toBe(estimate(before, '3', strategy));
    }
  });

  it("moves other items' cue-strategy estimates: their cue is measured on item 3 among others", () => {
    const moved = ['1', '2', '4', '5', '6'].filter(
      (item) =>
        estimate(after, item, 'selectCrowd') !== estimate(before, item, 'selectCrowd') ||
        estimate(after, item, 'bestEmotionSubset') !== estimate(before, item, 'bestEmotionSubset'),
    );
    expect(moved.length).toBeGreaterThan(0);
    // Strategies without a cue do not depend on other items at all.
    for (const item of ['1', '2', '4', '5', '6'])
      expect(estimate(after, item, 'median')).toBe(estimate(before, item, 'median'));
  });
});

describe('summarizeBattery cue sources and edge cases', () => {
  const t: DataTable = {
    source: 'cue.csv',
    columns: ['who', 'q', 'x', 'T', 'calibration'],
    rows: [
      ['a', '1', '10', '10', '0.1'],
      ['b', '1', '30', '10', '0.9'],
      ['c', '1', '12', '10', '0.2'],
      ['a', '2', '50', '40', '0.1'],
      ['b', '2', '20', '40', '0.9'],
      ['c', '2', '44', '40', '0.2'],
    ],
  };
  const read = (cueColumn?: string) =>
    extractBattery(t, {
      itemColumn: 'q',
      column: 'x',
      respondentColumn: 'who',
      truthColumn: 'T',
      ...(cueColumn ? { cueColumn } : {}),
    });

  it('uses a cue column when given, the other items otherwise', () => {
    const given = summarizeBattery(read('calibration').items, {
      ...QUICK,
      cue: 'given',
      strategyOptions: { selectCrowd: { k: 2 } },
    });
    // Cue column: a (0.1) and c (0.2) are chosen on both items.
    expect(given.items[0]?.summary?.aggregates.selectCrowd?.estimate).toBe(11);
    expect(given.items[1]?.summary?.aggregates.selectCrowd?.estimate).toBe(47);
    const other = summarizeBattery(read().items, { ...QUICK, strategyOptions: { selectCrowd: { k: 1 } } });
    // Item 1's cue is item 2's error: |ln(50/40)| = 0.223 (a), |ln(20/40)| = 0.693 (b), |ln(44/40)| = 0.095 (c).
    expect(other.items[0]?.summary?.aggregates.selectCrowd?.estimate).toBe(12);
    // Item 2's cue is item 1's error: a 0, b 1.099, c 0.182.
    expect(other.items[1]?.summary?.aggregates.selectCrowd?.estimate).toBe(50);
  });

  it('has no cue for a battery of one item, so the cue strategies are not computed', () => {
    const none = summarizeBattery([], QUICK);
    expect(none.items).toEqual([]);
    expect(none.crossItem.ranking).toEqual([]);
    expect(none.skill.n).toBe(0);
    const single = summarizeBattery(read().items.slice(0, 1), QUICK);
    expect(single.items[0]?.summary?.aggregates.selectCrowd).toEqual({
      estimate: null,
      reason: 'no ability cue measured on other items',
    });
    expect(single.crossItem.notComputed.map((n) => n.name)).toContain('selectCrowd');
  });

  it('needs a respondent column and a truth for every item of a long table', () => {
    expect(() => extractBattery(t, { itemColumn: 'q', column: 'x', truthColumn: 'T' })).toThrow(
      /--respondent-column/,
    );
    expect(() => extractBattery(t, { itemColumn: 'q', column: 'x', respondentColumn: 'who' })).toThrow(
      /cue\.csv: no truth for item 1; give a truth file/,
    );
    expect(() => itemTruths(t, { column: 'T', items: ['1', '2'] })).toThrow(/6 rows of truths for 2 items/);
  });
});
