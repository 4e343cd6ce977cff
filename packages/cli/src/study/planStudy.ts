import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Condition, type EstimationTask, isBattery, PersonaAgent, taskItems } from '@emocrowd/agents';
import { RUN_FILES, readResponses, recordKey } from '@emocrowd/crowd';
import type { BackendStack, ModelRequest } from '@emocrowd/models';
import { describeRun } from '../run/describeRun.js';
import { openModelStack } from '../run/openModelStack.js';
import type { RunRequest } from '../run/RunRequest.js';
import { resolveCrowd } from '../run/resolveCrowd.js';
import { cellRequest, type StudyRunOptions } from './cellRequest.js';
import type { ResolvedStudy } from './resolveStudy.js';

/** What one cell of a study will ask. */
export interface CellPlanRow {
  name: string;
  factors: Readonly<Record<string, string>>;
  model: string;
  /** Personas this cell asks (after --scale and --shard). */
  personas: number;
  replicates: number;
  rounds: number;
  /** personas x items x replicates x rounds. */
  answers: number;
  /** Answers already in the cell's run directory (a study being continued). */
  stored: number;
  /** Answers of round 0 not stored but served by the response cache; null when unknown (no cache, server not reachable). */
  cached: number | null;
  /** Calls that will reach the model: answers - stored - cached (later rounds never count as cached). */
  modelCalls: number;
  /** Estimated prompt tokens of the model calls. */
  promptTokens: number;
  /** Estimated completion tokens (from the probe); null without one. */
  completionTokens: number | null;
  /** Estimated seconds (from the probe's latency); null without one. */
  seconds: number | null;
}

/** A short probe of one model: a few real calls, timed. */
export interface ModelProbe {
  model: string;
  /** Calls made (0 when the model could not be reached). */
  calls: number;
  /** Mean wall time of a call, in milliseconds. */
  latencyMs: number | null;
  promptTokensPerCall: number | null;
  completionTokensPerCall: number | null;
  /** Prompt tokens per prompt character the model reported (the estimate's ratio). */
  tokensPerChar: number | null;
  error?: string;
}

/** `emocrowd study plan`. */
export interface StudyPlan {
  study: string;
  dir: string;
  /** The directory holds this study already (answers there are counted as stored). */
  continued: boolean;
  cells: CellPlanRow[];
  probes: ModelProbe[];
  totals: {
    answers: number;
    stored: number;
    cached: number;
    modelCalls: number;
    promptTokens: number;
    completionTokens: number | null;
    seconds: number | null;
  };
  notes: string[];
}

/** Characters per token assumed without a probe (the usual rule of thumb for English text). */
const CHARS_PER_TOKEN = 4;

/**
 * What running a study will cost, before running it.
 *
 * Behaviour:
 * 1. Each cell's personas, replicates and rounds give its answers; answers already in its run
 *    directory are stored, not asked again.
 * 2. Every round-0 request still to ask is built exactly as the run will build it (messages,
 *    seeded options, hints) and looked up in the response cache: those are cached. Requests of
 *    later rounds depend on earlier answers and are never counted as cached.
 * 3. Prompt tokens are the built prompts' characters times the probe's tokens per character
 *    (1/4 without a probe); later rounds are assumed as long as round 0.
 * 4. `probe` calls per model (first personas of its first cell, no cache) time the model and
 *    count its tokens; the time of a cell is modelCalls x latency / min(concurrency, servers x
 *    max per server). A model that cannot be reached has no probe and no time.
 *
 * @param study the resolved study
 * @param options the study-wide run options
 * @param ctx environment, working directory, probe calls per model
 * @returns the plan
 */
