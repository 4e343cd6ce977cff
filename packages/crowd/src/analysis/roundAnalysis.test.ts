import { readFileSync } from 'node:fs';
import { crowdDataPath } from '@emocrowd/data';
import { describe, expect, it } from 'vitest';
import { extractRoundCrowds } from '../import/extractRoundCrowds.js';
import { parseCsvTable } from '../import/parseCsvTable.js';
import { roundAnalysis } from './roundAnalysis.js';

const table = (name: string) => parseCsvTable(readFileSync(crowdDataPath(name), 'utf8'), name);

describe('roundAnalysis on Becker, Brackbill & Centola 2017 (becker_2017.csv)', () => {
  const crowds = extractRoundCrowds(table('becker_2017.csv'), {
    rounds: ['response_1', 'response_2', 'response_3'],
    truthColumn: 'truth',
    splitBy: ['task', 'group_number'],
    groupBy: ['network'],
    shownColumns: ['mean.neighbor.time1', 'mean.neighbor.time2'],
  }).crowds;
  const report = roundAnalysis(crowds);
  const effect = (group: string) => report.roundEffects.find((e) => e.group === group);

  it('counts the groups whose error of the mean fell from round 1 to 3: 41/59, 28/59, 16/34', () => {
    expect(report.crowds).toHaveLength(152);
    // Independent count (Python, csv + statistics): mean of each round's available answers,
    // |mean_3 - T| < |mean_1 - T| per (network, group_number, task).
    expect(effect('Decentralized')).toMatchObject({ crowds: 59, meanImproved: 41, medianImproved: 41 });
    expect(effect('Centralized')).toMatchObject({ crowds: 59, meanImproved: 28, medianImproved: 29 });
    expect(effect('Solo')).toMatchObject({ crowds: 34, meanImproved: 16, medianImproved: 13 });
    expect(report.roundEffects.map((e) => e.group)).toEqual(['Centralized', 'Decentralized', 'Solo']);
  });

  it('tests the difference between networks (chi-square over the three, Fisher per pair; SciPy values)', () => {
    const mean = report.roundEffectTests.find((t) => t.outcome === 'meanImproved');
    expect(mean?.chiSquare.statistic).toBeCloseTo(7.205762519290239, 9);
    expect(mean?.chiSquare.p).toBeCloseTo(0.027245109015689883, 9);
    const pair = mean?.pairwise.find((p) => p.a === 'Centralized' && p.b === 'Decentralized');
    expect(pair?.p).toBeCloseTo(0.024514132732016664, 9);
    const median = report.roundEffectTests.find((t) => t.outcome === 'medianImproved');
    expect(median?.chiSquare.p).toBeCloseTo(0.007995065789021844, 9);
  });

  it('computes revision weights where the neighbours’ mean was shown, pooled per network', () => {
    // Python: w = (x2 - x1) / (mean.neighbor.time1 - x1) over respondents with x1, x2 and a shown value != x1.
    const decentralized = effect('Decentralized')?.transitions;
    expect(decentralized?.[0]).toMatchObject({
      from: 'response_1',
      to: 'response_2',
      revised: 2171,
      paired: 2190,
    });
    expect(decentralized?.[0]?.revisionWeightMean).toBeCloseTo(1.428239, 5);
    expect(decentralized?.[0]?.revisionWeightMedian).toBeCloseTo(0.369687, 5);
    expect(decentralized?.[0]?.movedCloser).toBeCloseTo(0.536986, 5);
    expect(decentralized?.[1]?.revisionWeightMedian).toBeCloseTo(0.178441, 5);
    const centralized = effect('Centralized')?.transitions;
    expect(centralized?.[0]?.revised).toBe(2022);
    expect(centralized?.[0]?.revisionWeightMedian).toBeCloseTo(0.35, 9);
    expect(centralized?.[1]?.revisionWeightMedian).toBeCloseTo(0.071429, 5);
    // Solo groups saw nothing: no revision weight, but the individual changes are there.
    expect(effect('Solo')?.transitions[0]).toMatchObject({ revised: 0, paired: 1279 });
    expect(effect('Solo')?.transitions[0]?.revisionWeightMedian).toBeNaN();
  });

  it('reports each round of each crowd with the single-question summary', () => {
    const first = report.crowds.find((c) => c.key.task === '1a' && c.group === 'Solo');
    expect(first?.rounds.map((r) => r.column)).toEqual(['response_1', 'response_2', 'response_3']);
    // Published check value (packages/data/crowds/README.md): Solo 1a, response_1, n 40, mean 375.8, median 300.
    expect(first?.rounds[0]?.n).toBe(40);
    expect(first?.rounds[0]?.summary?.aggregates.mean?.estimate).toBeCloseTo(375.75, 9);
    expect(first?.rounds[0]?.summary?.aggregates.median?.estimate).toBe(300);
    expect(first?.transitions).toHaveLength(2);
    expect(first?.overall?.from).toBe('response_1');
    expect(first?.overall?.to).toBe('response_3');
  });
});

