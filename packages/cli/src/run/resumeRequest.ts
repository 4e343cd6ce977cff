import { resolve } from 'node:path';
import { RUN_FILES, type RunManifest, RunStoreError, readRunManifest } from '@emocrowd/crowd';
import { usageError } from '../command/CliError.js';
import { backendFlags } from '../flags.js';
import type { RunRequest } from './RunRequest.js';
import { requestFromManifest } from './requestFromManifest.js';

/**
 * The flags that may change when a run is continued, and the request fields they set: how and
 * where the answers are obtained (servers, limits, cache, output), never what is asked. The
 * backends' own flags (`--ollama-client`, `--api-key`, ...: how a request is sent, with which
 * credentials) may change too.
 */
export const RESUME_MAY_CHANGE: Readonly<Record<string, readonly (keyof RunRequest)[]>> = {
  host: ['hosts'],
  'keep-alive': ['keepAlive'],
  timeout: ['timeoutMs'],
  retries: ['retries'],
  'max-per-host': ['maxPerHost'],
  concurrency: ['concurrency'],
  cache: ['cache'],
  'no-cache': ['cache'],
  'retry-failed': ['retryFailed'],
  'judge-host': ['judgeHosts'],
  quiet: [],
  json: [],
  resume: [],
  // Where a batch export goes and how it is split: how the answers are obtained, not what is asked.
  'batch-out': [],
  'batch-max-lines': [],
  'batch-max-bytes': [],
};

/**
 * The flags that fix the answers (or the run's analysis), each with the value it had for a
 * stored request, in the form the flag's parsed value takes (lists as arrays, the shard as
 * `{ index, count }`). With `--resume` they may be repeated with the run's own value, never changed.
 */
export const RESUME_FIXED: Readonly<Record<string, (request: RunRequest) => unknown>> = {
  task: (r) => r.task,
  personas: (r) => r.personas,
  emotions: (r) => r.emotions,
  'emotion-model': (r) => r.emotionModel,
  intensities: (r) => r.intensities,
  condition: (r) => r.condition,
  model: (r) => r.model,
  seed: (r) => r.seed,
  replicates: (r) => r.replicates,
  rounds: (r) => r.rounds,
  influence: (r) => r.influence.kind,
  'show-aggregate': (r) => r.influence.aggregate,
  neighbours: (r) => r.influence.neighbours,
  network: (r) => r.network,
  'show-neighbours': (r) => r.influence.show,
  temperature: (r) => r.temperature,
  'max-tokens': (r) => r.maxTokens,
  shard: (r) => r.shard,
  shards: (r) => r.shard?.count,
  strategies: (r) => r.strategies,
  subsets: (r) => r.subsets,
  tolerance: (r) => r.tolerance,
  ks: (r) => r.ks,
  epsilon: (r) => r.epsilon,
  'group-by': (r) => r.groupBy,
  'select-k': (r) => r.selectK,
  'stop-at-precision': (r) => r.stop?.precision,
  'stop-strategy': (r) => (r.stop ? r.stop.strategy : undefined),
  'stop-check-every': (r) => r.stop?.checkEvery,
  conduct: (r) => r.conduct,
  judge: (r) => r.judge,
};

/** Flags whose values may be file paths: compared as resolved paths. */
const PATH_FLAGS = new Set(['task', 'personas', 'network', 'conduct']);

/** Flags that have no meaning with `--resume`, with why. */
export const RESUME_REFUSED: Readonly<Record<string, string>> = {
  out: 'the run directory is the one --resume names',
  runs: 'the run directory is the one --resume names',
};

/** What `--resume DIR` runs: the stored request with the operational flags given, and where its paths start. */
export interface ResumedRequest {
  /** The run directory, absolute. */
  dir: string;
  request: RunRequest;
  /** Where the stored request's relative paths start (the directory the run was started in). */
  cwd: string;
}

/**
 * The request of `emocrowd run --resume DIR`: every setting from the run's run.json; of the
 * flags given, those in `RESUME_MAY_CHANGE` and the backends' flags replace the stored values (a
 * cache path resolved from the current directory), those in `RESUME_FIXED` must equal the run's own value, anything
 * else is refused. So `--resume DIR` alone continues the run exactly as it was started.
 *
 * @param resumeDir the `--resume` value.
 * @param given the request the flags describe (defaults included).
 * @param values the flags' parsed values in the command line's form (lists as arrays, the shard
 *   as `{ index, count }`).
 * @param explicit the flags given on the command line.
 * @param cwd the current directory.
 * @returns the request to run, the run directory and the directory its stored paths start from.
 * @throws CliError (exit 2) with one line naming the flag that cannot be used or changed.
 */
export function resumeRequest(
  resumeDir: string,
  given: RunRequest,
  values: Readonly<Record<string, unknown>>,
  explicit: ReadonlySet<string>,
  cwd: string,
): ResumedRequest {
  const dir = resolve(cwd, resumeDir);
  const manifest = readManifest(dir, resumeDir);
  const storedCwd = manifest.cwd ?? cwd;
  const stored = requestFromManifest(manifest, resumeDir);
  const request: RunRequest = { ...stored };
  const set = request as unknown as Record<string, unknown>;
  for (const flag of explicit) {
    if (flag in backendFlags) {
      const value = given.backendOptions?.[flag];
      const options = { ...request.backendOptions };
      if (value === undefined) delete options[flag];
      else options[flag] = value;
      request.backendOptions = options;
      continue;
    }
    const fields = RESUME_MAY_CHANGE[flag];
    if (fields) {
      for (const field of fields) set[field] = given[field];
      continue;
    }
    const setting = RESUME_FIXED[flag];
    if (!setting) {
      const why = RESUME_REFUSED[flag] ?? 'it is not a setting of a resumed run';
      throw usageError(`--${flag} cannot be used with --resume: ${why}`);
    }
    const was = setting(stored);
    const now = values[flag];
    const same = PATH_FLAGS.has(flag)
      ? samePath(was, storedCwd, now, cwd)
      : JSON.stringify(was ?? null) === JSON.stringify(now ?? null);
    if (!same) {
      throw usageError(
        `--resume ${resumeDir}: the run was made with --${flag} ${shown(was)}; a resumed run keeps every setting that changes its answers (drop --${flag}, or start a new run with --out)`,
      );
    }
  }
  if (explicit.has('cache') && typeof request.cache === 'string') request.cache = resolve(cwd, request.cache);
  if (request.cache === undefined) delete request.cache;
  return { dir, request, cwd: storedCwd };
}

function readManifest(dir: string, shown: string): RunManifest {
  try {
    return readRunManifest(dir);
  } catch (error) {
    if (error instanceof RunStoreError && error.kind === 'no-run')
      throw usageError(
        `--resume ${shown}: no run there (no ${RUN_FILES.manifest}); start it without --resume`,
      );
    if (error instanceof RunStoreError) throw usageError(`--resume ${shown}: ${error.message}`);
    throw error;
  }
}

/** Whether two values name the same thing: equal text, or the same file from their directories. */
function samePath(was: unknown, wasCwd: string, now: unknown, nowCwd: string): boolean {
  if (was === now) return true;
  if (typeof was !== 'string' || typeof now !== 'string') return false;
  return resolve(wasCwd, was) === resolve(nowCwd, now);
}

function shown(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'object' && value !== null && 'index' in value && 'count' in value)
    return `${(value as { index: number }).index + 1}/${(value as { count: number }).count}`;
  return String(value);
}
