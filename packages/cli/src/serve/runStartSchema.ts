import {
  findTask,
  isBeamSpectrumId,
  isGoEmotionLabel,
  parseBeamWord,
  parsePlutchikTerm,
} from '@emocrowd/agents';
import { type RunStartBody, strategyNames } from '@emocrowd/crowd';
import { type BackendDefinition, backendRegistry } from '@emocrowd/models';
import { z } from 'zod';
import { modelForm } from '../run/describeBackends.js';
import type { RunRequest } from '../run/RunRequest.js';
import { HttpError } from './HttpError.js';

const intIn = (min: number, max: number) => z.number().int().min(min).max(max);

/**
 * The body of `POST /api/runs`: the part of a `RunRequest` a browser may choose.
 *
 * Deliberately narrower than the command line: personas are a count, `all` or `paper` (never a
 * file path), tasks are built-in ids (never a file), models are those of the backends the viewer
 * may use (`viewerBackend`: in-process ones, and served ones that list their models, e.g.
 * `ollama:NAME`), and servers come from the server's environment (OLLAMA_HOST, ...), never from
 * the page, so a page cannot make the server read files or call arbitrary hosts. Unknown keys
 * are refused so typos surface.
 */
export const RunStartSchema = z
  .object({
    task: z
      .string()
      .refine((id) => findTask(id) !== undefined, {
        message: 'not a built-in task or battery id (see GET /api/options)',
      })
      .default('fargo-seattle'),
    personas: z
      .union([z.number(), z.string()])
      .transform(String)
      .refine((v) => v === 'all' || v === 'paper' || (/^[1-9]\d{0,5}$/.test(v) && Number(v) <= 100_000), {
        message: 'use a crowd size (1 to 100000), "all" or "paper"',
      })
      .default('500'),
    emotions: z
      .array(
        z
          .string()
          .refine(
            (label) =>
              isGoEmotionLabel(label) ||
              parsePlutchikTerm(label) !== undefined ||
              parseBeamWord(label) !== undefined ||
              isBeamSpectrumId(label),
            { message: 'not a GoEmotions or Plutchik label, BEAM word or spectrum' },
          ),
      )
      .max(64)
      .optional(),
    emotionModel: z.enum(['goemotions', 'plutchik', 'beam']).optional(),
    intensities: z.array(z.number().min(-1).max(1)).min(1).max(21).optional(),
    condition: z.enum(['emotion', 'social', 'combined']).default('combined'),
    model: z
      .string()
      .regex(/^[a-z][a-z0-9-]*(:[A-Za-z0-9._:/-]{1,200})?$/, { message: `use ${viewerModelForms()}` })
      .refine((spec) => viewerBackend(spec) !== undefined, { message: `use ${viewerModelForms()}` })
      .default('synthetic'),
    seed: intIn(0, 2 ** 31 - 1).default(42),
    concurrency: intIn(1, 256).default(8),
    replicates: intIn(1, 100).default(1),
    rounds: intIn(1, 20).default(1),
    influence: z
      .object({
        kind: z.enum(['none', 'aggregate', 'neighbours']),
        aggregate: z.enum(['mean', 'median']).optional(),
        neighbours: intIn(1, 100).optional(),
      })
      .strict()
      .default({ kind: 'none' }),
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: intIn(1, 8192).optional(),
    strategies: z
      .array(
        z.string().refine((name) => strategyNames.includes(name), {
          message: 'not a strategy name (see GET /api/options)',
        }),
      )
      .min(1)
      .optional(),
    subsets: intIn(0, 5000).default(200),
    conduct: z.literal('default').optional(),
    tolerance: z.number().positive().max(10).default(0.1),
    groupBy: z
      .array(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/))
      .max(16)
      .optional(),
  })
  .strict();

/**
 * Compile-time check that the schema accepts exactly the contract's `RunStartBody` (the type the
 * viewer sends): a key added to one and not the other fails the build.
 */
type SchemaInput = z.input<typeof RunStartSchema>;
type Same<A, B> = [A, B] extends [B, A] ? true : never;
export const RUN_START_BODY_MATCHES: Same<SchemaInput, RunStartBody> &
  Same<keyof SchemaInput, keyof RunStartBody> = true;

/**
 * Validates a `POST /api/runs` body and completes it into a `RunRequest` with the command line's
 * defaults (timeout 120 s, 3 retries, 8 requests per host, temperature 0.8, 256 tokens).
 *
 * @param body the parsed JSON body.
 * @param env the server's environment (OLLAMA_HOST picks the Ollama server, and so on: each
 *   backend's host variable); a served backend without one configured is refused.
 * @returns the run request.
 * @throws HttpError 400 with one line naming the first wrong field.
 */
export function parseRunStart(body: unknown, env: Readonly<Record<string, string | undefined>>): RunRequest {
  const parsed = RunStartSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new HttpError(400, `bad run request: ${where}${issue?.message ?? 'invalid'}`.replace(/\s+/g, ' '));
  }
  const b = parsed.data;
  const definition = viewerBackend(b.model);
  if (definition !== undefined) {
    try {
      backendRegistry.hosts(definition, [], env);
    } catch (error) {
      throw new HttpError(400, `bad run request: model: ${(error as Error).message} on the server`);
    }
  }
  return {
    task: b.task,
    personas: b.personas,
    ...(b.emotions && b.emotions.length > 0 ? { emotions: b.emotions } : {}),
    ...(b.emotionModel ? { emotionModel: b.emotionModel } : {}),
    ...(b.intensities ? { intensities: b.intensities } : {}),
    condition: b.condition,
    model: b.model,
    hosts: [],
    seed: b.seed,
    concurrency: b.concurrency,
    replicates: b.replicates,
    rounds: b.rounds,
    influence: b.influence,
    temperature: b.temperature ?? 0.8,
    maxTokens: b.maxTokens ?? 256,
    keepAlive: '30m',
    timeoutMs: 120_000,
    retries: 3,
    maxPerHost: 8,
    retryFailed: false,
    ...(b.strategies ? { strategies: b.strategies } : {}),
    subsets: b.subsets,
    tolerance: b.tolerance,
    ...(b.groupBy && b.groupBy.length > 0 ? { groupBy: b.groupBy } : {}),
    ...(b.conduct ? { conduct: b.conduct } : {}),
  };
}

/**
 * The backend of a model a page may start, if any: in-process backends, and served ones that can
 * list their models (the run panel offers what the server has).
 *
 * @param spec a `--model` value
 * @returns its backend, or undefined when the viewer may not use it
 */
export function viewerBackend(spec: string): BackendDefinition | undefined {
  try {
    const { definition } = backendRegistry.parse(spec);
    return definition.hosts.kind === 'none' || definition.listModels !== undefined ? definition : undefined;
  } catch {
    return undefined;
  }
}

function viewerModelForms(): string {
  const forms = backendRegistry.definitions
    .filter((d) => d.hosts.kind === 'none' || d.listModels !== undefined)
    .map(modelForm);
  return forms.length <= 1 ? forms.join('') : `${forms.slice(0, -1).join(', ')} or ${forms.at(-1)}`;
}
