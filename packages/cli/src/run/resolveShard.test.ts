import { describe, expect, it } from 'vitest';
import { CliError } from '../command/CliError.js';
import { resolveShard } from './resolveShard.js';

function refusal(text: string, options: Parameters<typeof resolveShard>[1]): string {
  try {
    resolveShard(text, options);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }
  throw new Error(`resolveShard(${text}) did not refuse`);
}

describe('resolveShard', () => {
  it('reads --shard I/N as users count (1-based)', () => {
    expect(resolveShard('2/4', { env: {} })).toEqual({
      shard: { index: 1, count: 4 },
      source: '--shard 2/4',
    });
    expect(refusal('5/4', { env: {} })).toMatch(/--shard takes I\/N/);
    expect(refusal('2/4', { shards: 4, env: {} })).toMatch(/--shards goes with --shard auto/);
  });

  it('takes a Kubernetes Indexed Job index 0-based: JOB_COMPLETION_INDEX=1 with --shards 3 is shard 2/3', () => {
    const r = resolveShard('auto', { shards: 3, env: { JOB_COMPLETION_INDEX: '1' } });
    expect(r.shard).toEqual({ index: 1, count: 3 });
    expect(r.source).toBe('JOB_COMPLETION_INDEX=1 with --shards 3');
    expect(resolveShard('auto', { shards: 3, env: { JOB_COMPLETION_INDEX: '0' } }).shard.index).toBe(0);
    expect(refusal('auto', { env: { JOB_COMPLETION_INDEX: '1' } })).toMatch(/add --shards N/);
    expect(refusal('auto', { shards: 3, env: { JOB_COMPLETION_INDEX: '3' } })).toMatch(
      /not below --shards 3/,
    );
    expect(refusal('auto', { shards: 3, env: { JOB_COMPLETION_INDEX: 'x' } })).toMatch(
      /JOB_COMPLETION_INDEX="x" is not a whole number/,
    );
  });

  it('counts a Slurm array task from SLURM_ARRAY_TASK_MIN, in its steps, of SLURM_ARRAY_TASK_COUNT', () => {
    // sbatch --array=1-3: IDs 1, 2, 3; task 2 is the second shard.
    const env = { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '3' };
    expect(resolveShard('auto', { env }).shard).toEqual({ index: 1, count: 3 });
    expect(resolveShard('auto', { env }).source).toBe(
      'SLURM_ARRAY_TASK_ID=2 of SLURM_ARRAY_TASK_COUNT=3 from SLURM_ARRAY_TASK_MIN=1',
    );
    // sbatch --array=0-15:4: IDs 0, 4, 8, 12.
    const stepped = {
      SLURM_ARRAY_TASK_ID: '8',
      SLURM_ARRAY_TASK_MIN: '0',
      SLURM_ARRAY_TASK_STEP: '4',
      SLURM_ARRAY_TASK_COUNT: '4',
    };
    expect(resolveShard('auto', { env: stepped }).shard).toEqual({ index: 2, count: 4 });
    expect(resolveShard('auto', { shards: 3, env }).shard.count).toBe(3);
    expect(refusal('auto', { shards: 4, env })).toMatch(/--shards 4 differs from SLURM_ARRAY_TASK_COUNT=3/);
    // sbatch --array=1,3,7: no regular numbering.
    const gaps = { SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '3' };
    expect(refusal('auto', { env: gaps })).toMatch(/is not one of the 3 tasks of a regular array/);
    expect(refusal('auto', { env: { SLURM_ARRAY_TASK_ID: '2' } })).toMatch(/SLURM_ARRAY_TASK_COUNT is not/);
  });

  it('refuses auto outside a scheduler, and when both schedulers claim the job', () => {
    expect(refusal('auto', { shards: 3, env: {} })).toMatch(
      /neither JOB_COMPLETION_INDEX .* nor SLURM_ARRAY_TASK_ID .* is set/,
    );
    expect(
      refusal('auto', {
        shards: 3,
        env: { JOB_COMPLETION_INDEX: '0', SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '3' },
      }),
    ).toMatch(/both JOB_COMPLETION_INDEX \(0\) and SLURM_ARRAY_TASK_ID \(0\) are set/);
  });
});
