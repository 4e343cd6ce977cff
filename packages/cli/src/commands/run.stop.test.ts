import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunSummary } from '@emocrowd/crowd';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'emocrowd-stop-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const RUN = ['run', '--personas', '800', '--subsets', '0', '--seed', '3', '--stop-at-precision', '0.15'];
const answersIn = (dir: string): number =>
  readFileSync(join(root, dir, 'responses.jsonl'), 'utf8')
    .trim()
    .split('\n').length;

describe('emocrowd run --stop-at-precision', () => {
  it('stops early, says so, and keeps the rule in run.json; --resume replays it and asks nothing more', async () => {
    const first = await runCli([...RUN, '--out', 'stopped', '--json', '--quiet'], { cwd: root });
    expect(first.code, first.stderr).toBe(0);
    const summary = JSON.parse(first.stdout) as RunSummary;
    expect(summary.stopping).toMatchObject({
      reason: 'precision',
      strategy: 'median',
      precision: 0.15,
      level: 0.95,
    });
    const asked = answersIn('stopped');
    expect(asked).toBeLessThan(800);
    expect(summary.counts.skipped).toBe(800 - asked);
    const descriptor = JSON.parse(readFileSync(join(root, 'stopped', 'run.json'), 'utf8')).descriptor;
    expect(descriptor.stop).toEqual({ strategy: 'median', precision: 0.15, level: 0.95, checkEvery: 50 });

    const table = await runCli(['run', '--resume', 'stopped'], { cwd: root });
    expect(table.code, table.stderr).toBe(0);
    expect(answersIn('stopped')).toBe(asked);
    expect(table.stdout).toMatch(
      /stopped after [\d,]+ of 800 in random order: the 95% interval of the median was narrower than 15\.0% of it; [\d,]+ model calls saved/,
    );
    const again = JSON.parse(readFileSync(join(root, 'stopped', 'summary.json'), 'utf8')) as RunSummary;
    expect({ ...again.stopping, asked: 0 }).toEqual({ ...summary.stopping, asked: 0 });
    expect(again.aggregates).toEqual(summary.aggregates);

    const changed = await runCli(['run', '--resume', 'stopped', '--stop-at-precision', '0.1'], { cwd: root });
    expect(changed.code).toBe(2);
    expect(changed.stderr).toContain('the run was made with --stop-at-precision 0.15');
  });

  it('refuses what it cannot do, with one line naming the flag', async () => {
    const cases: [string[], RegExp][] = [
      [['--rounds', '2'], /--stop-at-precision needs --rounds 1/],
      [['--shard', '1/2'], /--stop-at-precision cannot be combined with --shard/],
      [['--stop-at-precision', '0'], /--stop-at-precision takes a relative width above 0/],
      [['--stop-strategy', 'mean'], /--stop-strategy/],
      [
        ['--batch-out', 'requests.jsonl', '--model', 'openai:m'],
        /--batch-out cannot be combined with --stop-at-precision/,
      ],
    ];
    for (const [extra, message] of cases) {
      const r = await runCli([...RUN, ...extra, '--quiet', '--out', `bad-${extra.join('')}`], { cwd: root });
      expect(r.code, extra.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('a study runs its cells with the stop rule the study (or a factor) sets', async () => {
    writeFileSync(
      join(root, 'stop.yaml'),
      [
        'name: stopping',
        'seed: 3',
        'personas: 800',
        'subsets: 0',
        'factors:',
        '  stop: [0.15, 0.3]',
        '',
      ].join('\n'),
    );
    const r = await runCli(['study', 'run', 'stop.yaml', '--quiet'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    const asked: number[] = [];
    for (const cell of ['0.15', '0.3']) {
      const dir = join(root, 'runs', 'stopping', cell);
      const run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
      expect(run.descriptor.stop).toMatchObject({ strategy: 'median', precision: Number(cell) });
      const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as RunSummary;
      expect(summary.stopping?.reason).toBe('precision');
      asked.push(summary.stopping?.asked as number);
    }
    // A looser precision stops no later.
    expect(asked[1]).toBeLessThanOrEqual(asked[0] as number);
  });
});
