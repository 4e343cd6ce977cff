import { readFileSync } from 'node:fs';
import { crowdDataPath } from '@emocrowd/data';
import { describe, expect, it } from 'vitest';
import { summarizeEstimates } from '../analysis/summarizeEstimates.js';
import { extractCrowds } from './extractCrowds.js';
import { parseCsvTable } from './parseCsvTable.js';
import { parseEstimateCell } from './parseEstimateCell.js';

const crowdFile = (name: string): string => crowdDataPath(name);
const table = (name: string) => parseCsvTable(readFileSync(crowdFile(name), 'utf8'), name);

describe('parseEstimateCell', () => {
  it('reads numbers and says why other cells are not', () => {
    expect(parseEstimateCell(' 162.5 ')).toBe(162.5);
    expect(parseEstimateCell('1,194')).toBe(1194);
    expect(parseEstimateCell('-3e2')).toBe(-300);
    expect(parseEstimateCell(7)).toBe(7);
    expect(parseEstimateCell('')).toBe('empty');
    expect(parseEstimateCell(null)).toBe('empty');
    expect(parseEstimateCell('NA')).toBe('missing');
    expect(parseEstimateCell('NaN')).toBe('missing');
    expect(parseEstimateCell('about 300')).toBe('text');
    expect(parseEstimateCell('0x10')).toBe('text');
    expect(parseEstimateCell('Infinity')).toBe('text');
  });
});

describe('extractCrowds on published data', () => {
  it('Silver et al. jelly beans Jb1, E1: n 67, mean 162.7, median 150, geometric mean 141.0 (README values)', () => {
    const { crowds } = extractCrowds(table('silver_jellybean_Jb1.csv'), { column: 'E1', truth: 250 });
    expect(crowds).toHaveLength(1);
    const crowd = crowds[0]!;
    expect(crowd.sample.values).toHaveLength(67);
    expect(crowd.skipped.total).toBe(0);
    const summary = summarizeEstimates(crowd.sample, crowd.truth, {
      strategies: ['mean', 'median', 'geometricMean'],
    });
    expect(summary.aggregates.mean?.estimate).toBeCloseTo(162.7, 1);
    expect(summary.aggregates.median?.estimate).toBe(150);
    expect(summary.aggregates.geometricMean?.estimate).toBeCloseTo(141.0, 1);
  });

  it('Becker et al. 2017: several truths are refused with a hint, and split or filtered per task', () => {
    const becker = table('becker_2017.csv');
    expect(() => extractCrowds(becker, { column: 'response_1', truthColumn: 'truth' })).toThrow(
      /holds \d+ different truths .*--filter task=|--group-by .*task/,
    );
    const split = extractCrowds(becker, {
      column: 'response_1',
      truthColumn: 'truth',
      groupBy: ['task', 'network'],
    });
    expect(split.splitBy).toEqual(['task']);
    expect(split.breakdownBy).toEqual(['network']);
    expect(new Set(split.crowds.map((c) => c.label)).size).toBe(split.crowds.length);
    const rowsInCrowds = split.crowds.reduce((s, c) => s + c.rows, 0);
    expect(rowsInCrowds).toBe(becker.rows.length);

    // README: Solo, task 1a, response_1, n = 40, truth 550: mean 375.8, median 300.
    const solo = extractCrowds(becker, {
      column: 'response_1',
      truthColumn: 'truth',
      filters: [
        { column: 'task', value: '1a' },
        { column: 'network', value: 'Solo' },
      ],
    });
    const crowd = solo.crowds[0]!;
    expect(crowd.truth).toBe(550);
    expect(crowd.sample.values).toHaveLength(40);
    const summary = summarizeEstimates(crowd.sample, crowd.truth, { strategies: ['mean', 'median'] });
    expect(summary.aggregates.mean?.estimate).toBe(375.75); // 375.8 rounded
    expect(summary.aggregates.median?.estimate).toBe(300);
  });

  it('--split-by makes every combination its own crowd, before the group-by columns', () => {
    const becker = table('becker_2017.csv');
    const groups = extractCrowds(becker, {
      column: 'response_1',
      truthColumn: 'truth',
      splitBy: ['task', 'group_number'],
      groupBy: ['network'],
    });
    expect(groups.crowds).toHaveLength(152);
    expect(groups.splitBy).toEqual(['task', 'group_number']);
    expect(groups.breakdownBy).toEqual(['network']);
    const solo = groups.crowds.find((c) => c.key.task === '1a' && c.sample.groups?.network?.[0] === 'Solo');
    expect(solo?.sample.values).toHaveLength(40);
    // still split further when the forced columns do not make the truth constant
    const network = extractCrowds(becker, {
      column: 'response_1',
      truthColumn: 'truth',
      splitBy: ['network'],
      groupBy: ['task'],
    });
    expect(network.splitBy).toEqual(['network', 'task']);
  });

  it('counts NA rows of Becker et al. instead of dropping them silently', () => {
    const becker = table('becker_2017.csv');
    const { crowds } = extractCrowds(becker, {
      column: 'response_3',
      truthColumn: 'truth',
      groupBy: ['task'],
    });
    const skipped = crowds.reduce((s, c) => s + c.skipped.missing, 0);
    const kept = crowds.reduce((s, c) => s + c.sample.values.length, 0);
    const naRows = becker.rows.filter((row) => row[becker.columns.indexOf('response_3')] === 'NA').length;
    expect(naRows).toBeGreaterThan(0);
    expect(skipped).toBe(naRows);
    expect(kept + skipped).toBe(becker.rows.length);
    const example = crowds.find((c) => c.skipped.examples.length > 0)?.skipped.examples[0];
    expect(example).toMatchObject({ column: 'response_3', value: 'NA', reason: 'missing' });
  });
});

describe('extractCrowds', () => {
  const t = parseCsvTable(
    'q,g,est,conf\nA,x,10,0.5\nA,y,,0.2\nA,x,about 3,1\nA,y,30,NA\nB,x,NA,1\n',
    'mini.csv',
  );

  it('reports every skipped row by reason with its line, and keeps confidence and groups aligned', () => {
    const { crowds } = extractCrowds(t, {
      column: 'est',
      truth: 20,
      groupBy: ['g'],
      confidenceColumn: 'conf',
    });
    const crowd = crowds[0]!;
    expect(crowd.sample.values).toEqual([10, 30]);
    expect(crowd.sample.confidence).toEqual([0.5, undefined]);
    expect(crowd.sample.groups).toEqual({ g: ['x', 'y'] });
    expect(crowd.skipped).toMatchObject({ total: 3, empty: 1, text: 1, missing: 1, truth: 0 });
    expect(crowd.skipped.examples.map((e) => e.line)).toEqual([3, 4, 6]);
  });

  it('names the unknown column and the columns there are; needs a truth; refuses an empty filter', () => {
    expect(() => extractCrowds(t, { column: 'nope', truth: 1 })).toThrow(
      /no column "nope" \(--column\); columns: q, g, est, conf/,
    );
    expect(() => extractCrowds(t, { column: 'est' })).toThrow(/--truth X or --truth-column/);
    expect(() =>
      extractCrowds(t, { column: 'est', truth: 1, filters: [{ column: 'q', value: 'C' }] }),
    ).toThrow(/no row matches --filter q=C; q takes A, B/);
  });
});
