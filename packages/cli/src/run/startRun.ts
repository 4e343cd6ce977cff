import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type Condition,
  DefinitionFileError,
  PersonaAgent,
  type PersonaSelection,
  resolvePersonas,
} from '@emocrowd/agents';
import {
  type CrowdEvent,
  describeNetwork,
  loadNetwork,
  type Network,
  ResponseLog,
  type ResponseRecord,
  RUN_FILES,
  type RunDescriptor,
  type RunManifest,
  type RunSummary,
  readResponses,
  readRun,
  runCrowd,
  strategyNames,
  taskDescriptor,
  writeJsonAtomic,
  writeRunNetwork,
} from '@emocrowd/crowd';
import {
  type BackendStack,
  backendRegistry,
  createBackendStack,
  createRng,
  defaultCachePath,
  ModelError,
} from '@emocrowd/models';
import { finalize, type Observable, tap } from 'rxjs';
import { CliError, usageError } from '../command/CliError.js';
import { VERSION } from '../version.js';
import type { RunRequest } from './RunRequest.js';
import { resolveTask } from './resolveTask.js';
import { type ConductSetup, setUpConduct } from './setUpConduct.js';
import { shardList } from './shardList.js';

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
  /** The backend stack (for stats such as model calls and pool state). */
  stack: BackendStack;
}

/** Where a run lives and what may already be there. */
export interface StartRunOptions {
  /** The run store (default ./runs). */
  runsDir: string;
  /** The run directory; default `<runsDir>/<runId>`. */
  outDir?: string;
  /** Continue a run whose directory exists (its descriptor must match). */
  resume?: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  now?: () => Date;
  /** Check the server and model before starting (default true). */
  checkReady?: boolean;
}

/**
 * Sets up a run from a request: resolves the task, the personas (seeded) and the backend
 * stack, checks the server and model are there, creates or reopens the run directory, and
 * returns the cold event stream that runs the crowd and writes `run.json`, `responses.jsonl`
 * (one line per answer as it arrives) and `summary.json`.
 *
 * Nothing already in a run directory is ever overwritten: an existing run is continued only
 * with `resume` and an identical descriptor; a different one is refused.
 */