export async function planStudy(
  study: ResolvedStudy,
  options: StudyRunOptions,
  ctx: { env: Readonly<Record<string, string | undefined>>; cwd: string; probe: number },
): Promise<StudyPlan> {
  const notes: string[] = [];
  const probes = new Map<string, ModelProbe>();
  const rows: CellPlanRow[] = [];
  for (const cell of study.cells) {
    const request = cellRequest(cell, options);
    const crowd = resolveCrowd(request, ctx.cwd);
    const { task, personas } = crowd;
    const stack = await openModelStack(request, { env: ctx.env, cwd: ctx.cwd, checkReady: false });
    try {
      const modelKey = `${request.model} ${request.hosts.join(',')}`;
      let reachable = true;
      try {
        await stack.backend.ready?.();
      } catch (error) {
        reachable = false;
        if (!probes.has(modelKey)) probes.set(modelKey, unreachable(request.model, (error as Error).message));
      }
      if (reachable && !probes.has(modelKey) && ctx.probe > 0)
        probes.set(modelKey, await probeModel(request, ctx, Math.min(ctx.probe, personas.count)));
      const probe = probes.get(modelKey);
      const agent = new PersonaAgent({ backend: stack.backend, condition: request.condition as Condition });
      const dir = join(study.dir, cell.name);
      const stored = existsSync(join(dir, RUN_FILES.manifest))
        ? new Set(readResponses(join(dir, RUN_FILES.responses)).records.map(recordKey))
        : new Set<string>();
      const generation = describeRun(request, crowd, stack.info()).generation;
      let cached = 0;
      let chars = 0;
      let built = 0;
      const items = taskItems(task);
      const battery = isBattery(task);
      for (let replicate = 0; replicate < request.replicates; replicate++) {
        for (let p = 0; p < personas.count; p++) {
          const persona = personas.at(p);
          for (const [item, question] of items.entries()) {
            const key = {
              round: 0,
              replicate,
              personaIndex: persona.index,
              ...(battery ? { item: question.id } : {}),
            };
            if (stored.has(recordKey(key))) continue;
            const next = agent.request(persona, question, {
              runSeed: request.seed,
              replicate,
              round: 0,
              ...(battery ? { item } : {}),
              options: generation,
            });
            chars += promptChars(next);
            built++;
            if (reachable && servable(stack, next, request)) cached++;
          }
        }
      }
      const answers = personas.count * items.length * request.replicates * request.rounds;
      const modelCalls = answers - stored.size - (stack.cached && reachable ? cached : 0);
      const charsPerCall = built > 0 ? chars / built : 0;
      const tokensPerChar = probe?.tokensPerChar ?? 1 / CHARS_PER_TOKEN;
      const parallel = Math.max(
        1,
        Math.min(
          options.concurrency,
          request.hosts.length > 1 ? request.hosts.length * request.maxPerHost : options.concurrency,
        ),
      );
      rows.push({
        name: cell.name,
        factors: cell.factors,
        model: request.model,
        personas: personas.count,
        replicates: request.replicates,
        rounds: request.rounds,
        answers,
        stored: stored.size,
        cached: stack.cached && reachable ? cached : null,
        modelCalls,
        promptTokens: Math.round(modelCalls * charsPerCall * tokensPerChar),
        completionTokens:
          probe?.completionTokensPerCall == null
            ? null
            : Math.round(modelCalls * probe.completionTokensPerCall),
        seconds: probe?.latencyMs == null ? null : (modelCalls * probe.latencyMs) / 1000 / parallel,
      });
    } finally {
      await stack.close();
    }
  }
  if (study.cells.some((cell) => cell.settings.stop !== undefined))
    notes.push(
      'cells with a stop rule (stop, as --stop-at-precision) ask at most these calls: they stop once the median is precise enough',
    );
  if (rows.some((r) => r.rounds > 1))
    notes.push(
      'answers of rounds after the first depend on earlier answers: they are never counted as cached',
    );
  if (rows.some((r) => r.cached === null))
    notes.push(
      'cached is unknown where the model has no response cache (the synthetic model by default) or its server cannot be reached',
    );
  if (rows.some((r) => r.seconds !== null))
    notes.push(
      'times assume the servers answer --concurrency calls at once; a server that serves fewer takes longer',
    );
  const sum = (key: 'answers' | 'stored' | 'modelCalls' | 'promptTokens') =>
    rows.reduce((s, r) => s + r[key], 0);
  const sumNullable = (key: 'completionTokens' | 'seconds') =>
    rows.some((r) => r[key] === null) ? null : rows.reduce((s, r) => s + (r[key] as number), 0);
  return {
    study: study.design.name,
    dir: study.dir,
    continued: existsSync(join(study.dir, 'study.json')),
    cells: rows,
    probes: [...probes.values()],
    totals: {
      answers: sum('answers'),
      stored: sum('stored'),
      cached: rows.reduce((s, r) => s + (r.cached ?? 0), 0),
      modelCalls: sum('modelCalls'),
      promptTokens: sum('promptTokens'),
      completionTokens: sumNullable('completionTokens'),
      seconds: sumNullable('seconds'),
    },
    notes,
  };
}

function promptChars(request: ModelRequest): number {
  let chars = 0;
  for (const message of request.messages) chars += message.content.length;
  return chars;
}

/** Whether the cache would serve this request as the run will ask it (ok, or unparsed without --retry-failed). */
function servable(stack: BackendStack, request: ModelRequest, run: RunRequest): boolean {
  if (!stack.cached) return false;
  const entry = stack.cached.cache.get(stack.cached.keyFor(request));
  return entry?.status === 'ok' || (entry?.status === 'unparsed' && !run.retryFailed);
}

function unreachable(model: string, error: string): ModelProbe {
  return {
    model,
    calls: 0,
    latencyMs: null,
    promptTokensPerCall: null,
    completionTokensPerCall: null,
    tokensPerChar: null,
    error: error.split('\n')[0] ?? error,
  };
}

/** Asks the first `calls` personas of the request's crowd, one at a time, without the cache. */
async function probeModel(
  request: RunRequest,
  ctx: { env: Readonly<Record<string, string | undefined>>; cwd: string },
  calls: number,
): Promise<ModelProbe> {
  const stack = await openModelStack(
    { ...request, cache: false },
    { env: ctx.env, cwd: ctx.cwd, checkReady: false },
  );
  try {
    const crowd = resolveCrowd(request, ctx.cwd);
    const { task, personas } = crowd;
    const agent = new PersonaAgent({ backend: stack.backend, condition: request.condition as Condition });
    const generation = describeRun(request, crowd, stack.info()).generation;
    let ms = 0;
    let prompt = 0;
    let completion = 0;
    let chars = 0;
    for (let i = 0; i < calls; i++) {
      const built = agent.request(personas.at(i), taskItems(task)[0] as EstimationTask, {
        runSeed: request.seed,
        replicate: 0,
        round: 0,
        options: generation,
      });
      const started = performance.now();
      const response = await stack.backend.generate(built);
      ms += performance.now() - started;
      prompt += response.usage.promptTokens;
      completion += response.usage.completionTokens;
      chars += promptChars(built);
    }
    return {
      model: request.model,
      calls,
      latencyMs: ms / calls,
      promptTokensPerCall: prompt / calls,
      completionTokensPerCall: completion / calls,
      tokensPerChar: chars > 0 && prompt > 0 ? prompt / chars : null,
    };
  } catch (error) {
    return unreachable(request.model, (error as Error).message);
  } finally {
    await stack.close();
  }
}
