import type { CodeOfConduct } from '@emocrowd/agents';
import type { StopRule } from '../stopping/StopRule.js';

/** One question of a run's task as run.json records it: enough to score and to read back its answers. */
export interface ItemDescriptor {
  id: string;
  question: string;
  unit: string;
  truth: number;
  truthSource: string;
}

/**
 * The task of a run. A single question: `id`, `question`, `unit`, `truth`, `truthSource`. A battery: `id`, `question` (the battery's title) and
 * `items`, one per question asked; `unit`, `truth` and `truthSource` are absent. Read the
 * questions of either with `descriptorItems`.
 */
export interface TaskDescriptor {
  id: string;
  /** The question, or a battery's title. */
  question: string;
  unit?: string;
  truth?: number;
  truthSource?: string;
  /** The items of a battery, in asking order. */
  items?: ItemDescriptor[];
}

/**
 * What a run is: everything that determines its answers. Two runs with equal descriptors (and
 * the same model weights) give the same answers; `emocrowd merge` refuses shards whose
 * descriptors differ in anything but the shard.
 */
export interface RunDescriptor {
  runId: string;
  task: TaskDescriptor;
  model: {
    id: string;
    backend: string;
    model: string;
    digest?: string;
    isLanguageModel: boolean;
    hosts?: string[];
    /**
     * Which request fields the backend passes to the model (models' `ModelCapabilities`), when
     * the backend reports them: a study comparing models can tell which were seeded.
     */
    capabilities?: {
      seed: boolean;
      temperature: boolean;
      maxTokens: boolean;
      topP: boolean;
      keepAlive: boolean;
      schema: boolean;
    };
  };
  personas: {
    /** How the crowd was chosen, e.g. "200", "all", "paper", a file path. */
    spec: string;
    space: string;
    condition: 'emotion' | 'social' | 'combined';
    emotions?: string[];
    /** The emotion vocabulary of a built-in space (`--emotion-model`), when not the default. */
    emotionModel?: 'goemotions' | 'plutchik' | 'beam';
    /** The intensity sweep of a built-in space (`--intensities`). */
    intensities?: number[];
    /** A seeded fraction of the selection was asked (`emocrowd study run --scale 1/56`). */
    scale?: { numerator: number; denominator: number };
    /** Personas in the crowd (after scaling, before sharding). */
    count: number;
    shard?: { index: number; count: number };
  };
  seed: number;
  replicates: number;
  rounds: number;
  influence: InfluenceConfig;
  generation: { temperature?: number; maxTokens?: number; keepAlive?: string | number };
  strategies: string[];
  /** `--stop-at-precision`: personas asked in a seeded random order until the interval is narrow enough. */
  stop?: StopRule;
  /** The conduct check (`--conduct`): the code in full and the judge, both of which change the answers. */
  conduct?: ConductDescriptor;
}

/** The conduct check of a run. */
export interface ConductDescriptor {
  /** The code of conduct as used (the default one, or a file's contents). */
  code: CodeOfConduct;
  /** The judge's model; `synthetic` judges with the heuristic judge. */
  judge: {
    id: string;
    backend: string;
    model: string;
    digest?: string;
    isLanguageModel: boolean;
    hosts?: string[];
  };
}

/** What agents are shown of the others between social-influence rounds. */
export interface InfluenceConfig {
  kind: 'none' | 'aggregate' | 'neighbours';
  /** For `aggregate`: which aggregate of the agent's crowd is shown (default median). */
  aggregate?: 'mean' | 'median';
  /**
   * For `neighbours` without a network: how many other answers each agent sees, drawn afresh
   * (with replacement) every round from its crowd (default 5).
   */
  neighbours?: number;
  /** For `neighbours`: a fixed network; each agent sees its own neighbours' previous answers. */
  network?: NetworkDescription;
  /**
   * For `neighbours` on a network: each neighbour's answer (`values`, the default), or only
   * their mean or median (Becker, Brackbill & Centola 2017 showed the mean).
   */
  show?: 'values' | 'mean' | 'median';
}

/** The network of a run, as run.json describes it; its edges are in the run's network.csv. */
export interface NetworkDescription {
  /** As given to `--network`: `random-regular:4`, `star`, `lattice:20x25`, or the file given. */
  spec: string;
  /** The network kind (`random-regular`, `star`, `ring`, `lattice`, `erdos-renyi`, `complete`) or `file`. */
  kind: string;
  /** Nodes: the crowd's positions 0..nodes-1. */
  nodes: number;
  /** Undirected edges. */
  edges: number;
  /** Smallest, largest and mean degree. */
  degree: { min: number; max: number; mean: number };
  /** The file in the run directory holding the edge list (`network.csv`). */
  file: string;
  /** SHA-256 (hex) of that file's content: a resumed run refuses a different network. */
  sha256: string;
}

/**
 * The questions of a run's task: a battery's items, or the single question as one item with the
 * task's id. Run directories made before batteries existed read as a battery of one.
 *
 * @param task - the descriptor's task
 * @returns the items, in asking order
 */
export function descriptorItems(task: TaskDescriptor): ItemDescriptor[] {
  if (task.items !== undefined) return task.items;
  return [
    {
      id: task.id,
      question: task.question,
      unit: task.unit ?? '',
      truth: task.truth ?? Number.NaN,
      truthSource: task.truthSource ?? '',
    },
  ];
}

/**
 * Whether a run's task is a battery (its records carry `item`).
 *
 * @param task - the descriptor's task
 * @returns true for a battery
 */
export function isBatteryDescriptor(task: TaskDescriptor): boolean {
  return task.items !== undefined;
}
