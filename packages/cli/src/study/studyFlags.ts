import type { FlagDef } from '../command/defineCommand.js';

/** The flags that say which study, which cells and at what size (`study plan`, `study run`). */
export const studyFlags = {
  out: {
    type: 'string',
    valueName: 'DIR',
    description:
      'Study directory. Default: <runs>/<name>, with -scaleAofB, -set-<hash> and -shardIofN added for those flags.',
  },
  runs: {
    type: 'string',
    valueName: 'DIR',
    description: 'Where the default study directory goes.',
    default: 'runs',
  },
  cells: { type: 'string', valueName: 'LIST', description: 'Only these cells (comma-separated names).' },
  set: {
    type: 'string',
    valueName: 'KEY=VALUE',
    multiple: true,
    description:
      'Change a factor level (model.base=synthetic) or fix a setting (replicates=2); repeat for several.',
  },
  scale: {
    type: 'string',
    valueName: 'A/B',
    description:
      "Ask a seeded fraction of every cell's personas (the same personas in every cell), e.g. 1/56.",
  },
  shard: {
    type: 'string',
    valueName: 'I/N|auto',
    description:
      'Ask only shard I of N of every cell (join the parts with emocrowd study merge); auto: from JOB_COMPLETION_INDEX (Kubernetes Indexed Job, with --shards N) or SLURM_ARRAY_TASK_ID (Slurm job array).',
  },
  shards: {
    type: 'integer',
    valueName: 'N',
    description:
      "With --shard auto in a Kubernetes Indexed Job: the number of shards (the Job's completions).",
    min: 1,
  },
} as const satisfies Record<string, FlagDef>;
