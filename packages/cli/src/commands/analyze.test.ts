import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crowdDataPath } from '@emocrowd/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

const crowdFile = (name: string): string => crowdDataPath(name);

async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCli(argv, { cwd, env: { NO_COLOR: '1' } });
  return { code, out: stdout, err: stderr };
}

interface AnalyzeJson {
  kind: string;
  splitBy: string[];
  breakdownBy: string[];
  status?: { ok: number; unparsed: number; failed: number };
  crowds: {
    label: string;
    truth: number;
    n: number;
    rows: number;
    skipped: { total: number; missing: number; empty: number; text: number };
    summary: {
      aggregates: Record<string, { estimate: number }>;
      metrics: { n: number };
      subsets?: { B: number };
      groups?: Record<string, unknown>;
    } | null;
  }[];
  manipulationCheck?: {
    level: string;
    n: number;
    share: number;
    byEmotion: { emotion: string; ekman: string; n: number; share: number }[];
  };
}

describe('emocrowd analyze', () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'emocrowd-analyze-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('Silver et al. Jb1, E1, truth 250: mean 162.7, median 150, geometric mean 141.0', async () => {
    const r = await cli(
      root,
      'analyze',
      '--input',
      crowdFile('silver_jellybean_Jb1.csv'),
      '--column',
      'E1',
      '--truth',
      '250',
      '--subsets',
      '20',
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as AnalyzeJson;
    const crowd = json.crowds[0];
    expect(json.crowds).toHaveLength(1);
    expect(crowd?.n).toBe(67);
    expect(crowd?.summary?.aggregates.mean?.estimate).toBeCloseTo(162.7, 1);
    expect(crowd?.summary?.aggregates.median?.estimate).toBe(150);
    expect(crowd?.summary?.aggregates.geometricMean?.estimate).toBeCloseTo(141.0, 1);
    expect(crowd?.summary?.subsets?.B).toBe(20);
    const text = await cli(
      root,
      'analyze',
      '--input',
      crowdFile('silver_jellybean_Jb1.csv'),
      '--column',
      'E1',
      '--truth',
      '250',
      '--subsets',
      '0',
    );
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/mean\s+162\.7/);
    expect(text.out).toMatch(/median\s+150\.0/);
    expect(text.out).toMatch(/geometricMean\s+141\.0/);
  });

  it('Becker et al. 2017: refuses several truths naming the fix, analyzes per task with --group-by, reports NA rows', async () => {
    const file = crowdFile('becker_2017.csv');
    const refused = await cli(
      root,
      'analyze',
      '--input',
      file,
      '--column',
      'response_3',
      '--truth-column',
      'truth',
    );
    expect(refused.code).toBe(2);
    expect(refused.err.trim().split('\n')).toHaveLength(1);
    expect(refused.err).toMatch(/different truths .*--filter task=.*--group-by task/);

    const split = await cli(
      root,
      'analyze',
      '--input',
      file,
      '--column',
      'response_3',
      '--truth-column',
      'truth',
      '--group-by',
      'task,network',
      '--subsets',
      '0',
      '--json',
    );
    expect(split.code, split.err).toBe(0);
    const json = JSON.parse(split.out) as AnalyzeJson;
    expect(json.splitBy).toEqual(['task']);
    expect(json.breakdownBy).toEqual(['network']);
    expect(json.crowds.length).toBeGreaterThan(10);
    const skipped = json.crowds.reduce((s, c) => s + c.skipped.missing, 0);
    expect(skipped).toBeGreaterThan(0);
    expect(json.crowds.reduce((s, c) => s + c.n + c.skipped.total, 0)).toBe(
      json.crowds.reduce((s, c) => s + c.rows, 0),
    );
    expect(Object.keys(json.crowds[0]?.summary?.groups ?? {})).toEqual(['network']);

    const one = await cli(
      root,
      'analyze',
      '--input',
      file,
      '--column',
      'response_1',
      '--truth-column',
      'truth',
      '--filter',
      'task=1a',
      '--filter',
      'network=Solo',
      '--subsets',
      '0',
      '--json',
    );
    const solo = (JSON.parse(one.out) as AnalyzeJson).crowds[0];
    expect(solo?.truth).toBe(550);
    expect(solo?.n).toBe(40);
    expect(solo?.summary?.aggregates.mean?.estimate).toBe(375.75);
    expect(solo?.summary?.aggregates.median?.estimate).toBe(300);
  });

  it('counts rows that are not numbers and shows them in the report', async () => {
    writeFileSync(join(root, 'messy.csv'), 'who,guess\na,100\nb,\nc,NA\nd,"about 300"\ne,"1,200"\n');
    const r = await cli(
      root,
      'analyze',
      '--input',
      'messy.csv',
      '--column',
      'guess',
      '--truth',
      '500',
      '--subsets',
      '0',
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    const crowd = (JSON.parse(r.out) as AnalyzeJson).crowds[0];
    expect(crowd?.n).toBe(2);
    expect(crowd?.skipped).toMatchObject({ total: 3, empty: 1, missing: 1, text: 1 });
    const text = await cli(
      root,
      'analyze',
      '--input',
      'messy.csv',
      '--column',
      'guess',
      '--truth',
      '500',
      '--subsets',
      '0',
    );
    expect(text.out).toMatch(
      /skipped 3 rows: 1 empty, 1 NA, 1 not a number \(e\.g\. line 3 guess=""; line 4 guess="NA"; line 5 guess="about 300"\)/,
    );
  });

  it('weights by a confidence column on its own scale (Lorenz et al. 2011, C1 rated 1-6)', async () => {
    const r = await cli(
      root,
      'analyze',
      '--input',
      crowdFile('lorenz_2011.csv'),
      '--column',
      'E1',
      '--truth-column',
      'Truth',
      '--filter',
      'Question=1',
      '--confidence-column',
      'C1',
      '--strategies',
      'mean,confidenceWeightedMean',
      '--subsets',
      '0',
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    const crowd = (JSON.parse(r.out) as AnalyzeJson).crowds[0];
    // sum(C1 * E1) / sum(C1) over the 144 answers, computed with Python's csv module
    expect(crowd?.summary?.aggregates.confidenceWeightedMean?.estimate).toBeCloseTo(2889.2904109589, 6);
  });

  it('rejects an overflowing number (1e400) as a row without a number, like words, and analyses the rest', async () => {
    writeFileSync(join(root, 'overflow.csv'), 'who,guess\na,100\nb,1e400\nc,abc\nd,-1e400\ne,300\n');
    const args = [
      'analyze',
      '--input',
      'overflow.csv',
      '--column',
      'guess',
      '--truth',
      '200',
      '--subsets',
      '0',
    ];
    const r = await cli(root, ...args, '--json');
    expect(r.code, r.err).toBe(0);
    const crowd = (JSON.parse(r.out) as AnalyzeJson).crowds[0];
    expect(crowd?.n).toBe(2);
    expect(crowd?.skipped).toMatchObject({ total: 3, text: 3, empty: 0, missing: 0 });
    expect(crowd?.summary?.aggregates.mean?.estimate).toBe(200);
    const text = await cli(root, ...args);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(
      /skipped 3 rows: 3 not a number \(e\.g\. line 3 guess="1e400"; line 4 guess="abc"; line 5 guess="-1e400"\)/,
    );
  });

  it('analyzes a run: its truth, groups by emotion and attributes, and the manipulation check per emotion', async () => {
    const run = await cli(
      root,
      'run',
      '--personas',
      '40',
      '--quiet',
      '--subsets',
      '20',
      '--out',
      'run',
      '--json',
    );
    expect(run.code, run.err).toBe(0);
    const summary = JSON.parse(run.out) as {
      aggregates: Record<string, { estimate: number }>;
      counts: { answered: number; unparsed: number };
    };
    const r = await cli(root, 'analyze', '--input', 'run', '--subsets', '20', '--json');
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as AnalyzeJson;
    expect(json.kind).toBe('run');
    expect(json.status).toEqual({
      ok: summary.counts.answered,
      unparsed: summary.counts.unparsed,
      failed: 0,
    });
    const crowd = json.crowds[0];
    expect(crowd?.truth).toBe(1194);
    expect(crowd?.skipped.empty).toBe(summary.counts.unparsed);
    expect(crowd?.summary?.aggregates.median?.estimate).toBe(summary.aggregates.median?.estimate);
    expect(crowd?.summary?.aggregates.mean?.estimate).toBeCloseTo(
      summary.aggregates.mean?.estimate ?? Number.NaN,
      9,
    );
    expect(json.breakdownBy).toEqual(expect.arrayContaining(['emotion', 'plutchik', 'age', 'gender']));
    const check = json.manipulationCheck;
    expect(check?.level).toBe('ekman');
    expect(check?.n).toBeGreaterThan(0);
    expect(check?.byEmotion.reduce((s, e) => s + e.n, 0)).toBe(check?.n);
    for (const row of check?.byEmotion ?? []) {
      expect(row.share).toBeGreaterThanOrEqual(0);
      expect(row.share).toBeLessThanOrEqual(1);
    }
    // The responses.jsonl alone is an input too (truth from the run.json beside it).
    const jsonl = await cli(
      root,
      'analyze',
      '--input',
      'run/responses.jsonl',
      '--subsets',
      '0',
      '--no-manipulation-check',
      '--json',
    );
    expect(jsonl.code, jsonl.err).toBe(0);
    expect((JSON.parse(jsonl.out) as AnalyzeJson).manipulationCheck).toBeUndefined();
  });

  it('input errors are one line naming the flag and the fix, exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['analyze'], /--input is required/],
      [
        ['analyze', '--input', 'nope.csv', '--column', 'x', '--truth', '1'],
        /--input: no such file or directory nope\.csv/,
      ],
      [
        ['analyze', '--input', crowdFile('silver_jellybean_Jb1.csv'), '--truth', '250'],
        /--column is required for a CSV; columns of .*: question, qcode/,
      ],
      [
        ['analyze', '--input', crowdFile('silver_jellybean_Jb1.csv'), '--column', 'E9', '--truth', '250'],
        /no column "E9" \(--column\)/,
      ],
      [
        ['analyze', '--input', crowdFile('silver_jellybean_Jb1.csv'), '--column', 'E1'],
        /--truth X or --truth-column/,
      ],
      [
        [
          'analyze',
          '--input',
          crowdFile('silver_jellybean_Jb1.csv'),
          '--column',
          'E1',
          '--truth',
          '250',
          '--filter',
          'E1',
        ],
        /--filter takes COL=VALUE/,
      ],
      [
        [
          'analyze',
          '--input',
          crowdFile('silver_jellybean_Jb1.csv'),
          '--column',
          'E1',
          '--truth',
          '250',
          '--strategies',
          'mode',
        ],
        /--strategies: unknown mode; known: mean, median/,
      ],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(root, ...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.trim().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(r.err).toMatch(message);
    }
  });
});
