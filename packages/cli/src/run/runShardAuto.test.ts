import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

let cwd = '';
beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'emocrowd-run-shard-auto-'));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const RUN = ['run', '--personas', '30', '--seed', '5', '--subsets', '0', '--quiet'];
const shardOf = (dir: string) =>
  JSON.parse(readFileSync(join(cwd, dir, 'run.json'), 'utf8')).descriptor.personas.shard;
const personas = (dir: string) =>
  readFileSync(join(cwd, dir, 'responses.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { personaIndex: number }).personaIndex)
    .sort((a, b) => a - b);

describe('emocrowd run --shard auto', () => {
  it('takes JOB_COMPLETION_INDEX 0-based with --shards N, says so under --quiet, and asks the personas of --shard I/N', async () => {
    const auto = await runCli([...RUN, '--shard', 'auto', '--shards', '3', '--out', 'k8s'], {
      cwd,
      env: { JOB_COMPLETION_INDEX: '1' },
    });
    expect(auto.code, auto.stderr).toBe(0);
    expect(auto.stderr).toBe('shard 2/3 (from JOB_COMPLETION_INDEX=1 with --shards 3)\n');
    expect(shardOf('k8s')).toEqual({ index: 1, count: 3 });
    const manual = await runCli([...RUN, '--shard', '2/3', '--out', 'manual'], { cwd });
    expect(manual.code, manual.stderr).toBe(0);
    expect(manual.stderr).toBe('');
    expect(personas('k8s')).toEqual(personas('manual'));
    expect(personas('k8s')).toHaveLength(10);
  });

  it('counts SLURM_ARRAY_TASK_ID from SLURM_ARRAY_TASK_MIN: --array=4-6, task 6 is shard 3/3', async () => {
    const slurm = await runCli([...RUN, '--shard', 'auto', '--out', 'slurm'], {
      cwd,
      env: { SLURM_ARRAY_TASK_ID: '6', SLURM_ARRAY_TASK_MIN: '4', SLURM_ARRAY_TASK_COUNT: '3' },
    });
    expect(slurm.code, slurm.stderr).toBe(0);
    expect(slurm.stderr).toBe(
      'shard 3/3 (from SLURM_ARRAY_TASK_ID=6 of SLURM_ARRAY_TASK_COUNT=3 from SLURM_ARRAY_TASK_MIN=4)\n',
    );
    expect(shardOf('slurm')).toEqual({ index: 2, count: 3 });
  });

  it('refuses with one line, creating no run directory, outside a Kubernetes Job or Slurm array', async () => {
    const outside = await runCli([...RUN, '--shard', 'auto', '--shards', '3', '--out', 'outside'], { cwd });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toBe(
      'emocrowd: --shard auto: neither JOB_COMPLETION_INDEX (Kubernetes Indexed Job) nor SLURM_ARRAY_TASK_ID (Slurm job array) is set; run it inside such a job or give --shard I/N\n',
    );
    const noCount = await runCli([...RUN, '--shard', 'auto', '--out', 'nocount'], {
      cwd,
      env: { JOB_COMPLETION_INDEX: '0' },
    });
    expect(noCount.code).toBe(2);
    expect(noCount.stderr.trim().split('\n')).toHaveLength(1);
    expect(noCount.stderr).toMatch(/add --shards N \(the Job's completions\)/);
    for (const dir of ['outside', 'nocount']) expect(() => shardOf(dir)).toThrow(/ENOENT/);
  });
});
