/**
 * What a run is: everything that determines its answers. Two runs with equal descriptors (and
 * the same model weights) give the same answers; `emocrowd merge` refuses shards whose
 * descriptors differ in anything but the shard.
 */
export interface RunDescriptor {
  runId: string;
  task: { id: string; question: string; unit: string; truth: number; truthSource: string };
  model: {
    id: string;
    backend: string;
    model: string;
    digest?: string;
    isLanguageModel: boolean;
    hosts?: string[];
  };
  personas: {
    /** How the crowd was chosen, e.g. "200", "all", "paper", a file path. */
    spec: string;
    space: string;
    condition: 'emotion' | 'social' | 'combined';
    emotions?: string[];
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
}

/** What agents are shown of the others between social-influence rounds. */
export interface InfluenceConfig {
  kind: 'none' | 'aggregate' | 'neighbours';
  /** For `aggregate`: which aggregate is shown (default median). */
  aggregate?: 'mean' | 'median';
  /** For `neighbours`: how many other answers each agent sees (default 5). */
  neighbours?: number;
}
