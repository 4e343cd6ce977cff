import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCli(argv, { cwd, env: { NO_COLOR: '1' } });
  return { code, out: stdout, err: stderr };
}

const summaryOf = (dir: string): Record<string, unknown> => {
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Record<string, unknown>;
  delete summary.timing;
  delete summary.runId;
  return summary;
};
const RUN = ['run', '--personas', '60', '--quiet', '--subsets', '20', '--seed', '7'];

describe('emocrowd merge', () => {
  let root = '';
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'emocrowd-merge-'));
    for (const i of [1, 2, 3]) {
      const r = await cli(root, ...RUN, '--shard', `${i}/3`, '--out', `shard${i}`);
      expect(r.code, r.err).toBe(0);
    }
    const whole = await cli(root, ...RUN, '--out', 'whole');
    expect(whole.code, whole.err).toBe(0);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('3 shards merged equal one unsharded run (summary, answers, descriptor)', async () => {
    const r = await cli(root, 'merge', 'shard1', 'shard2', 'shard3', '--out', 'merged', '--quiet', '--json');
    expect(r.code, r.err).toBe(0);
    expect(summaryOf(join(root, 'merged'))).toEqual(summaryOf(join(root, 'whole')));
    expect(JSON.parse(r.out).counts.answered + JSON.parse(r.out).counts.unparsed).toBe(60);
    const lines = (dir: string) =>
      readFileSync(join(root, dir, 'responses.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { personaIndex: number; estimate?: number; latencyMs?: number })
        .map(({ latencyMs: _l, ...rest }) => rest)
        .sort((a, b) => a.personaIndex - b.personaIndex);
    expect(lines('merged')).toEqual(lines('whole'));
    const manifest = (dir: string) =>
      JSON.parse(readFileSync(join(root, dir, 'run.json'), 'utf8')).descriptor;
    expect({ ...manifest('merged'), runId: 'x' }).toEqual({ ...manifest('whole'), runId: 'x' });
  });

  it('deduplicates a shard given twice and says which shards are missing', async () => {
    const r = await cli(root, 'merge', 'shard1', 'shard1', 'shard2', '--out', 'partial', '--json');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/40 answers, 20 duplicates dropped/);
    expect(r.err).toMatch(/shards 3\/3 are not merged: 20 answers missing/);
    expect(JSON.parse(r.out).counts.missing).toBe(20);
  });

  it('refuses shards of different runs with one line naming what differs, writing nothing', async () => {
    const other = await cli(
      root,
      'run',
      '--personas',
      '60',
      '--quiet',
      '--subsets',
      '20',
      '--seed',
      '8',
      '--shard',
      '2/3',
      '--out',
      'other',
    );
    expect(other.code, other.err).toBe(0);
    const r = await cli(root, 'merge', 'shard1', 'other', '--out', 'bad');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/other differs from shard1 in its (seed|persona selection)/);
    expect(existsSync(join(root, 'bad'))).toBe(false);
  });

  it('refuses to write over existing results unless --force, and never into an input', async () => {
    mkdirSync(join(root, 'taken'));
    writeFileSync(join(root, 'taken', 'keep.txt'), 'mine');
    const r = await cli(root, 'merge', 'shard1', 'shard2', 'shard3', '--out', 'taken');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/taken exists and is not empty; .*--force/);
    expect(readdirSync(join(root, 'taken'))).toEqual(['keep.txt']);
    const forced = await cli(
      root,
      'merge',
      'shard1',
      'shard2',
      'shard3',
      '--out',
      'taken',
      '--force',
      '--quiet',
    );
    expect(forced.code, forced.err).toBe(0);
    expect(summaryOf(join(root, 'taken'))).toEqual(summaryOf(join(root, 'whole')));
    const into = await cli(root, 'merge', 'shard1', 'shard2', '--out', 'shard2', '--force');
    expect(into.code).toBe(2);
    expect(into.err).toMatch(/is one of the runs to merge/);
  });

  it('names a directory that is not a run', async () => {
    mkdirSync(join(root, 'empty'));
    const r = await cli(root, 'merge', 'shard1', 'empty', '--out', 'x');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/empty is not a run directory \(no run\.json\)/);
  });
});