export async function startRun(request: RunRequest, options: StartRunOptions): Promise<StartedRun> {
  checkRequest(request);
  const task = resolveTask(request.task, options.cwd);
  const rng = createRng(request.seed);
  let selection: PersonaSelection;
  try {
    const resolved = resolvePersonas(resolvePersonaSpec(request.personas, options.cwd), {
      ...(request.emotions ? { emotions: request.emotions } : {}),
      ...(request.emotionModel ? { emotionModel: request.emotionModel } : {}),
      ...(request.intensities ? { intensities: request.intensities } : {}),
      condition: request.condition as Condition,
      rng: rng.fork('personas'),
    });
    selection = resolved;
  } catch (error) {
    if (error instanceof DefinitionFileError) throw usageError(error.message);
    if (error instanceof RangeError) throw usageError(prefixFlag(error.message, '--personas'));
    throw error;
  }
  if (selection.count === 0)
    throw usageError('--personas: the selection is empty; check --emotions and the persona file');
  if (request.groupBy) {
    const known = [
      'emotion',
      'plutchik',
      'spectrum',
      'intensity',
      ...selection.space.dimensions.map((d) => d.id),
    ];
    const unknown = request.groupBy.filter((g) => !known.includes(g));
    if (unknown.length > 0) {
      throw usageError(
        `--group-by: unknown dimension ${unknown.join(', ')}; this crowd has ${known.join(', ')}`,
      );
    }
  }
  const personas = shardList(selection, request.shard);
  const network = requestedNetwork(request, selection.count, options.cwd);

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
  if (options.checkReady !== false) {
    try {
      await stack.backend.ready?.();
    } catch (error) {
      await stack.close();
      if (error instanceof ModelError)
        throw new CliError(error.message, error.kind === 'not-found' || error.kind === 'bad-request' ? 2 : 1);
      throw error;
    }
  }
  let conduct: ConductSetup | undefined;
  try {
    conduct = await setUpConduct(request, stack, {
      cwd: options.cwd,
      env: options.env,
      ...(options.checkReady === false ? { checkReady: false } : {}),
    });
  } catch (error) {
    await stack.close();
    throw error;
  }
  const closeStacks = async (): Promise<void> => {
    await conduct?.close();
    await stack.close();
  };
  const info = stack.info();
  const now = options.now ?? (() => new Date());
  const modelName = info.backend === 'synthetic' ? 'synthetic' : info.model;
  const runId = `${timestampId(now())}-${task.id}-${slug(modelName)}${request.shard ? `-shard${request.shard.index + 1}of${request.shard.count}` : ''}`;
  const descriptorWithoutId: Omit<RunDescriptor, 'runId'> = {
    task: taskDescriptor(task),
    model: {
      id: info.id,
      backend: info.backend,
      model: info.model,
      ...(info.digest ? { digest: info.digest } : {}),
      isLanguageModel: info.isLanguageModel,
      ...(info.hosts && info.hosts.length > 0 ? { hosts: [...info.hosts] } : {}),
    },
    personas: {
      spec: request.personas,
      space: selection.space.name,
      condition: request.condition,
      ...(request.emotions ? { emotions: request.emotions } : {}),
      ...(request.emotionModel ? { emotionModel: request.emotionModel } : {}),
      ...(request.intensities ? { intensities: request.intensities } : {}),
      count: selection.count,
      ...(request.shard ? { shard: request.shard } : {}),
    },
    seed: request.seed,
    replicates: request.replicates,
    rounds: request.rounds,
    influence: network ? { ...request.influence, network: describeNetwork(network) } : request.influence,
    generation: {
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      ...(request.maxTokens === undefined ? {} : { maxTokens: request.maxTokens }),
      ...(request.keepAlive === undefined || !languageModel ? {} : { keepAlive: request.keepAlive }),
    },
    strategies: request.strategies ?? [],
    ...(conduct ? { conduct: conduct.descriptor } : {}),
  };

  const dir = resolve(options.cwd, options.outDir ?? join(options.runsDir, runId));
  const manifestPath = join(dir, RUN_FILES.manifest);
  let descriptor: RunDescriptor;
  let completed: ResponseRecord[] = [];
  let validBytes: number | undefined;
  if (existsSync(manifestPath)) {
    let stored: RunManifest;
    try {
      stored = readRun(dir, { records: false }).manifest;
    } catch (error) {
      await closeStacks();
      throw usageError(`${(error as Error).message}; choose another --out`);
    }
    if (!options.resume) {
      await closeStacks();
      throw usageError(
        `${dir} already holds a run; continue it with --resume ${dir}, or choose another --out`,
      );
    }
    const difference = describeDifference(stored.descriptor, descriptorWithoutId);
    if (difference) {
      await closeStacks();
      throw usageError(
        `--resume ${dir}: this run was made with a different ${difference}; repeat its flags (see ${manifestPath})`,
      );
    }
    descriptor = stored.descriptor;
    if (network && !existsSync(join(dir, RUN_FILES.network))) writeRunNetwork(dir, network);
    const read = readResponses(join(dir, RUN_FILES.responses));
    completed = read.records;
    validBytes = read.validBytes;
  } else {
    if (options.resume) {
      await closeStacks();
      throw usageError(`--resume ${dir}: no run there (no ${RUN_FILES.manifest}); start it without --resume`);
    }
    if (existsSync(dir) && readdirSync(dir).length > 0) {
      await closeStacks();
      throw usageError(`--out ${dir} is not empty and holds no run; choose a new or empty directory`);
    }
    descriptor = {
      runId: options.outDir ? slug(dir.split('/').pop() ?? runId) : runId,
      ...descriptorWithoutId,
    };
    mkdirSync(dir, { recursive: true });
    const manifest: RunManifest = {
      schemaVersion: 1,
      descriptor,
      request: withoutSecrets(request) as unknown as Record<string, unknown>,
      createdAt: now().toISOString(),
      versions: { emocrowd: VERSION, node: process.version },
    };
    writeJsonAtomic(manifestPath, manifest);
    if (network) writeRunNetwork(dir, network);
  }

  const stop = new AbortController();
  const personaAgent = new PersonaAgent({
    backend: stack.backend,
    condition: request.condition as Condition,
    ...(stack.cached ? { onUnparsed: stack.cached.markUnparsed.bind(stack.cached) } : {}),
  });
  const agent = conduct ? conduct.wrap(personaAgent) : personaAgent;
  let log: ResponseLog | undefined;
  const events$ = runCrowd({
    descriptor,
    task,
    personas,
    agent,
    concurrency: request.concurrency,
    ...(network ? { network } : {}),
    completed,
    stop: stop.signal,
    summary: {
      ...(request.strategies ? { strategies: request.strategies } : {}),
      subsets: request.subsets,
      tolerance: request.tolerance,
      ...(request.groupBy ? { groupBy: request.groupBy } : {}),
    },
  }).pipe(
    tap((event) => {
      if (event.type === 'runStarted') {
        log = new ResponseLog(join(dir, RUN_FILES.responses), validBytes === undefined ? {} : { validBytes });
      } else if (event.type === 'estimateSubmitted' || event.type === 'estimateFailed') {
        log?.append(event.record);
      } else if (event.type === 'runCompleted') {
        log?.close();
        writeJsonAtomic(join(dir, RUN_FILES.summary), event.summary satisfies RunSummary);
      }
    }),
    finalize(() => {
      log?.close();
      void closeStacks();
    }),
  );
  return {
    runId: descriptor.runId,
    dir,
    descriptor,
    resumed: completed.length,
    events$,
    stop: () => stop.abort(),
    stack,
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

/** The run's network (`--network`), built from the seed or read from its file; usage errors name the flag. */
function requestedNetwork(request: RunRequest, nodes: number, cwd: string): Network | undefined {
  if (request.network === undefined) return undefined;
  if (request.influence.kind !== 'neighbours')
    throw usageError(
      `--network ${request.network} needs --influence neighbours (got ${request.influence.kind})`,
    );
  if (request.shard)
    throw usageError(
      '--network needs the whole crowd in one run: agents see neighbours in other shards; drop --shard',
    );
  try {
    return loadNetwork(request.network, nodes, request.seed, cwd);
  } catch (error) {
    throw usageError(prefixFlag((error as Error).message, `--network ${request.network}`));
  }
}

/** Checks what can be checked before anything is resolved or created. */
function checkRequest(request: RunRequest): void {
  for (const host of request.hosts) {
    const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `http://${host}`;
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.hostname === '') {
      throw usageError(
        `--host "${host}" is not a server address; use e.g. http://127.0.0.1:11434 or 10.0.0.5:8000`,
      );
    }
  }
  const unknown = (request.strategies ?? []).filter((name) => !strategyNames.includes(name));
  if (unknown.length > 0) {
    throw usageError(
      `--strategies: unknown strategy ${unknown.join(', ')}; known: ${strategyNames.join(', ')}`,
    );
  }
}

function resolvePersonaSpec(spec: string, cwd: string): string {
  if (/^\d+$/.test(spec) || spec === 'all' || spec === 'paper') return spec;
  const path = resolve(cwd, spec);
  if (!existsSync(path)) {
    throw usageError(
      `--personas: no such file ${spec}; give N, all, paper or an existing JSON/YAML persona file`,
    );
  }
  return path;
}

function prefixFlag(message: string, flag: string): string {
  return message.startsWith('--') ? message : `${flag}: ${message}`;
}

/** `20261122-081500` in UTC. */
function timestampId(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'run';
}

/** Names the first part of two descriptors that differs (ignoring runId), or undefined. */
export function describeDifference(
  a: Omit<RunDescriptor, 'runId'>,
  b: Omit<RunDescriptor, 'runId'>,
): string | undefined {
  const keys: (keyof Omit<RunDescriptor, 'runId'>)[] = [
    'task',
    'model',
    'personas',
    'seed',
    'replicates',
    'rounds',
    'influence',
    'generation',
    'strategies',
    'conduct',
  ];
  const withoutHosts = (d: Omit<RunDescriptor, 'runId'>, key: keyof Omit<RunDescriptor, 'runId'>): unknown =>
    key === 'model'
      ? { ...d.model, hosts: undefined }
      : key === 'conduct' && d.conduct
        ? { ...d.conduct, judge: { ...d.conduct.judge, hosts: undefined } }
        : d[key];
  for (const key of keys) {
    // The hosts may change between sessions (a run can continue on other servers); the model may not.
    if (canonical(withoutHosts(a, key)) !== canonical(withoutHosts(b, key)))
      return key === 'personas' ? 'persona selection' : key;
  }
  return undefined;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)),
        )
      : v,
  );
}
