import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'emocrowd-shard-auto-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const RUN = ['run', '--personas', '30', '--subsets', '0', '--seed', '5'];

function personasAsked(dir: string): number[] {
  return readFileSync(join(root, dir, 'responses.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { personaIndex: number }).personaIndex)
    .sort((a, b) => a - b);
}

describe('emocrowd run --shard auto', () => {
  it('asks shard 2/3 under a Kubernetes Indexed Job (JOB_COMPLETION_INDEX=1, --shards 3), as --shard 2/3 does', async () => {
    const auto = await runCli([...RUN, '--shard', 'auto', '--shards', '3', '--out', 'k8s'], {
      cwd: root,
      env: { JOB_COMPLETION_INDEX: '1' },
    });
    expect(auto.code, auto.stderr).toBe(0);
    expect(auto.stderr).toContain('shard 2/3 (from JOB_COMPLETION_INDEX=1 with --shards 3)');
    const manual = await runCli([...RUN, '--shard', '2/3', '--out', 'manual', '--quiet'], { cwd: root });
    expect(manual.code, manual.stderr).toBe(0);
    expect(personasAsked('k8s')).toEqual(personasAsked('manual'));
    expect(personasAsked('k8s')).toHaveLength(10);
    const descriptor = JSON.parse(readFileSync(join(root, 'k8s', 'run.json'), 'utf8')).descriptor;
    expect(descriptor.personas.shard).toEqual({ index: 1, count: 3 });
  });

  it('asks the Slurm array task counted from SLURM_ARRAY_TASK_MIN (--array=1-3, task 3 = shard 3/3)', async () => {
    const r = await runCli([...RUN, '--shard', 'auto', '--out', 'slurm'], {
      cwd: root,
      env: { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '3' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('shard 3/3 (from SLURM_ARRAY_TASK_ID=3 of SLURM_ARRAY_TASK_COUNT=3');
    const manual = await runCli([...RUN, '--shard', '3/3', '--out', 'manual3', '--quiet'], { cwd: root });
    expect(manual.code, manual.stderr).toBe(0);
    expect(personasAsked('slurm')).toEqual(personasAsked('manual3'));
  });

  it('refuses auto outside a scheduler with one line and exit 2, before creating anything', async () => {
    const r = await runCli([...RUN, '--shard', 'auto', '--shards', '3', '--out', 'nowhere'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/neither JOB_COMPLETION_INDEX .* nor SLURM_ARRAY_TASK_ID/);
    const bare = await runCli([...RUN, '--shards', '3', '--out', 'nowhere'], { cwd: root });
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/--shards goes with --shard auto/);
  });
});
