import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBattery } from '@emocrowd/agents';
import type { RunSummary } from '@emocrowd/crowd';
import { crowdDataPath } from '@emocrowd/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

let dir: string;
const cli = (...argv: string[]) => runCli(argv, { cwd: dir, env: { NO_COLOR: '1' } });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'emocrowd-battery-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('batteries on the command line', () => {
  it('lists the built-in batteries with their item and human-crowd counts, and shows each item', async () => {
    const list = await cli('tasks');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/lorenz-2011\s+6\s+6\s+Lorenz et al\. 2011/);
    expect(list.stdout).toMatch(/us-city-distances\s+36\s+0\s+Straight-line/);
    const shown = await cli('tasks', 'show', 'calorie-quiz');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(
      /q17\s+590 kcal\s+responses\.csv q17\s+How many calories \(kcal\) are in 213 g of long cheeseburger\?/,
    );
    const json = JSON.parse((await cli('tasks', 'show', 'lorenz-2011', '--json')).stdout) as {
      items: { id: string; human: { filter: Record<string, string> } }[];
    };
    expect(json.items.map((i) => i.id)).toEqual(getBattery('lorenz-2011').items.map((i) => i.id));
    expect(json.items[5]?.human.filter).toEqual({ Question: '6' });
    const unknown = await cli('run', '--task', 'lorenz-2012');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown task "lorenz-2012"; built-in tasks: .*lorenz-2011/);
  });

  it('runs a battery into one directory, and analyze reads it back item by item', async () => {
    const run = await cli(
      'run',
      '--task',
      'jelly-beans',
      '--personas',
      '50',
      '--subsets',
      '0',
      '--json',
      '--quiet',
      '--out',
      'runs/jb',
    );
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as RunSummary;
    expect(summary.counts.expected).toBe(200);
    expect(summary.items?.map((i) => i.id)).toEqual(['jb1', 'jb2', 'jb3', 'jb4']);
    const lines = readFileSync(join(dir, 'runs/jb/responses.jsonl'), 'utf8').trim().split('\n');
    expect(new Set(lines.map((l) => (JSON.parse(l) as { item: string }).item))).toEqual(
      new Set(['jb1', 'jb2', 'jb3', 'jb4']),
    );
    const analyzed = await cli('analyze', '--input', 'runs/jb', '--subsets', '0', '--json');
    expect(analyzed.code, analyzed.stderr).toBe(0);
    const report = JSON.parse(analyzed.stdout) as {
      format: string;
      items: { id: string; truth: number; summary: { aggregates: Record<string, { estimate: number }> } }[];
      crossItem: { ranking: string[] };
      skill: { n: number };
    };
    expect(report.format).toBe('run');
    expect(report.items.map((c) => [c.id, c.truth])).toEqual([
      ['jb1', 250],
      ['jb2', 888],
      ['jb3', 185],
      ['jb4', 950],
    ]);
    report.items.forEach((item, i) => {
      expect(item.summary.aggregates.median?.estimate).toBe(
        summary.items?.[i]?.summary?.aggregates.median?.estimate,
      );
      expect(item.summary.aggregates.selectCrowd?.estimate).toBe(
        summary.items?.[i]?.summary?.aggregates.selectCrowd?.estimate,
      );
    });
    expect(report.crossItem.ranking).toEqual(summary.crossItem?.ranking);
    expect(report.skill.n).toBe(50);
    for (const shard of ['1/2', '2/2']) {
      const part = await cli(
        'run',
        '--task',
        'jelly-beans',
        '--personas',
        '50',
        '--subsets',
        '0',
        '--quiet',
        '--shard',
        shard,
        '--out',
        `runs/jb-${shard[0]}`,
      );
      expect(part.code, part.stderr).toBe(0);
    }
    const merged = await cli(
      'merge',
      'runs/jb-1',
      'runs/jb-2',
      '--out',
      'runs/jb-merged',
      '--json',
      '--quiet',
    );
    expect(merged.code, merged.stderr).toBe(0);
    const whole = JSON.parse(merged.stdout) as RunSummary;
    expect(whole.items?.map((i) => i.fidelity?.ks.estimate)).toEqual(
      summary.items?.map((i) => i.fidelity?.ks.estimate),
    );
    expect(whole.items?.[0]?.fidelity?.source.file).toBe('silver_jellybean_Jb1.csv');
    const compared = await cli('compare', '--input', 'runs/jb', '--truth', '250');
    expect(compared.code).toBe(2);
    expect(compared.stderr).toMatch(/is a battery: each item has its truth in run\.json; leave out --truth/);
    const items = await cli('analyze', '--input', 'runs/jb', '--item-columns', 'q1..q3');
    expect(items.code).toBe(2);
    expect(items.stderr).toMatch(/is a battery run: its items and truths are in run\.json/);
    const text = await cli(
      'run',
      '--task',
      'jelly-beans',
      '--personas',
      '20',
      '--subsets',
      '0',
      '--out',
      'runs/jb-text',
    );
    expect(text.stdout).toMatch(/4 items\nitem\s+truth\s+n\s+median/);
    expect(text.stdout).toMatch(/jb2\s+888\s+\d+/);
  });
});

