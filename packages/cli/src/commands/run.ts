import { defineCommand, type FlagDefs } from '../command/defineCommand.js';
import {
  analysisFlags,
  batchFileFlags,
  conductFlags,
  modelFlags,
  outputFlags,
  personaFlags,
  stopFlags,
} from '../flags.js';

/** The flags of `emocrowd run`. */
export const runFlags = {
  task: {
    type: 'string',
    valueName: 'ID|FILE',
    description:
      'Built-in task or battery id (see emocrowd tasks) or a JSON/YAML task file; a battery asks every persona every item.',
    default: 'fargo-seattle',
  },
  ...personaFlags,
  ...modelFlags,
  concurrency: {
    type: 'integer',
    description: 'Model calls in flight at most.',
    default: 16,
    min: 1,
    max: 4096,
  },
  replicates: {
    type: 'integer',
    description: 'Times each persona is asked (different seeds).',
    default: 1,
    min: 1,
    max: 1000,
  },
  rounds: {
    type: 'integer',
    description: 'Social-influence rounds (1 = independent answers only).',
    default: 1,
    min: 1,
    max: 50,
  },
  influence: {
    type: 'string',
    choices: ['none', 'aggregate', 'neighbours'],
    description: 'What agents see of the others between rounds.',
    default: 'aggregate',
  },
  'show-aggregate': {
    type: 'string',
    choices: ['mean', 'median'],
    description: 'The aggregate shown with --influence aggregate.',
    default: 'median',
  },
  neighbours: {
    type: 'integer',
    description:
      'With --influence neighbours and no --network: how many other answers each persona is shown, drawn afresh every round.',
    default: 5,
    min: 1,
  },
  network: {
    type: 'string',
    valueName: 'NAME|FILE',
    description:
      'With --influence neighbours: a fixed network, each persona shown its own neighbours\' answers: random-regular:D, star, ring[:K], lattice[:RxC], erdos-renyi:P, complete, or an edge-list file (0-based persona positions, "a,b" per line). Built once from --seed; stored as network.csv in the run.',
  },
  'show-neighbours': {
    type: 'string',
    choices: ['values', 'mean', 'median'],
    description:
      "With --network: show each neighbour's answer (default), or only their mean (as Becker et al. 2017) or median.",
  },
  'retry-failed': {
    type: 'boolean',
    description: 'Ask again the answers the cache holds as failed or unparsed.',
  },
  out: {
    type: 'string',
    valueName: 'DIR',
    description: 'Run directory. Default: runs/<time>-<task>-<model>.',
  },
  runs: {
    type: 'string',
    valueName: 'DIR',
    description: 'Run store for the default --out.',
    default: 'runs',
  },
  resume: {
    type: 'string',
    valueName: 'DIR',
    description:
      'Continue the run in DIR where it stopped, with every setting from its run.json. Only flags that do not change the answers may be added (--host, --concurrency, --timeout, --retries, --max-per-host, --cache, --no-cache, --retry-failed, --keep-alive, --ollama-client, --api-key, --quiet, --json).',
  },
  shard: {
    type: 'string',
    valueName: 'I/N|auto',
    description:
      'Ask only shard I of N of the crowd (merge shards with emocrowd merge); auto: from JOB_COMPLETION_INDEX (Kubernetes Indexed Job, with --shards N) or SLURM_ARRAY_TASK_ID (Slurm job array).',
  },
  shards: {
    type: 'integer',
    valueName: 'N',
    description:
      "With --shard auto in a Kubernetes Indexed Job: the number of shards (the Job's completions).",
    min: 1,
  },
  ...stopFlags,
  ...conductFlags,
  'batch-out': {
    type: 'string',
    valueName: 'FILE',
    description:
      'Call no model: write the requests the run would send (its first round) as OpenAI batch input lines to FILE, for vllm run-batch or a Batch API; then emocrowd batch import DIR RESULTS. Needs --model openai:NAME.',
  },
  ...batchFileFlags,
  ...analysisFlags,
  ...outputFlags,
} as const satisfies FlagDefs;

/** `emocrowd run`: simulate a crowd and report its wisdom. */
export const runCommand = defineCommand({
  meta: {
    name: 'run',
    description:
      'Ask a crowd of emotional personas an estimation question and report the aggregates and wisdom-of-crowds metrics. Every answer is stored under --out as it arrives.',
    examples: [
      'emocrowd run',
      'emocrowd run --personas paper --condition emotion --json',
      'emocrowd run --model ollama:emollama --host http://127.0.0.1:11434 --concurrency 4',
      'emocrowd run --rounds 3 --influence aggregate',
      'emocrowd run --personas all --emotion-model beam --emotions sadness-joy --condition emotion',
      'emocrowd run --model ollama:llama3.1:8b --conduct default --judge ollama:qwen2.5:7b',
      'emocrowd run --personas 40 --rounds 3 --influence neighbours --network random-regular:4 --show-neighbours mean',
      'emocrowd run --task lorenz-2011 --personas 300',
      'emocrowd run --personas paper --stop-at-precision 0.02',
      'emocrowd run --resume runs/20261122-081500-fargo-seattle-synthetic',
    ],
  },
  flags: runFlags,
  run: async (context) => (await import('../actions/runAction.js')).runAction(context),
});
