import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RoundAnalysis } from '@emocrowd/crowd';
import { crowdDataPath } from '@emocrowd/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'emocrowd-rounds-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCli(argv, { cwd: dir, env: { NO_COLOR: '1' } });
  return { code, out: stdout, err: stderr };
}

type RoundsJson = RoundAnalysis & { splitBy: string[]; groupBy: string[]; notes: string[] };

const becker = [
  'analyze',
  '--input',
  crowdDataPath('becker_2017.csv'),
  '--rounds',
  'response_1,response_2,response_3',
  '--shown-columns',
  'mean.neighbor.time1,mean.neighbor.time2',
  '--truth-column',
  'truth',
  '--split-by',
  'task,group_number',
  '--group-by',
  'network',
];

describe('emocrowd analyze --rounds', () => {
  it('reports per network how many Becker et al. 2017 groups improved, with the test between networks', async () => {
    const { code, out, err } = await cli(...becker, '--json');
    expect(code, err).toBe(0);
    const report = JSON.parse(out) as RoundsJson;
    expect(report.splitBy).toEqual(['task', 'group_number']);
    expect(report.crowds).toHaveLength(152);
    const first = report.crowds[0];
    expect(first?.key).toEqual({ task: '1e', group_number: '1' });
    expect(first?.rounds.map((r) => r.column)).toEqual(['response_1', 'response_2', 'response_3']);
    expect(first?.rounds[0]?.summary?.subsets).toBeUndefined();
    expect(
      report.roundEffects.map(({ group, crowds, meanImproved, medianImproved }) => ({
        group,
        crowds,
        meanImproved,
        medianImproved,
      })),
    ).toEqual([
      { group: 'Centralized', crowds: 59, meanImproved: 28, medianImproved: 29 },
      { group: 'Decentralized', crowds: 59, meanImproved: 41, medianImproved: 41 },
      { group: 'Solo', crowds: 34, meanImproved: 16, medianImproved: 13 },
    ]);
    expect(report.roundEffectTests[0]?.chiSquare.p).toBeCloseTo(0.0272451, 6);
    const text = await cli(...becker);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Decentralized\s+59\s+41 \(69%\)\s+41 \(69%\)/);
    expect(text.out).toMatch(/mean: chi-square\(2\) = 7\.21, p = 0\.027/);
  });

  it('gives the Lorenz et al. 2011 trajectories per information condition', async () => {
    const { code, out, err } = await cli(
      'analyze',
      '--input',
      crowdDataPath('lorenz_2011.csv'),
      '--rounds',
      'E1,E2,E3,E4,E5',
      '--truth-column',
      'Truth',
      '--split-by',
      'Session_Date,Question',
      '--group-by',
      'Information_Condition',
      '--json',
    );
    expect(code, err).toBe(0);
    const report = JSON.parse(out) as RoundsJson;
    const woc = Object.fromEntries(
      report.roundEffects.map((e) => [
        e.group,
        e.trajectory.map((p) => Number(p.wocIndicatorMean.toFixed(2))),
      ]),
    );
    expect(woc).toEqual({
      no: [3.79, 4.21, 3.71, 3.96, 3.79],
      aggregated: [3.13, 2.83, 2.83, 2.42, 2.04],
      full: [3.58, 3.25, 2.71, 3, 2.75],
    });
  });

  it('follows a multi-round run round by round (long: round column, persona, shown)', async () => {
    const run = await cli(
      'run',
      '--personas',
      '40',
      '--rounds',
      '3',
      '--influence',
      'neighbours',
      '--network',
      'random-regular:4',
      '--subsets',
      '0',
      '--quiet',
      '--out',
      'runs/net',
    );
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/revision w \(median\)/);
    const { code, out, err } = await cli(
      'analyze',
      '--input',
      'runs/net',
      '--round-column',
      'round',
      '--json',
    );
    expect(code, err).toBe(0);
    const report = JSON.parse(out) as RoundsJson;
    expect(report.rounds).toEqual(['0', '1', '2']);
    expect(report.crowds).toHaveLength(1);
    const transitions = report.crowds[0]?.transitions ?? [];
    expect(transitions.map((t) => t.revised)).toEqual([expect.any(Number), expect.any(Number)]);
    expect(transitions[0]?.revised).toBeGreaterThan(30);
    expect(transitions[0]?.revisionWeightMedian).toBeGreaterThan(0);
    expect(transitions[0]?.revisionWeightMedian).toBeLessThan(1);
  });

  it('refuses contradictory or incomplete round flags with one line and exit 2', async () => {
    const file = join(dir, 'long.csv');
    writeFileSync(file, 'who,round,x\na,1,3\na,2,4\n');
    const cases: [string[], RegExp][] = [
      [[...becker, '--column', 'response_1'], /--column is for one round/],
      [
        ['analyze', '--input', file, '--round-column', 'round', '--column', 'x', '--truth', '5'],
        /--respondent-column/,
      ],
      [['analyze', '--input', file, '--rounds', 'x', '--truth', '5'], /at least two columns/],
      [
        ['analyze', '--input', file, '--column', 'x', '--truth', '5', '--shown-column', 'x'],
        /--shown-column needs --rounds or --round-column/,
      ],
      [
        ['analyze', '--input', file, '--rounds', 'x,round', '--round-column', 'round', '--truth', '5'],
        /either --rounds .* or --round-column/,
      ],
    ];
    for (const [args, message] of cases) {
      const { code, err } = await cli(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).toMatch(message);
    }
  });
});
