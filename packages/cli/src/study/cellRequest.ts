import type { InfluenceConfig, StudyCell } from '@emocrowd/crowd';
import { type BackendSetting, backendRegistry } from '@emocrowd/models';
import { runFlags } from '../commands/run.js';
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
  /**
   * Backend flags given on the command line (`--api-key`, `--ollama-client`, ...); each cell gets
   * those its model's backend takes, over the cell's own `backendOptions`.
   */
  backendOptions?: Readonly<Record<string, BackendSetting>>;
}

const defaults = runFlags;

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
  const model = s.model ?? defaults.model.default;
  const influence: InfluenceConfig = s.influence ?? { kind: defaults.influence.default as 'aggregate' };
  return {
    task: s.task ?? defaults.task.default,
    personas: s.personas ?? defaults.personas.default,
    ...(s.emotions ? { emotions: [...s.emotions] } : {}),
    ...(s.emotionModel ? { emotionModel: s.emotionModel } : {}),
    ...(s.intensities ? { intensities: [...s.intensities] } : {}),
    ...(options.scale ? { scale: options.scale } : {}),
    condition: s.condition ?? (defaults.condition.default as RunRequest['condition']),
    model,
    hosts: s.hosts ? [...s.hosts] : [],
    ...backendOptionsOf(model, s.backendOptions, options.backendOptions),
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
    ...(s.stop
      ? {
          stop: {
            precision: s.stop.precision,
            strategy: 'strategy' in s.stop && s.stop.strategy ? s.stop.strategy : 'median',
            ...('checkEvery' in s.stop && s.stop.checkEvery !== undefined
              ? { checkEvery: s.stop.checkEvery }
              : {}),
          },
        }
      : {}),
  };
}

/** The cell's backend flags, then those of the command line that its model's backend takes. */
function backendOptionsOf(
  model: string,
  own: Readonly<Record<string, BackendSetting>> | undefined,
  given: Readonly<Record<string, BackendSetting>> | undefined,
): { backendOptions?: Record<string, BackendSetting> } {
  const prefix = model.trim().split(':')[0] ?? '';
  const takes = backendRegistry.find(prefix)?.flags ?? {};
  const fromFlags = Object.fromEntries(Object.entries(given ?? {}).filter(([name]) => name in takes));
  const merged = { ...own, ...fromFlags };
  return Object.keys(merged).length > 0 ? { backendOptions: merged } : {};
}
