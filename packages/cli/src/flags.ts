import { backendRegistry } from '@emocrowd/models/backends';
import { usageError } from './command/CliError.js';
import type { FlagDef } from './command/defineCommand.js';
import { describeHosts, describeModelForms } from './run/describeBackends.js';

/**
 * Flags shared by several commands, defined once. A command spreads the groups it needs into
 * its own `flags`, so names, types and help texts never drift apart.
 */
export const outputFlags = {
  json: { type: 'boolean', description: 'Print one JSON object on stdout instead of tables.' },
  quiet: { type: 'boolean', short: 'q', description: 'No progress indicator or banner on stderr.' },
} as const satisfies Record<string, FlagDef>;

/**
 * The flags the registered model backends add (`--ollama-client`, `--api-key`, ...), read from
 * the backend registry: a new backend's flags appear in every command that takes `--model`.
 */
export const backendFlags: Readonly<Record<string, FlagDef>> = backendRegistry.flags();

/** `--model` and `--host`, described from the backend registry. */
export const modelChoiceFlags = {
  model: {
    type: 'string',
    valueName: 'SPEC',
    description: `${describeModelForms(backendRegistry)} (see the model backends in docs/cli.md).`,
    default: 'synthetic',
  },
  host: {
    type: 'string',
    valueName: 'URL',
    multiple: true,
    description: `Server URL; repeat to spread requests over several servers. Default: ${describeHosts(backendRegistry)}.`,
  },
} as const satisfies Record<string, FlagDef>;

/** Which model answers, where it is served, and how it is called. */
export const modelFlags = {
  ...modelChoiceFlags,
  ...backendFlags,
  timeout: {
    type: 'integer',
    valueName: 'MS',
    description: 'Per-request timeout in milliseconds, enforced around every call of every backend.',
    default: 120000,
    min: 1,
  },
  retries: {
    type: 'integer',
    description: 'Retries of a failed request (back-off with jitter).',
    default: 3,
    min: 0,
    max: 20,
  },
  'max-per-host': {
    type: 'integer',
    description: 'Requests in flight per server at most.',
    default: 8,
    min: 1,
  },
  cache: {
    type: 'string',
    valueName: 'PATH',
    description: 'Response cache file (SQLite). Default: ~/.cache/emocrowd/responses.sqlite.',
  },
  'no-cache': { type: 'boolean', description: 'Do not read or write the response cache.' },
  temperature: { type: 'number', description: 'Sampling temperature.', default: 0.8, min: 0, max: 2 },
  'max-tokens': {
    type: 'integer',
    description: 'Most tokens an answer may have (Ollama num_predict).',
    default: 256,
    min: 1,
  },
  'keep-alive': {
    type: 'string',
    valueName: 'DURATION',
    description: 'How long Ollama keeps the model loaded.',
    default: '30m',
  },
} as const satisfies Record<string, FlagDef>;

/** Which personas form the crowd. */
export const personaFlags = {
  personas: {
    type: 'string',
    valueName: 'N|all|paper|FILE',
    description:
      'N sampled personas, all of the default space, the paper space (15,064), or a JSON/YAML file.',
    default: '500',
  },
  emotions: {
    type: 'string',
    valueName: 'LIST',
    description:
      'Only these emotions (comma-separated GoEmotions or Plutchik labels, BEAM words or spectra such as sadness-joy).',
  },
  'emotion-model': {
    type: 'string',
    choices: ['goemotions', 'plutchik', 'beam'],
    description:
      "Emotions of the built-in spaces: goemotions (default, 28 labels), plutchik (the wheel's 24 terms) or beam (7 spectra x 7 signed levels).",
  },
  intensities: {
    type: 'string',
    valueName: 'LIST',
    description:
      'Intensity sweep of the built-in spaces: every emotion at each of these intensities, 0 to 1 (beam: signed levels -1 to 1; write --intensities=-1,-0.3,0,0.3,1).',
  },
  condition: {
    type: 'string',
    choices: ['emotion', 'social', 'combined'],
    description: 'What the prompt tells of a persona: emotion only, social attributes only, or both.',
    default: 'combined',
  },
  seed: { type: 'integer', description: 'Seed of every random draw of the run.', default: 42, min: 0 },
} as const satisfies Record<string, FlagDef>;

/** Analysis options. */
export const analysisFlags = {
  strategies: {
    type: 'string',
    valueName: 'LIST',
    description: 'Aggregation strategies (comma-separated; see docs/metrics.md). Default: all.',
  },
  subsets: {
    type: 'integer',
    valueName: 'B',
    description: 'Random permutations for the subset-size analysis (0 = skip).',
    default: 200,
    min: 0,
  },
  tolerance: {
    type: 'number',
    description: 'Relative error counted as accurate in the subset analysis.',
    default: 0.1,
    min: 0,
  },
  ks: {
    type: 'string',
    valueName: 'LIST',
    description:
      "Subset sizes added to the subset analysis' log-spaced grid (e.g. 538, the paper's optimal size); sizes above the crowd's are left out with a note.",
  },
  epsilon: {
    type: 'number',
    description:
      "The subset analysis' smallest good size is the smallest k whose accuracy is within epsilon of the best.",
    default: 0.01,
    min: 0,
    max: 1,
  },
  'group-by': {
    type: 'string',
    valueName: 'LIST',
    description: 'Break results down by these dimensions (e.g. emotion,ageGroup).',
  },
  'select-k': {
    type: 'integer',
    valueName: 'K',
    description:
      'Judges the selectCrowd strategy averages: the K with the best ability cue (Mannes et al. 2014).',
    default: 5,
    min: 1,
  },
} as const satisfies Record<string, FlagDef>;