describe('analyze on human batteries', () => {
  const data = (name: string): string => crowdDataPath(name);

  it('reads the calorie quiz in wide format with truths from questions.csv: items, ranking, cue strategies, skill', async () => {
    const { code, stdout, stderr } = await cli(
      'analyze',
      '--input',
      data('clulab_calorie/responses.csv'),
      '--item-columns',
      'q1..q20',
      '--truth-file',
      data('clulab_calorie/questions.csv'),
      '--truth-file-column',
      'calGold',
      '--subsets',
      '0',
      '--json',
    );
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as {
      format: string;
      respondents: number;
      items: {
        id: string;
        truth: number;
        n: number;
        skipped: { total: number };
        summary: { aggregates: Record<string, { estimate: number | null }> };
      }[];
      crossItem: {
        items: number;
        ranking: string[];
        strategies: Record<string, { meanAbsLogRatio: number }>;
      };
      skill: { n: number; reliability: { method: string; spearmanBrown: number } };
    };
    expect(report.format).toBe('wide');
    expect(report.items).toHaveLength(20);
    expect(report.items[16]).toMatchObject({ id: 'q17', truth: 590, n: 1705, skipped: { total: 324 } });
    expect(report.crossItem.items).toBe(20);
    // Independent computation: see packages/crowd/src/analysis/summarizeBattery.test.ts.
    expect(report.crossItem.strategies.mean?.meanAbsLogRatio).toBeCloseTo(0.37047017864525933, 12);
    for (const item of report.items) {
      const a = item.summary.aggregates;
      expect(a.selectCrowd?.estimate).not.toBeNull();
      expect(a.selectCrowd?.estimate).not.toBe(a.mean?.estimate);
      expect(a.selectCrowd?.estimate).not.toBe(a.median?.estimate);
    }
    expect(report.skill).toMatchObject({ n: 2028, reliability: { method: 'odd-even' } });
    const text = await cli(
      'analyze',
      '--input',
      data('clulab_calorie/responses.csv'),
      '--item-columns',
      'q1..q20',
      '--truth-file',
      data('clulab_calorie/questions.csv'),
      '--truth-file-column',
      'calGold',
      '--subsets',
      '0',
      '--select-k',
      '10',
    );
    expect(text.stdout).toMatch(/strategies across 20 items/);
    expect(text.stdout).toMatch(/split-half reliability \(odd vs even items, \d+ respondents\): r = /);
  });

  it('reads Lorenz 2011 in long format, respondents identified by session and subject', async () => {
    const { code, stdout, stderr } = await cli(
      'analyze',
      '--input',
      data('lorenz_2011.csv'),
      '--item-column',
      'Question',
      '--respondent-column',
      'Session_Date,Subject',
      '--column',
      'E1',
      '--truth-column',
      'Truth',
      '--subsets',
      '0',
      '--json',
    );
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as {
      respondents: number;
      items: { id: string; truth: number; n: number }[];
    };
    expect(report.respondents).toBe(144);
    expect(report.items.map((i) => [i.id, i.truth, i.n])).toEqual([
      ['1', 184, 144],
      ['2', 734, 144],
      ['3', 10067, 144],
      ['4', 198, 144],
      ['5', 639, 144],
      ['6', 9272, 144],
    ]);
  });

  it('names the missing piece of a battery in one line', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['--item-columns', 'q1..q3'],
        /--item-columns needs the items' truths: --truth-file FILE --truth-file-column NAME/,
      ],
      [
        ['--item-column', 'Question', '--column', 'E1', '--truth-column', 'Truth'],
        /needs --column \(estimates\) and --respondent-column/,
      ],
      [
        ['--item-columns', 'q1..q3', '--truth-file', 'nothere.csv', '--truth-file-column', 'x'],
        /--truth-file: no such file nothere\.csv/,
      ],
    ];
    for (const [flags, message] of cases) {
      const input = flags.includes('Question')
        ? data('lorenz_2011.csv')
        : data('clulab_calorie/responses.csv');
      const { code, stderr } = await cli('analyze', '--input', input, ...flags);
      expect(code, stderr).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('silicon against human', () => {
  it('runs 300 personas over Lorenz 2011: every item, the ranking, real cue strategies, fidelity per item', async () => {
    const { code, stdout, stderr } = await cli(
      'run',
      '--task',
      'lorenz-2011',
      '--personas',
      '300',
      '--subsets',
      '0',
      '--json',
      '--quiet',
      '--out',
      'runs/lorenz',
    );
    expect(code, stderr).toBe(0);
    const summary = JSON.parse(stdout) as RunSummary;
    expect(summary.items?.map((i) => i.id)).toEqual(getBattery('lorenz-2011').items.map((i) => i.id));
    expect(summary.crossItem?.ranking).toHaveLength(10);
    expect(summary.crossItem?.notComputed).toEqual([]);
    for (const item of summary.items ?? []) {
      const a = item.summary?.aggregates ?? {};
      for (const cue of ['selectCrowd', 'bestEmotionSubset']) {
        expect(a[cue]?.estimate, `${item.id} ${cue}`).toBeTypeOf('number');
        expect(a[cue]?.estimate).not.toBe(a.mean?.estimate);
        expect(a[cue]?.estimate).not.toBe(a.median?.estimate);
      }
      expect(item.fidelity?.source).toMatchObject({ file: 'lorenz_2011.csv', column: 'E1' });
      expect(item.fidelity?.human.n).toBe(144);
      expect(item.fidelity?.simulated.n).toBe(item.n);
      for (const key of ['medianRatio', 'dispersionRatio', 'ks', 'wasserstein'] as const)
        expect(item.fidelity?.[key].estimate, `${item.id} ${key}`).toBeGreaterThan(0);
      expect(item.fidelity?.homogeneous).toBeTypeOf('boolean');
    }
    const analyzed = await cli('analyze', '--input', 'runs/lorenz', '--subsets', '0', '--json');
    expect(analyzed.code, analyzed.stderr).toBe(0);
    const report = JSON.parse(analyzed.stdout) as {
      items: { id: string; fidelity?: { ks: { estimate: number } } }[];
    };
    report.items.forEach((item, i) => {
      expect(item.fidelity?.ks.estimate).toBe(summary.items?.[i]?.fidelity?.ks.estimate);
    });
  });

  it('compares any crowd with --human, and agrees with python3 on the calorie quiz', async () => {
    const responses = crowdDataPath('clulab_calorie/responses.csv');
    const { code, stdout, stderr } = await cli(
      'analyze',
      '--input',
      responses,
      '--column',
      'q1',
      '--truth',
      '200',
      '--filter',
      'gender=Female',
      '--human',
      responses,
      '--human-column',
      'q1',
      '--human-filter',
      'gender=Male',
      '--subsets',
      '0',
      '--json',
    );
    expect(code, stderr).toBe(0);
    const fidelity = (JSON.parse(stdout) as { crowds: { fidelity: Record<string, { estimate: number }> }[] })
      .crowds[0]?.fidelity;
    // Independent computation: see packages/crowd/src/metrics/fidelity.test.ts (python3, bisect and
    // the quantile-function form of W1).
    expect(fidelity?.ks?.estimate).toBeCloseTo(0.07056327258825035, 12);
    expect(fidelity?.wasserstein?.estimate).toBeCloseTo(0.06375920705974236, 12);
    expect(fidelity?.medianRatio?.estimate).toBeCloseTo(0.8, 12);
    const battery = await cli(
      'analyze',
      '--input',
      responses,
      '--item-columns',
      'q1..q20',
      '--truth-file',
      crowdDataPath('clulab_calorie/questions.csv'),
      '--truth-file-column',
      'calGold',
      '--filter',
      'gender=Female',
      '--human',
      responses,
      '--human-column',
      '{item}',
      '--human-filter',
      'gender=Male',
      '--subsets',
      '0',
      '--json',
    );
    expect(battery.code, battery.stderr).toBe(0);
    const items = (
      JSON.parse(battery.stdout) as {
        items: { id: string; fidelity: Record<string, { estimate: number }> }[];
      }
    ).items;
    expect(items[0]?.fidelity.ks?.estimate).toBeCloseTo(0.07056327258825035, 12);
    expect(items[6]?.id).toBe('q7');
    expect(items[6]?.fidelity.ks?.estimate).toBeCloseTo(0.024748654378283996, 12);
    expect(items[6]?.fidelity.wasserstein?.estimate).toBeCloseTo(0.0165371013147887, 12);
  });
});
