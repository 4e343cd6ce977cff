import { resolve } from 'node:path';
import {
  type CodeOfConduct,
  ConductAgent,
  DefinitionFileError,
  type PersonaAgent,
  resolveCodeOfConduct,
} from '@emocrowd/agents';
import type { ConductDescriptor } from '@emocrowd/crowd';
import {
  type BackendStack,
  backendRegistry,
  createBackendStack,
  defaultCachePath,
  ModelError,
} from '@emocrowd/models';
import { definitionFileMessage } from '../catalog/definitionFileMessage.js';
import { CliError, usageError } from '../command/CliError.js';
import type { RunRequest } from './RunRequest.js';

/** The conduct check of a run, ready to wrap its agent. */
export interface ConductSetup {
  /** What run.json records of it. */
  descriptor: ConductDescriptor;
  /** The run's agent with the check around it. */
  wrap(agent: PersonaAgent): ConductAgent;
  /** Releases the judge's stack when it is not the run's. */
  close(): Promise<void>;
}

/** Where the run is set up. */
export interface ConductSetupOptions {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Check the judge's server and model (default true). */
  checkReady?: boolean;
  /** A resumed run's code, from its run.json: used instead of reading `--conduct` again. */
  storedCode?: CodeOfConduct;
}

/**
 * Sets up `--conduct default|FILE [--judge SPEC] [--judge-host URL]` for a run.
 *
 * Behaviour:
 * 1. The code is the shipped one (`default`) or a YAML / JSON file (relative to `cwd`); an invalid
 *    file is a usage error naming the path inside it. A resumed run keeps the code its run.json
 *    holds (`storedCode`), so a file changed or removed since does not change the run.
 * 2. The judge is `--judge`, by default the run's model. The run's own backend stack is reused
 *    when the judge is the run's model on the run's servers; otherwise the judge gets its own
 *    stack: on `--judge-host`, else on the run's hosts when it is the same kind of backend, else
 *    on that backend's default; with the run's timeout and retries, the backend options that
 *    apply to it, and the response cache the run would use for a language model.
 * 3. The judge's server and model are checked before the run starts.
 *
 * @param request - the run request (`conduct` set)
 * @param runStack - the run's backend stack
 * @param options - working directory, environment, readiness check
 * @returns the setup, or undefined when the request has no `conduct`
 */
export async function setUpConduct(
  request: RunRequest,
  runStack: BackendStack,
  options: ConductSetupOptions,
): Promise<ConductSetup | undefined> {
  if (request.conduct === undefined) return undefined;
  const code = options.storedCode ?? codeOf(request.conduct, options.cwd);
  const spec = (request.judge ?? request.model).trim();
  const own = spec === request.model.trim() && request.judgeHosts === undefined;
  const judge = own ? runStack : judgeStack(request, spec, options);
  if (!own && options.checkReady !== false) {
    try {
      await judge.backend.ready?.();
    } catch (error) {
      await judge.close();
      if (error instanceof ModelError)
        throw new CliError(
          `--judge: ${error.message}`,
          error.kind === 'not-found' || error.kind === 'bad-request' ? 2 : 1,
        );
      throw error;
    }
  }
  const info = judge.info();
  return {
    descriptor: {
      code,
      judge: {
        id: info.id,
        backend: info.backend,
        model: info.model,
        ...(info.digest ? { digest: info.digest } : {}),
        isLanguageModel: info.isLanguageModel,
        ...(info.hosts && info.hosts.length > 0 ? { hosts: [...info.hosts] } : {}),
      },
    },
    wrap: (agent) => new ConductAgent({ agent, code, judge: judge.backend }),
    close: async () => {
      if (!own) await judge.close();
    },
  };
}

function codeOf(spec: string, cwd: string): CodeOfConduct {
  try {
    return resolveCodeOfConduct(spec === 'default' ? spec : resolve(cwd, spec));
  } catch (error) {
    if (error instanceof DefinitionFileError)
      throw usageError(`--conduct: ${definitionFileMessage(error, spec)}`);
    throw error;
  }
}

function judgeStack(request: RunRequest, spec: string, options: ConductSetupOptions): BackendStack {
  try {
    const definition = backendRegistry.parse(spec).definition;
    const sameKind = backendRegistry.parse(request.model).definition === definition;
    const settings = Object.fromEntries(
      Object.entries(request.backendOptions ?? {}).filter(([name]) => name in definition.flags),
    );
    const cachePath =
      request.cache === false || !definition.isLanguageModel
        ? false
        : resolve(options.cwd, request.cache ?? defaultCachePath(options.env));
    return createBackendStack({
      model: spec,
      hosts: request.judgeHosts ?? (sameKind ? request.hosts : []),
      settings,
      timeoutMs: request.timeoutMs,
      retries: request.retries,
      maxInFlightPerHost: request.maxPerHost,
      cachePath,
      seed: request.seed,
      env: options.env,
    });
  } catch (error) {
    if (error instanceof ModelError) throw usageError(`--judge: ${error.message}`);
    throw error;
  }
}
