import { resolve } from 'node:path';
import { RUN_FILES, type RunManifest, RunStoreError, readRunManifest } from '@emocrowd/crowd';
import { backendRegistry, ModelError, OpenAICompatibleBackend } from '@emocrowd/models';
import { usageError } from '../command/CliError.js';
import type { Io } from '../command/Io.js';
import type { RunRequest } from '../run/RunRequest.js';
import { requestFromManifest } from '../run/requestFromManifest.js';
import { type StartedRun, startRun } from '../run/startRun.js';
import type { BatchRun } from './BatchRun.js';

/**
 * Checks a run can go through batch files: its model must be `openai:NAME`, whose requests are
 * OpenAI chat completions (what batch files carry).
 *
 * @param model the run's `--model`
 * @param flag the flag or command named in the error
 * @returns the model name after "openai:"
 * @throws CliError (exit 2) for any other backend
 */
export function batchModelName(model: string, flag: string): string {
  let prefix: string;
  let name: string;
  try {
    const spec = backendRegistry.parse(model);
    prefix = spec.definition.prefix;
    name = spec.model;
  } catch (error) {
    if (error instanceof ModelError) throw usageError(error.message);
    throw error;
  }
  if (prefix !== 'openai')
    throw usageError(
      `${flag}: batch files carry OpenAI chat-completion requests; run with --model openai:NAME (vLLM, a Batch API, or Ollama's /v1 as openai:NAME), not ${model}`,
    );
  return name;
}

/**
 * Checks a run can go through batch files as far as the conduct check goes: batch files carry the
 * personas' answers only, not the judge's turn and the revision that follow each answer, so a
 * run with `--conduct` is answered online.
 *
 * @param request the run's request
 * @param flag the flag or command named in the error
 * @throws CliError (exit 2) when the run has the conduct check
 */
export function refuseConductInBatch(request: RunRequest, flag: string): void {
  if (request.conduct !== undefined)
    throw usageError(
      `${flag}: batch files carry the personas' answers, not the conduct check's judge and revision turns; run with --conduct online (without --batch-out)`,
    );
}

/** Where an `openai:` run with no --host and no OPENAI_BASE_URL is said to be served (the backend's default). */
const DEFAULT_OPENAI_HOST = 'http://127.0.0.1:8000';

/**
 * The environment a batch run's model stack is built in: a run answered through batch files
 * needs no server, so without --host and OPENAI_BASE_URL the openai backend's default address
 * stands in (it is never called).
 *
 * @param env the environment
 * @returns the environment, with OPENAI_BASE_URL set when it was not
 */
export function batchEnv(
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string | undefined> {
  return { ...env, OPENAI_BASE_URL: env.OPENAI_BASE_URL || DEFAULT_OPENAI_HOST };
}

/**
 * A started run (`emocrowd run --batch-out`) as a batch run: the crowd runCrowd would ask, the
 * online adapter (an `OpenAICompatibleBackend` for the run's model) and the response cache.
 *
 * @param started the started run (not subscribed)
 * @param request its request
 * @param label the directory as the user named it (default: its path)
 * @returns the batch run; closing it closes the run's model stack
 */
export function batchRunOf(started: StartedRun, request: RunRequest, label: string = started.dir): BatchRun {
  const model = batchModelName(request.model, '--model');
  const adapter = new OpenAICompatibleBackend({
    model,
    baseUrl: request.hosts[0] ?? 'http://127.0.0.1:8000',
  });
  const cache = started.stack.cached?.cache;
  return {
    dir: started.dir,
    label,
    descriptor: started.descriptor,
    request,
    crowd: {
      descriptor: started.descriptor,
      task: started.crowd.task,
      personas: started.crowd.personas,
      condition: started.crowd.condition,
      ...(started.crowd.network ? { network: started.crowd.network } : {}),
      completed: started.crowd.completed,
      adapter,
      ...(cache ? { cache } : {}),
      retryFailed: request.retryFailed,
    },
    summary: started.crowd.summary,
    close: () => started.stack.close(),
  };
}

/**
 * Opens a run directory for batch work: reads run.json, rebuilds the run from its stored
 * request (task, personas, shard, network, cache) as `--resume` does, without checking any
 * server, and reads the answers stored so far.
 *
 * @param dir the run directory as the user gave it
 * @param io the environment and working directory
 * @param command the command, named in errors (e.g. "batch import")
 * @returns the batch run (close it when done)
 * @throws CliError (exit 2) when DIR holds no run or its model is not `openai:`
 */
export async function openBatchRun(dir: string, io: Io, command: string): Promise<BatchRun> {
  const path = resolve(io.cwd, dir);
  let manifest: RunManifest;
  try {
    manifest = readRunManifest(path);
  } catch (error) {
    if (error instanceof RunStoreError && error.kind === 'no-run')
      throw usageError(
        `${command}: ${dir} is not a run directory (no ${RUN_FILES.manifest}); give the --out of emocrowd run --batch-out`,
      );
    if (error instanceof RunStoreError) throw usageError(`${command}: ${error.message}`);
    throw error;
  }
  const request = requestFromManifest(manifest, dir);
  batchModelName(request.model, command);
  refuseConductInBatch(request, command);
  const started = await startRun(request, {
    runsDir: 'runs',
    outDir: path,
    resume: true,
    env: batchEnv(io.env),
    cwd: manifest.cwd ?? io.cwd,
    checkReady: false,
  });
  return batchRunOf(started, request, dir);
}
