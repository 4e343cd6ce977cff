import { RUN_FILES, type RunManifest } from '@emocrowd/crowd';
import { z } from 'zod';
import { usageError } from '../command/CliError.js';
import type { RunRequest } from './RunRequest.js';

const count = z.number().int().min(0);

/** The request a run.json stores (`RunRequest`, the API key replaced by a marker). */
const StoredRequestSchema = z.object({
  task: z.string(),
  personas: z.string(),
  emotions: z.array(z.string()).optional(),
  emotionModel: z.enum(['goemotions', 'plutchik', 'beam']).optional(),
  intensities: z.array(z.number()).optional(),
  condition: z.enum(['emotion', 'social', 'combined']),
  model: z.string(),
  hosts: z.array(z.string()),
  backendOptions: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  /** Runs made before backend flags were kept by name stored the Ollama client here. */
  ollamaClient: z.enum(['langchain', 'native']).optional(),
  seed: count,
  concurrency: count,
  replicates: count,
  rounds: count,
  influence: z.object({
    kind: z.enum(['none', 'aggregate', 'neighbours']),
    aggregate: z.enum(['mean', 'median']).optional(),
    neighbours: count.optional(),
    show: z.enum(['values', 'mean', 'median']).optional(),
  }),
  network: z.string().optional(),
  temperature: z.number().optional(),
  maxTokens: count.optional(),
  keepAlive: z.string().optional(),
  timeoutMs: count,
  retries: count,
  maxPerHost: count,
  cache: z.union([z.string(), z.literal(false)]).optional(),
  retryFailed: z.boolean(),
  shard: z.object({ index: count, count }).optional(),
  strategies: z.array(z.string()).optional(),
  subsets: count,
  tolerance: z.number(),
  ks: z.array(count).optional(),
  epsilon: z.number().optional(),
  groupBy: z.array(z.string()).optional(),
  selectK: count.optional(),
  stop: z
    .object({ precision: z.number(), strategy: z.enum(['median']), checkEvery: count.optional() })
    .optional(),
  conduct: z.string().optional(),
  judge: z.string().optional(),
  judgeHosts: z.array(z.string()).optional(),
});

/**
 * The request a run was started with, read back from its run.json for `--resume DIR`. Secret
 * backend flags (API keys) are never stored (run.json says "(set)"): they are left out, to come
 * from the flag or the environment again.
 *
 * @param manifest the run's manifest.
 * @param dir the run directory, for messages.
 * @returns the request.
 * @throws CliError (exit 2) naming run.json and the first key that is missing or wrong.
 */
export function requestFromManifest(manifest: RunManifest, dir: string): RunRequest {
  const parsed = StoredRequestSchema.safeParse(manifest.request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path.join('.') || 'request';
    throw usageError(
      `--resume ${dir}: ${RUN_FILES.manifest} has no usable "request.${key}" (${issue?.message ?? 'invalid'}); start a new run with --out`.replace(
        /\s+/g,
        ' ',
      ),
    );
  }
  const { ollamaClient, backendOptions, ...request } = parsed.data;
  const stored: Record<string, string | number | boolean> = {
    ...(ollamaClient ? { 'ollama-client': ollamaClient } : {}),
    ...backendOptions,
  };
  const options = Object.fromEntries(Object.entries(stored).filter(([, value]) => value !== '(set)'));
  return { ...request, ...(Object.keys(options).length > 0 ? { backendOptions: options } : {}) };
}
