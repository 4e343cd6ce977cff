import type { EmotionModel } from '@emocrowd/agents';
import type { InfluenceConfig } from '@emocrowd/crowd';
import type { CrowdScale } from './scaleList.js';

/**
 * Everything needed to start a run, independent of where it came from: `emocrowd run` flags
 * (and config file), or the viewer's "start" form through `emocrowd serve`.
 */
export interface RunRequest {
  /** Task id or task file path. Default "fargo-seattle". */
  task: string;
  /** "N", "all", "paper" or a persona-space file path. Default "500". */
  personas: string;
  emotions?: string[];
  /** Ask a seeded fraction of the personas (after the emotion filter, before sharding). */
  scale?: CrowdScale;
  /** Emotions of the built-in spaces (default: the space's own, GoEmotions). */
  emotionModel?: EmotionModel;
  /** Intensity sweep of the built-in spaces. */
  intensities?: number[];
  condition: 'emotion' | 'social' | 'combined';
  /** A `--model` spec of a registered backend: synthetic, ollama:NAME, openai:NAME, ... */
  model: string;
  hosts: string[];
  /**
   * The backend's own flags by flag name, e.g. `{ 'ollama-client': 'native' }` or
   * `{ 'api-key': '...' }` (secret ones are written to run.json as "(set)"); flags left out take
   * their defaults.
   */
  backendOptions?: Record<string, string | number | boolean>;
  seed: number;
  concurrency: number;
  replicates: number;
  rounds: number;
  influence: InfluenceConfig;
  /**
   * `--network`: a built-in network (`random-regular:4`, `star`, ...) or an edge-list file, for
   * `influence.kind` neighbours; built (or read) once, described in run.json, stored as network.csv.
   */
  network?: string;
  temperature?: number;
  maxTokens?: number;
  keepAlive?: string;
  timeoutMs: number;
  retries: number;
  maxPerHost: number;
  /** Response cache file; false = no cache; undefined = the default for the model. */
  cache?: string | false;
  retryFailed: boolean;
  /** Shard i of n (0-based index). */
  shard?: { index: number; count: number };
  strategies?: string[];
  /** Permutations of the subset-size analysis (0 = skip). */
  subsets: number;
  tolerance: number;
  /** Subset sizes added to the grid (`--ks`). */
  ks?: number[];
  /** `--epsilon` of the smallest good size (default 0.01). */
  epsilon?: number;
  groupBy?: string[];
  /** Judges the selectCrowd strategy averages (default 5). */
  selectK?: number;
  /** `--stop-at-precision P [--stop-strategy median] [--stop-check-every N]`: stop once the answer is precise enough. */
  stop?: { precision: number; strategy: 'median'; checkEvery?: number };
  /** `--conduct`: "default" (the shipped code) or a code-of-conduct file. */
  conduct?: string;
  /** `--judge`: the judge's model spec (default: the run's model). */
  judge?: string;
  /** `--judge-host`: the judge's servers (default: the run's, for the same kind of backend). */
  judgeHosts?: string[];
}
