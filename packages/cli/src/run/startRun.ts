import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { type Condition, PersonaAgent, type Task } from '@emocrowd/agents';
import {
  type CrowdEvent,
  type Network,
  type PersonaList,
  type ResponseRecord,
  RUN_FILES,
  type RunDescriptor,
  type RunManifest,
  RunStoreError,
  type RunSummaryOptions,
  readRunManifest,
  recordRun,
  runCrowd,
  writeRunNetwork,
} from '@emocrowd/crowd';
import { type BackendStack, backendRegistry } from '@emocrowd/models';
import { finalize, type Observable } from 'rxjs';
import { usageError } from '../command/CliError.js';
import { VERSION } from '../version.js';
import { checkRunRequest } from './checkRunRequest.js';
import { describeRun, runIdOf, slug } from './describeRun.js';
import { openModelStack } from './openModelStack.js';
import { openRunDir } from './openRunDir.js';
import type { RunRequest } from './RunRequest.js';
import { type ResolvedCrowd, resolveCrowd } from './resolveCrowd.js';
import { type ConductSetup, setUpConduct } from './setUpConduct.js';

/** A run that is set up and ready to go. */
export interface StartedRun {
  runId: string;
  dir: string;
  descriptor: RunDescriptor;
  /** Answers already in the run directory (a resumed run). */
  resumed: number;
  /** Cold: subscribing starts the run (subscribe once). Writes the run store as it goes. */
  events$: Observable<CrowdEvent>;
  /** Graceful stop: no new questions; answers in flight arrive; then runCompleted. */
  stop(): void;
  /** Writes every answer received so far to responses.jsonl now (for readers of the file). */
  flush(): void;
  /** The backend stack (for stats such as model calls and pool state). */
  stack: BackendStack;
  /**
   * What the run asks and how it is summarised, for batch export and import (which run the same
   * crowd with the model call swapped).
   */
  crowd: {
    task: Task;
    personas: PersonaList;
    network?: Network;
    condition: Condition;
    /** The answers already in the run directory. */
    completed: ResponseRecord[];
    summary: RunSummaryOptions;
  };
}

/** Where a run lives and what may already be there. */
export interface StartRunOptions {
  /** The run store (default ./runs). */
  runsDir: string;
  /** The run directory; default `<runsDir>/<runId>`. */
  outDir?: string;
  /** Continue the run in `outDir` (its descriptor must match the request's). */
  resume?: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Where the request's relative paths start (task, persona and network files, cache, out). */
  cwd: string;
  now?: () => Date;
  /** Check the server and model before starting (default true). */
  checkReady?: boolean;
}

/**
 * Sets up a run from a request: resolves the crowd (task, seeded personas, network), opens the
 * model stack and checks the server and model are there, creates or reopens the run directory
 * through the run store's rules, and returns the cold event stream that runs the crowd and
 * writes `responses.jsonl` (one line per answer as it arrives) and `summary.json`.
 *
 * Nothing already in a run directory is ever overwritten: an existing run is continued only
 * with `resume` and an identical descriptor; a different one is refused. Whatever fails after
 * the model stack is open closes it.
 *
 * @param request the run request (from flags, run.json for `--resume`, or the viewer's form).
 * @param options where the run lives and whether it is continued.
 * @returns the started run.
 * @throws CliError (exit 2 for the caller's mistakes) naming the flag and the fix.
 */
export async function startRun(request: RunRequest, options: StartRunOptions): Promise<StartedRun> {
  checkRunRequest(request);
  const resumeDir = options.resume ? resolve(options.cwd, options.outDir ?? '') : undefined;
  const crowd = resolveCrowd(request, options.cwd, resumeDir ? storedNetwork(resumeDir) : undefined);
  const stack = await openModelStack(request, options);
  let conduct: ConductSetup | undefined;
  try {
    conduct = await setUpConduct(request, stack, {
      cwd: options.cwd,
      env: options.env,
      ...(options.checkReady === false ? { checkReady: false } : {}),
      ...(resumeDir ? { storedCode: storedConductCode(resumeDir) } : {}),
    });
    const described = {
      ...describeRun(request, crowd, stack.info()),
      ...(conduct ? { conduct: conduct.descriptor } : {}),
    };
    const now = options.now ?? (() => new Date());
    const runId = runIdOf(described, now());
    const dir = resumeDir ?? resolve(options.cwd, options.outDir ?? join(options.runsDir, runId));
    const manifest: RunManifest = {
      schemaVersion: 1,
      descriptor: { runId: options.outDir ? slug(basename(dir)) : runId, ...described },
      request: withoutSecrets(request) as unknown as Record<string, unknown>,
      cwd: options.cwd,
      createdAt: now().toISOString(),
      versions: { emocrowd: VERSION, node: process.version },
    };
    const opened = openRunDir(dir, options.resume === true, manifest);
    if (crowd.network && !existsSync(join(dir, RUN_FILES.network))) writeRunNetwork(dir, crowd.network);
    return run(request, crowd, stack, dir, opened, conduct);
  } catch (error) {
    await conduct?.close();
    await stack.close();
    throw error;
  }
}

