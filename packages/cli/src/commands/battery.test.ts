import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBattery } from '@emocrowd/agents';
import type { RunSummary } from '@emocrowd/crowd';
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
      splitBy: string[];
      crowds: { label: string; truth: number; summary: { aggregates: { median: { estimate: number } } } }[];
    };
    expect(report.splitBy).toEqual(['item']);
    expect(report.crowds.map((c) => [c.label, c.truth])).toEqual([
      ['item=jb1', 250],
      ['item=jb2', 888],
      ['item=jb3', 185],
      ['item=jb4', 950],
    ]);
    report.crowds.forEach((crowd, i) => {
      expect(crowd.summary.aggregates.median.estimate).toBe(
        summary.items?.[i]?.summary?.aggregates.median?.estimate,
      );
    });
    const truth = await cli('analyze', '--input', 'runs/jb', '--truth', '250');
    expect(truth.code).toBe(2);
    expect(truth.stderr).toMatch(/is a battery: each item has its truth in run\.json; leave out --truth/);
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
