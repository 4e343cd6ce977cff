import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

const STUDY = `name: sharded
seed: 9
task: fargo-seattle
personas: 30
subsets: 0
factors:
  condition: [emotion, social]
  model: [synthetic]
`;

let cwd = '';
beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'emocrowd-study-shard-auto-'));
  writeFileSync(join(cwd, 'study.yaml'), STUDY);
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const personas = (dir: string) =>
  readFileSync(join(cwd, dir, 'responses.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { personaIndex: number }).personaIndex)
    .sort((a, b) => a - b);

describe('emocrowd study run --shard auto', () => {
  it('shards every cell as the scheduler says, as --shard I/N does', async () => {
    const auto = await runCli(['study', 'run', 'study.yaml', '--shard', 'auto', '--shards', '2', '--quiet'], {
      cwd,
      env: { JOB_COMPLETION_INDEX: '1' },
    });
    expect(auto.code, auto.stderr).toBe(0);
    expect(auto.stderr).toContain('shard 2/2 (from JOB_COMPLETION_INDEX=1 with --shards 2)');
    const study = JSON.parse(readFileSync(join(cwd, 'runs', 'sharded-shard2of2', 'study.json'), 'utf8'));
    expect(study.shard).toEqual({ index: 1, count: 2 });
    const manual = await runCli(
      ['study', 'run', 'study.yaml', '--shard', '2/2', '--out', 'manual', '--quiet'],
      { cwd },
    );
    expect(manual.code, manual.stderr).toBe(0);
    for (const cell of ['emotion', 'social'])
      expect(personas(join('runs', 'sharded-shard2of2', cell))).toEqual(personas(join('manual', cell)));
    const slurm = await runCli(['study', 'plan', 'study.yaml', '--shard', 'auto'], {
      cwd,
      env: { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_COUNT: '2' },
    });
    expect(slurm.code, slurm.stderr).toBe(0);
    expect(slurm.stderr).toContain('shard 1/2 (from SLURM_ARRAY_TASK_ID=0 of SLURM_ARRAY_TASK_COUNT=2)');
    const outside = await runCli(['study', 'run', 'study.yaml', '--shard', 'auto', '--shards', '2'], { cwd });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/neither JOB_COMPLETION_INDEX .* nor SLURM_ARRAY_TASK_ID/);
  });
});