/** The started run: the crowd's events recorded in its directory, the stack closed at the end. */
function run(
  request: RunRequest,
  crowd: ResolvedCrowd,
  stack: BackendStack,
  dir: string,
  opened: ReturnType<typeof openRunDir>,
  conduct: ConductSetup | undefined,
): StartedRun {
  const stop = new AbortController();
  const summary = summaryOptionsOf(request);
  const recorder = recordRun(dir, opened.validBytes === undefined ? {} : { validBytes: opened.validBytes });
  const personaAgent = new PersonaAgent({
    backend: stack.backend,
    condition: request.condition as Condition,
    ...(stack.cached ? { onUnparsed: stack.cached.markUnparsed.bind(stack.cached) } : {}),
  });
  // The conduct check, when asked for, is a step around the persona's answer (see ConductAgent).
  const agent = conduct ? conduct.wrap(personaAgent) : personaAgent;
  const events$ = runCrowd({
    descriptor: opened.descriptor,
    task: crowd.task,
    personas: crowd.personas,
    agent,
    concurrency: request.concurrency,
    ...(crowd.network ? { network: crowd.network } : {}),
    completed: opened.completed,
    stop: stop.signal,
    summary,
  }).pipe(
    recorder,
    finalize(() => {
      void conduct?.close();
      void stack.close();
    }),
  );
  return {
    runId: opened.descriptor.runId,
    dir,
    descriptor: opened.descriptor,
    resumed: opened.completed.length,
    events$,
    stop: () => stop.abort(),
    flush: () => recorder.flush(),
    stack,
    crowd: {
      task: crowd.task,
      personas: crowd.personas,
      ...(crowd.network ? { network: crowd.network } : {}),
      condition: request.condition as Condition,
      completed: opened.completed,
      summary,
    },
  };
}

/** How a run's answers are summarised, from its request. */
function summaryOptionsOf(request: RunRequest): RunSummaryOptions {
  return {
    ...(request.strategies ? { strategies: request.strategies } : {}),
    subsets: request.subsets,
    tolerance: request.tolerance,
    ...(request.ks ? { ks: request.ks } : {}),
    ...(request.epsilon !== undefined ? { epsilon: request.epsilon } : {}),
    ...(request.groupBy ? { groupBy: request.groupBy } : {}),
    ...(request.selectK !== undefined ? { strategyOptions: { selectCrowd: { k: request.selectK } } } : {}),
  };
}

/** The request as run.json records it: secret backend flags (API keys) as "(set)". */
function withoutSecrets(request: RunRequest): RunRequest {
  const given = request.backendOptions;
  if (given === undefined) return request;
  const flags = backendRegistry.flags();
  const masked = Object.fromEntries(
    Object.entries(given).map(([name, value]) => [name, flags[name]?.secret ? '(set)' : value]),
  );
  return { ...request, backendOptions: masked };
}

/** The code of conduct a resumed run's run.json holds, if any: a resumed run keeps it, whatever its file says now. */
function storedConductCode(dir: string): NonNullable<RunDescriptor['conduct']>['code'] | undefined {
  try {
    return readRunManifest(dir).descriptor.conduct?.code;
  } catch {
    return undefined; // a missing or broken run.json is reported when the directory is opened
  }
}

/** The network a resumed run's run.json describes, if any (a missing run is reported later). */
function storedNetwork(dir: string): {
  dir: string;
  network?: NonNullable<RunDescriptor['influence']['network']>;
} {
  try {
    const network = readRunManifest(dir).descriptor.influence?.network;
    return { dir, ...(network ? { network } : {}) };
  } catch (error) {
    if (error instanceof RunStoreError && error.kind === 'no-run') return { dir };
    if (error instanceof RunStoreError)
      throw usageError(`${error.message}; move it aside or start a new run`);
    throw error;
  }
}
