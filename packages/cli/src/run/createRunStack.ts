import { resolve } from 'node:path';
import {
  type BackendStack,
  backendRegistry,
  createBackendStack,
  defaultCachePath,
  ModelError,
} from '@emocrowd/models';
import { CliError, usageError } from '../command/CliError.js';
import type { RunRequest } from './RunRequest.js';

/**
 * The backend stack of a run request: the model behind the response cache (the default cache
 * file for language models, none for the synthetic model unless `cache` names one), retries and
 * the endpoint pool. Errors are one line naming the flag.
 *
 * @param request the run request
 * @param env the environment (OLLAMA_HOST, API keys, the cache's home)
 * @param cwd where a relative cache path starts
 * @returns the stack (the caller closes it)
 */
export function createRunStack(
  request: RunRequest,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): BackendStack {
  let languageModel: boolean;
  try {
    languageModel = backendRegistry.parse(request.model).definition.isLanguageModel;
  } catch (error) {
    if (error instanceof ModelError) throw usageError(error.message);
    throw error;
  }
  const cachePath =
    request.cache === false ? false : (request.cache ?? (languageModel ? defaultCachePath(env) : false));
  try {
    return createBackendStack({
      model: request.model,
      hosts: request.hosts,
      settings: request.backendOptions ?? {},
      timeoutMs: request.timeoutMs,
      retries: request.retries,
      maxInFlightPerHost: request.maxPerHost,
      cachePath: cachePath === false ? false : resolve(cwd, cachePath),
      retryFailed: request.retryFailed,
      seed: request.seed,
      env,
    });
  } catch (error) {
    if (error instanceof ModelError) throw usageError(error.message);
    throw new CliError(`--cache: ${(error as Error).message.split('\n')[0]}`, 2);
  }
}
