import type { InfluenceConfig, StudyCell } from '@emocrowd/crowd';
import { runCommand } from '../commands/run.js';
import type { RunRequest } from '../run/RunRequest.js';
import type { CrowdScale } from '../run/scaleList.js';

/** What a study adds to every cell's request: the study-wide options of `emocrowd study run`. */
export interface StudyRunOptions {
  /** Model calls in flight at most (the study runs one cell at a time). */
  concurrency: number;
  scale?: CrowdScale;
  shard?: { index: number; count: number };
  /** The response cache every cell shares; false = none; undefined = the default for the model. */
  cache?: string | false;
  retryFailed?: boolean;
  apiKey?: string;
}

const defaults = runCommand.flags;

/**
 * The run request of one cell: its settings, with every setting the study leaves open taking the
 * default `emocrowd run` gives it (read from the run command's flag definitions, so a study cell
 * and a plain run with the same flags are the same run).
 *
 * @param cell the cell
 * @param options the study-wide options
 * @returns the request startRun takes
 */
export function cellRequest(cell: StudyCell, options: StudyRunOptions): RunRequest {
  const s = cell.settings;
  const influence: InfluenceConfig = s.influence ?? { kind: defaults.influence.default as 'aggregate' };
  return {
    task: s.task ?? defaults.task.default,
    personas: s.personas ?? defaults.personas.default,
    ...(s.emotions ? { emotions: [...s.emotions] } : {}),
    ...(options.scale ? { scale: options.scale } : {}),
    condition: s.condition ?? (defaults.condition.default as RunRequest['condition']),
    model: s.model ?? defaults.model.default,
    hosts: s.hosts ? [...s.hosts] : [],
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    ollamaClient: s.ollamaClient ?? (defaults['ollama-client'].default as 'langchain'),
    seed: s.seed ?? defaults.seed.default,
    concurrency: options.concurrency,
    replicates: s.replicates ?? defaults.replicates.default,
    rounds: s.rounds ?? defaults.rounds.default,
    influence:
      influence.kind === 'neighbours'
        ? s.network !== undefined
          ? { kind: 'neighbours', show: influence.show ?? 'values' }
          : { kind: 'neighbours', neighbours: influence.neighbours ?? defaults.neighbours.default }
        : influence.kind === 'aggregate'
          ? {
              kind: 'aggregate',
              aggregate: influence.aggregate ?? (defaults['show-aggregate'].default as 'median'),
            }
          : { kind: 'none' },
    ...(s.network !== undefined ? { network: s.network } : {}),
    temperature: s.temperature ?? defaults.temperature.default,
    maxTokens: s.maxTokens ?? defaults['max-tokens'].default,
    keepAlive: s.keepAlive ?? defaults['keep-alive'].default,
    timeoutMs: s.timeoutMs ?? defaults.timeout.default,
    retries: s.retries ?? defaults.retries.default,
    maxPerHost: s.maxPerHost ?? defaults['max-per-host'].default,
    ...(options.cache !== undefined ? { cache: options.cache } : {}),
    retryFailed: options.retryFailed === true,
    ...(options.shard ? { shard: options.shard } : {}),
    ...(s.strategies ? { strategies: [...s.strategies] } : {}),
    subsets: s.subsets ?? defaults.subsets.default,
    tolerance: s.tolerance ?? defaults.tolerance.default,
    ...(s.groupBy ? { groupBy: [...s.groupBy] } : {}),
  };
}