/** When a crowd stops asking: at the precision of its answer. */
export const stopFlags = {
  'stop-at-precision': {
    type: 'number',
    valueName: 'P',
    description:
      'Ask personas in a seeded random order and stop once the 95% confidence sequence of the median is narrower than P times the median (e.g. 0.02), checked every --stop-check-every answers; the summary says when it stopped and the calls it saved (docs/metrics.md). One round, no --shard.',
    min: 0,
  },
  'stop-strategy': {
    type: 'string',
    choices: ['median'],
    description:
      'The aggregate whose interval decides the stop. Default: median (the aggregate with a distribution-free confidence sequence).',
  },
  'stop-check-every': {
    type: 'integer',
    valueName: 'N',
    description:
      'With --stop-at-precision: answers between two looks at the interval. Default: 50, or 1/200th of the crowd when that is more.',
    min: 1,
  },
} as const satisfies Record<string, FlagDef>;

/**
 * Reads `--ks`: comma-separated positive integers.
 *
 * @throws a usage error naming the flag and a correct form
 */
export function ksFlag(value: string | undefined): number[] | undefined {
  const items = listFlag(value);
  if (!items) return undefined;
  const bad = items.find((item) => !/^\d+$/.test(item) || Number(item) < 1);
  if (bad !== undefined)
    throw usageError(`--ks takes subset sizes, positive integers, e.g. --ks 538,1000 (got "${bad}")`);
  return items.map(Number);
}

/** Splits a comma-separated flag value into trimmed non-empty items. */
export function listFlag(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
}

/** How batch input files are split (`run --batch-out`, `batch export`, `batch submit`). */
export const batchFileFlags = {
  'batch-max-lines': {
    type: 'integer',
    valueName: 'N',
    description:
      'Most requests in one batch input file; more go to further files (the OpenAI Batch API takes 50,000).',
    default: 50000,
    min: 1,
  },
  'batch-max-bytes': {
    type: 'integer',
    valueName: 'BYTES',
    description: 'Most bytes in one batch input file (the OpenAI Batch API takes 200 MB).',
    default: 200000000,
    min: 1024,
  },
} as const satisfies Record<string, FlagDef>;

/** How to wait for batches (`batch fetch`, `batch submit --wait`). */
export const batchPollFlags = {
  'poll-interval': {
    type: 'integer',
    valueName: 'MS',
    description: 'First wait between two checks of the batches; each wait is 1.5 times the last.',
    default: 5000,
    min: 1,
  },
  'max-poll-interval': {
    type: 'integer',
    valueName: 'MS',
    description: 'Longest wait between two checks.',
    default: 60000,
    min: 1,
  },
} as const satisfies Record<string, FlagDef>;

/** Where a Batch API is served (`batch submit`, `status`, `fetch`). */
export const batchServerFlags = {
  host: {
    type: 'string',
    valueName: 'URL',
    description:
      "The server of /v1/files and /v1/batches (OpenAI, Azure OpenAI, a LiteLLM proxy). Default: the server the batch was submitted to, else the run's --host, else OPENAI_BASE_URL.",
  },
  'api-key': {
    type: 'string',
    valueName: 'KEY',
    description:
      'Bearer token of the Batch API. Default: OPENAI_API_KEY. Never written to the run directory.',
  },
} as const satisfies Record<string, FlagDef>;

/**
 * Reads `--intensities` as numbers; the range is checked by the persona space.
 *
 * @param value - the flag's text, e.g. "-1,-0.3,0,0.3,1"
 * @returns the numbers, or undefined when the flag is absent or empty
 * @throws a usage error naming the flag for an item that is not a number
 */
export function intensitiesFlag(value: string | undefined): number[] | undefined {
  const items = listFlag(value);
  if (items === undefined) return undefined;
  return items.map((item) => {
    const n = Number(item);
    if (!Number.isFinite(n))
      throw usageError(`--intensities: "${item}" is not a number; give e.g. --intensities=-1,-0.3,0,0.3,1`);
    return n;
  });
}

/** The conduct check of `emocrowd run`. */
export const conductFlags = {
  conduct: {
    type: 'string',
    valueName: 'default|FILE',
    description:
      "Judge each answer's reasoning against a code of conduct (default: the shipped wheel of virtues, or a YAML file) and give an answer in violation one revision turn.",
  },
  judge: {
    type: 'string',
    valueName: 'SPEC',
    description:
      "The model that judges (default: the run's model); the built-in synthetic model judges with a heuristic of cue words.",
  },
  'judge-host': {
    type: 'string',
    valueName: 'URL',
    multiple: true,
    description: "The judge's server (default: the run's servers for the same kind of backend).",
  },
} as const satisfies Record<string, FlagDef>;
