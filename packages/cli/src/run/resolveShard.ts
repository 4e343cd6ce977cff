import { usageError } from '../command/CliError.js';
import { parseShard } from './shardList.js';

/** A shard of a crowd: `index` from 0, of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** The shard a job asks, and where it came from (for the line the command prints). */
export interface ResolvedShard {
  shard: Shard;
  /** How the shard was found, e.g. "JOB_COMPLETION_INDEX=1 with --shards 3". */
  source: string;
}

/** What `resolveShard` reads besides `--shard`. */
export interface ResolveShardOptions {
  /** `--shards N`: the shard count for `--shard auto` under a Kubernetes Indexed Job. */
  shards?: number;
  /** The environment (the scheduler's variables). */
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * The shard of `--shard I/N` or `--shard auto`, for `emocrowd run` and every command that
 * splits a crowd the same way (study runs, batch export).
 *
 * Intuition: a cluster scheduler starts the same command once per task and tells each task its
 * number in an environment variable; `auto` reads it, so one Job or array script runs every
 * shard. Behaviour:
 * 1. `I/N` (1-based I, as users count): shard I of N; `--shards` is refused beside it.
 * 2. `auto` with `JOB_COMPLETION_INDEX` (Kubernetes Indexed Job, 0-based): index = that value,
 *    count = `--shards N` (the Job's `completions`), which is required.
 * 3. `auto` with `SLURM_ARRAY_TASK_ID` (Slurm job array): index = (ID - SLURM_ARRAY_TASK_MIN) /
 *    SLURM_ARRAY_TASK_STEP (step 1 when unset), count = `SLURM_ARRAY_TASK_COUNT`; `--shards`, when
 *    given, must equal that count. An array with gaps (`--array=1,3,7`) is refused: its IDs are
 *    not consecutive shard numbers.
 * 4. `auto` with both or neither set is refused, naming the variables.
 * Every refusal is a one-line usage error (exit 2) naming the variable or flag and the fix.
 *
 * @example
 * resolveShard('auto', { shards: 3, env: { JOB_COMPLETION_INDEX: '1' } });
 * // -> { shard: { index: 1, count: 3 }, source: 'JOB_COMPLETION_INDEX=1 with --shards 3' }  (= --shard 2/3)
 *
 * @param text the value of `--shard`
 * @param options `--shards` and the environment
 * @returns the shard (0-based index) and where it came from
 * @throws CliError (exit 2) for a malformed or missing shard
 */
export function resolveShard(text: string, options: ResolveShardOptions): ResolvedShard {
  if (text.trim() !== 'auto') {
    const shard = parseShard(text);
    if (!shard) throw usageError(`--shard takes I/N with 1 <= I <= N, e.g. 2/4, or auto (got "${text}")`);
    if (options.shards !== undefined)
      throw usageError('--shards goes with --shard auto; --shard I/N already says the count');
    return { shard, source: `--shard ${text.trim()}` };
  }
  const { env } = options;
  const k8s = present(env.JOB_COMPLETION_INDEX);
  const slurm = present(env.SLURM_ARRAY_TASK_ID);
  if (k8s && slurm)
    throw usageError(
      `--shard auto: both JOB_COMPLETION_INDEX (${env.JOB_COMPLETION_INDEX}) and SLURM_ARRAY_TASK_ID (${env.SLURM_ARRAY_TASK_ID}) are set; unset the one that does not belong to this job`,
    );
  if (k8s) return fromIndexedJob(env.JOB_COMPLETION_INDEX as string, options.shards);
  if (slurm) return fromSlurmArray(env, options.shards);
  throw usageError(
    '--shard auto: neither JOB_COMPLETION_INDEX (Kubernetes Indexed Job) nor SLURM_ARRAY_TASK_ID (Slurm job array) is set; run it inside such a job or give --shard I/N',
  );
}

function fromIndexedJob(value: string, shards: number | undefined): ResolvedShard {
  const index = whole(value, 'JOB_COMPLETION_INDEX');
  if (shards === undefined)
    throw usageError(
      `--shard auto: JOB_COMPLETION_INDEX=${value} says the shard but not how many there are; add --shards N (the Job's completions)`,
    );
  if (index >= shards)
    throw usageError(
      `--shard auto: JOB_COMPLETION_INDEX=${value} is not below --shards ${shards}; set --shards to the Job's completions`,
    );
  return { shard: { index, count: shards }, source: `JOB_COMPLETION_INDEX=${value} with --shards ${shards}` };
}

function fromSlurmArray(
  env: Readonly<Record<string, string | undefined>>,
  shards: number | undefined,
): ResolvedShard {
  const id = whole(env.SLURM_ARRAY_TASK_ID as string, 'SLURM_ARRAY_TASK_ID');
  if (!present(env.SLURM_ARRAY_TASK_COUNT))
    throw usageError(
      `--shard auto: SLURM_ARRAY_TASK_ID=${id} is set but SLURM_ARRAY_TASK_COUNT is not; submit the script with sbatch --array`,
    );
  const count = whole(env.SLURM_ARRAY_TASK_COUNT as string, 'SLURM_ARRAY_TASK_COUNT');
  const min = present(env.SLURM_ARRAY_TASK_MIN)
    ? whole(env.SLURM_ARRAY_TASK_MIN as string, 'SLURM_ARRAY_TASK_MIN')
    : 0;
  const step = present(env.SLURM_ARRAY_TASK_STEP)
    ? whole(env.SLURM_ARRAY_TASK_STEP as string, 'SLURM_ARRAY_TASK_STEP')
    : 1;
  const offset = id - min;
  const index = offset / Math.max(1, step);
  if (count < 1 || offset < 0 || !Number.isInteger(index) || index >= count)
    throw usageError(
      `--shard auto: SLURM_ARRAY_TASK_ID=${id} is not one of the ${count} tasks of a regular array from SLURM_ARRAY_TASK_MIN=${min} in steps of ${step}; submit with --array=0-${Math.max(0, count - 1)}`,
    );
  if (shards !== undefined && shards !== count)
    throw usageError(
      `--shard auto: --shards ${shards} differs from SLURM_ARRAY_TASK_COUNT=${count}; drop --shards or submit --array with ${shards} tasks`,
    );
  const source = `SLURM_ARRAY_TASK_ID=${id} of SLURM_ARRAY_TASK_COUNT=${count}${min !== 0 ? ` from SLURM_ARRAY_TASK_MIN=${min}` : ''}${step !== 1 ? ` step ${step}` : ''}`;
  return { shard: { index, count }, source };
}

function present(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

function whole(value: string, name: string): number {
  const text = value.trim();
  if (!/^\d+$/.test(text))
    throw usageError(`--shard auto: ${name}="${value}" is not a whole number; check the job's environment`);
  return Number(text);
}