describe('roundAnalysis on Lorenz, Rauhut, Schweitzer & Helbing 2011 (lorenz_2011.csv)', () => {
  const source = table('lorenz_2011.csv');
  const crowds = extractRoundCrowds(source, {
    rounds: ['E1', 'E2', 'E3', 'E4', 'E5'],
    truthColumn: 'Truth',
    splitBy: ['Session_Date', 'Question'],
    groupBy: ['Information_Condition'],
  }).crowds;
  const report = roundAnalysis(crowds);
  const trajectory = (group: string) => report.roundEffects.find((e) => e.group === group)?.trajectory ?? [];

  it('gives 24 sessions x questions of 12 people per information condition', () => {
    expect(report.roundEffects.map((e) => [e.group, e.crowds])).toEqual([
      ['no', 24],
      ['aggregated', 24],
      ['full', 24],
    ]);
    expect(new Set(report.crowds.map((c) => c.respondents))).toEqual(new Set([12]));
  });

  it('reproduces the per-session WOC indicator: 3.12 -> 2.04 (aggregated), 3.58 -> 2.75 (full), 3.79 (control)', () => {
    // Mean over the 24 sessions x questions of min(#below T, #above T) in round E1 and E5.
    // No answer of the file equals its truth, so the strict rule and the rule counting ties on
    // both sides give these same numbers.
    const ties = crowds.reduce(
      (count, crowd) =>
        count + crowd.values.reduce((c, round) => c + round.filter((x) => x === crowd.truth).length, 0),
      0,
    );
    expect(ties).toBe(0);
    const woc = (group: string) => trajectory(group).map((p) => p.wocIndicatorMean);
    // Python (csv + statistics) over the same groups: [3.125, 2.833, 2.833, 2.417, 2.042] etc.
    expect(woc('aggregated')).toEqual([75 / 24, 68 / 24, 68 / 24, 58 / 24, 49 / 24]);
    expect(woc('full')).toEqual([86 / 24, 78 / 24, 65 / 24, 72 / 24, 66 / 24]);
    expect(woc('no')[0]).toBeCloseTo(3.792, 3);
    expect(woc('no')[4]).toBeCloseTo(3.792, 3);
  });

  it('reproduces the plateau of diversity: median log-variance ratio after 4 rounds 0.22 and 0.26', () => {
    // Python: median over sessions x questions of pvariance(ln E5) / pvariance(ln E1) (positive answers).
    const last = (group: string) => trajectory(group)[4]?.logDiversityRatioMedian as number;
    expect(last('aggregated')).toBeCloseTo(0.2185, 4);
    expect(last('full')).toBeCloseTo(0.2559, 4);
    expect(trajectory('aggregated')[0]?.logDiversityRatioMedian).toBe(1);
  });
});

describe('extractRoundCrowds', () => {
  const long = {
    source: 'long.csv',
    columns: ['crowd', 'who', 'round', 'x', 'shown', 'T'],
    rows: [
      ['a', 'p1', '1', '10', '', '20'],
      ['a', 'p2', '1', '30', '', '20'],
      ['a', 'p1', '2', '15', '20', '20'],
      ['a', 'p2', '2', '25', '20', '20'],
      ['b', 'p1', '2', '8', '', '5'],
      ['b', 'p1', '1', '4', '', '5'],
    ],
  };

  it('reads long data: rounds in numeric order, respondents followed, shown from the later row', () => {
    const { crowds, rounds } = extractRoundCrowds(long, {
      roundColumn: 'round',
      column: 'x',
      respondentColumn: 'who',
      truthColumn: 'T',
      splitBy: ['crowd'],
      shownColumn: 'shown',
    });
    expect(rounds).toEqual(['1', '2']);
    expect(crowds.map((c) => c.label)).toEqual(['crowd=a', 'crowd=b']);
    expect([...(crowds[0]?.values[1] ?? [])]).toEqual([15, 25]);
    expect([...(crowds[0]?.shown?.[0] ?? [])]).toEqual([20, 20]);
    expect([...(crowds[1]?.values[0] ?? [])]).toEqual([4]);
    const report = roundAnalysis(crowds);
    // p1: (15 - 10) / (20 - 10) = 0.5; p2: (25 - 30) / (20 - 30) = 0.5
    expect(report.crowds[0]?.transitions[0]).toMatchObject({
      revised: 2,
      revisionWeightMean: 0.5,
      movedCloser: 1,
    });
    expect(report.crowds[0]?.transitions[0]).toMatchObject({
      rangeBefore: 20,
      rangeAfter: 10,
      rangeRatio: 0.5,
    });
  });

  it('refuses what would mix questions, groups or answers, naming the flag', () => {
    expect(() =>
      extractRoundCrowds(long, {
        roundColumn: 'round',
        column: 'x',
        respondentColumn: 'who',
        truthColumn: 'T',
      }),
    ).toThrow(/several truths.*--split-by.*constant within crowd/);
    expect(() =>
      extractRoundCrowds(long, { roundColumn: 'round', column: 'x', respondentColumn: 'crowd', truth: 20 }),
    ).toThrow(/long.csv:2: respondent a answers round 1 twice in crowd all/);
    expect(() =>
      extractRoundCrowds(long, {
        roundColumn: 'round',
        column: 'x',
        respondentColumn: 'who',
        truth: 20,
        groupBy: ['crowd'],
      }),
    ).toThrow(/--group-by crowd takes several values within the crowd all/);
    expect(() => extractRoundCrowds(long, { rounds: ['x'], truth: 1 })).toThrow(/at least two columns/);
    expect(() => extractRoundCrowds(long, { rounds: ['x', 'nope'], truth: 1 })).toThrow(
      /no column "nope" \(--rounds\)/,
    );
    expect(() => extractRoundCrowds(long, { roundColumn: 'round', column: 'x', truth: 1 })).toThrow(
      /--respondent-column/,
    );
    expect(() =>
      extractRoundCrowds(long, { rounds: ['x', 'shown'], truth: 1, shownColumns: ['T', 'T'] }),
    ).toThrow(/one column per transition/);
  });
});
