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
 * Builds the model stack of a run (backend, retries, timeout, cache, endpoint pool) and, unless
 * `checkReady` is false, checks that the server answers and has the model. A backend that is not
 * a language model (the synthetic one) has no cache by default (its answers cost nothing); a
 * language model uses the default cache file unless `cache` says otherwise.
 *
 * @param request the run request.
 * @param options the environment, where relative cache paths start, whether to check the server.
 * @returns the open stack (the caller closes it).
 * @throws CliError naming the flag: exit 2 for a wrong model, host or cache; 1 when a server fails.
 */
export async function openModelStack(
  request: RunRequest,
  options: { env: Readonly<Record<string, string | undefined>>; cwd: string; checkReady?: boolean },
): Promise<BackendStack> {
  let languageModel: boolean;
  try {
    languageModel = backendRegistry.parse(request.model).definition.isLanguageModel;
  } catch (error) {
    if (error instanceof ModelError) throw usageError(error.message);
    throw error;
  }
  const cachePath =
    request.cache === false
      ? false
      : (request.cache ?? (languageModel ? defaultCachePath(options.env) : false));
  let stack: BackendStack;
  try {
    stack = createBackendStack({
      model: request.model,
      hosts: request.hosts,
      settings: request.backendOptions ?? {},
      timeoutMs: request.timeoutMs,
      retries: request.retries,
      maxInFlightPerHost: request.maxPerHost,
      cachePath: cachePath === false ? false : resolve(options.cwd, cachePath),
      retryFailed: request.retryFailed,
      seed: request.seed,
      env: options.env,
    });
  } catch (error) {
    if (error instanceof ModelError) throw usageError(error.message);
    throw new CliError(`--cache: ${(error as Error).message.split('\n')[0]}`, 2);
  }
  if (options.checkReady === false) return stack;
  try {
    await stack.backend.ready?.();
  } catch (error) {
    await stack.close();
    if (error instanceof ModelError)
      throw new CliError(error.message, error.kind === 'not-found' || error.kind === 'bad-request' ? 2 : 1);
    throw error;
  }
  return stack;
}
