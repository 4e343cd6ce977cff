import type { ConductReview } from '../conduct/ConductReview.js';
import type { ReviewAgreement } from '../conduct/reviewAgreement.js';
import type { CrowdEvent } from '../events/CrowdEvent.js';
import type { ResponseRecord } from '../events/ResponseRecord.js';
import type { RunDescriptor, TaskDescriptor } from '../events/RunDescriptor.js';
import type { RunSummary } from '../events/RunSummary.js';
import type { StudyReport } from '../study/StudyReport.js';

/**
 * The contract between `emocrowd serve` and the viewer: every route of the JSON API with its
 * path parameters, request body and response, in one place both sides import (the server from
 * `@emocrowd/crowd`, the viewer from `@emocrowd/crowd/analysis`), so they cannot drift apart.
 *
 * To add a route: add its entry to `ServeApi` (or `ServeStreams` for Server-Sent Events), a
 * handler to the server's route table (packages/cli/src/serve/apiRoutes.ts), and a client call
 * where the viewer needs it. Errors are `ApiError` with a 4xx/5xx status.
 */

/** What the viewer's run panel may offer: `GET /api/options`. */
export interface ViewerOptions {
  /** Built-in tasks and batteries, as run.json describes them. */
  tasks: TaskDescriptor[];
  /** Persona specs: a sampled count of the default space, all of it, or the paper's space. */
  personaSpaces: { id: string; label: string; spec: string }[];
  emotions: { goemotions: string[]; plutchik: string[] };
  /** Social dimensions (breakdown axes besides emotion). */
  dimensions: { id: string; label: string }[];
  conditions: string[];
  strategies: { name: string; label: string; description: string }[];
  models: { id: string; label: string; isLanguageModel: boolean }[];
  ollama: { host: string; reachable: boolean; error?: string };
  defaults: {
    task: string;
    personas: string;
    condition: string;
    model: string;
    seed: number;
    concurrency: number;
    rounds: number;
  };
}

/**
 * The body of `POST /api/runs`: the part of a run request a browser may choose. Every key is
 * optional (the server fills the command line's defaults); unknown keys are refused. The
 * server's schema (runStartSchema.ts) is checked against this type at compile time.
 */
export interface RunStartBody {
  /** A built-in task id. Default `fargo-seattle`. */
  task?: string;
  /** A crowd size (1 to 100,000), `all` or `paper`. Default 500. */
  personas?: number | string;
  /** GoEmotions or Plutchik labels, BEAM words or spectra to keep. */
  emotions?: string[];
  /** The emotions of the built-in spaces (`--emotion-model`). Default goemotions. */
  emotionModel?: 'goemotions' | 'plutchik' | 'beam';
  /** An intensity sweep (`--intensities`): [0, 1], signed levels in [-1, 1] for beam. */
  intensities?: number[];
  condition?: 'emotion' | 'social' | 'combined';
  /** `synthetic` or `ollama:NAME`. */
  model?: string;
  seed?: number;
  concurrency?: number;
  replicates?: number;
  rounds?: number;
  influence?: {
    kind: 'none' | 'aggregate' | 'neighbours';
    aggregate?: 'mean' | 'median';
    neighbours?: number;
  };
  temperature?: number;
  maxTokens?: number;
  strategies?: string[];
  /** Permutations of the subset-size analysis (0 skips it). Default 200. */
  subsets?: number;
  /** The conduct check with the shipped code, judged by the run's model (`--conduct default`). */
  conduct?: 'default';
  tolerance?: number;
  groupBy?: string[];
}

/** A run's state as the server knows it. `incomplete`: stored without a summary (stopped by a crash, or not started here). */
export type RunStatus = 'running' | 'stopping' | 'completed' | 'failed' | 'incomplete';

/** One line of the run store listing (`listRuns` in the store, without the directory). */
export interface RunListing {
  runId: string;
  createdAt: string;
  task: string;
  model: string;
  personas: number;
  /** complete: summary written with nothing missing; stopped: summary with missing answers; incomplete: no summary (running or crashed). */
  state: 'complete' | 'stopped' | 'incomplete';
  answered?: number;
  /** Median estimate of the summary, when there is one. */
  median?: number;
}

/** One row of `GET /api/runs`: a stored run, or a run this server is executing. */
export interface RunRow extends RunListing {
  /** Set for runs this server started. */
  status?: RunStatus;
  /** Whether the run is still going on this server. */
  live?: boolean;
}

/** `GET /api/runs/:id`: a run's descriptor, status and, once written, its summary. */
export interface RunInfo {
  runId: string;
  descriptor: RunDescriptor;
  status: RunStatus;
  live: boolean;
  createdAt?: string;
  summary?: RunSummary;
}

/** The last message of a run's event stream (`event: end`). */
export interface RunStreamEnd {
  runId: string;
  /** Whether the run completed (a `runCompleted` was sent). */
  complete: boolean;
  /** Why the run failed, if it did. */
  error?: string;
}

/** One study directory in the run store (`GET /api/studies`): a directory holding study.json. */
export interface StudyListing {
  /** The directory's name in the store: the id of `GET /api/studies/:id`. */
  id: string;
  name: string;
  description?: string;
  createdAt: string;
  cells: number;
  /** Cells whose run is complete. */
  complete: number;
  contrasts: number;
}

/**
 * `GET /api/runs/:id/review`: the review of a run's conduct verdicts (written to
 * `conduct-review.yaml` in the run directory when it does not exist yet), and the agreement of
 * judge and reviewer so far.
 */
export interface ReviewInfo {
  runId: string;
  /** The review file, relative to the run store. */
  file: string;
  /** True when the file was written by this call. */
  created: boolean;
  review: ConductReview;
  agreement: ReviewAgreement;
  /** The code's vices, for the reviewer's choice. */
  vices: string[];
}

/** `POST /api/runs/:id/review`: decisions by answer key; an answer left out keeps its decision. */
export interface ReviewDecisions {
  decisions: {
    key: string;
    /** `null` withdraws a decision. */
    decision: 'accept' | 'reject' | null;
    reviewerVice?: string | null;
    comment?: string | null;
  }[];
}

/**
 * The human answers to one question of a run: the crowd its `fidelity` was computed against
 * (the task's human crowd), for drawing the two distributions side by side.
 */
export interface HumanAnswers {
  /** The battery item's id, or the task's id for a single question. */
  item: string;
  /** Where the answers are: the file (a shipped crowd's name or a path), column, row filter. */
  source: { file: string; column: string; filter?: Record<string, string>; note: string };
  /** The answers with a number, in file order. */
  values: number[];
}

/** The body of every error answer. */
export interface ApiError {
  /** One line: what is wrong and, where possible, the fix. */
  error: string;
}

/** Path parameters of the routes under `/api/runs/:id` (a type alias, so it is a string record). */
export type RunParams = { id: string };

/** Path parameters of `/api/studies/:id`. */
export type StudyParams = { id: string };

/** The JSON routes: `'METHOD /path/:param'` -> params, body, status on success, response. */
export interface ServeApi {
  'GET /api/options': {
    params: Record<string, never>;
    body: undefined;
    status: 200;
    response: ViewerOptions;
  };
  'GET /api/runs': {
    params: Record<string, never>;
    body: undefined;
    status: 200;
    response: { runs: RunRow[] };
  };
  'POST /api/runs': {
    params: Record<string, never>;
    body: RunStartBody;
    status: 201;
    response: { runId: string; descriptor: RunDescriptor; status: RunStatus };
  };
  'GET /api/runs/:id': { params: RunParams; body: undefined; status: 200; response: RunInfo };
  'GET /api/runs/:id/responses': {
    params: RunParams;
    body: undefined;
    status: 200;
    response: { runId: string; records: ResponseRecord[] };
  };
  'GET /api/runs/:id/review': { params: RunParams; body: undefined; status: 200; response: ReviewInfo };
  'POST /api/runs/:id/review': {
    params: RunParams;
    body: ReviewDecisions;
    status: 200;
    response: ReviewInfo;
  };
  /** The human crowds of a run's questions, for the items whose summary has a `fidelity`. */
  'GET /api/runs/:id/human': {
    params: RunParams;
    body: undefined;
    status: 200;
    response: { runId: string; items: HumanAnswers[] };
  };
  'POST /api/runs/:id/stop': {
    params: RunParams;
    body: Record<string, never>;
    status: 202;
    response: { runId: string; status: RunStatus };
  };
  'GET /api/studies': {
    params: Record<string, never>;
    body: undefined;
    status: 200;
    response: { studies: StudyListing[] };
  };
  /** The study's report, as `emocrowd study report --json` prints it (with the study file's report options). */
  'GET /api/studies/:id': { params: StudyParams; body: undefined; status: 200; response: StudyReport };
}

/**
 * The Server-Sent Events routes: each message is `event: <type>` with one JSON `data:` line.
 * A run's stream sends its `CrowdEvent`s in order (`event` = the event's `type`), then one `end`.
 */
export interface ServeStreams {
  'GET /api/runs/:id/events': { params: RunParams; events: CrowdEvent; end: RunStreamEnd };
}

/** A JSON route of the API. */
export type ServeRoute = keyof ServeApi;

/** A route of the API, JSON or event stream. */
export type AnyServeRoute = ServeRoute | keyof ServeStreams;

/** The path parameters of a route. */
export type RouteParams<R extends AnyServeRoute> = R extends ServeRoute
  ? ServeApi[R]['params']
  : R extends keyof ServeStreams
    ? ServeStreams[R]['params']
    : never;

/**
 * The URL path of a route with its parameters filled in (each encoded as one path segment).
 *
 * @example
 * apiPath('GET /api/runs/:id/events', { id: 'r 1' }); // "/api/runs/r%201/events"
 *
 * @param route the route, e.g. `'GET /api/runs/:id'`.
 * @param params its path parameters.
 * @returns the path, e.g. `/api/runs/20261122-081500-fargo-seattle-synthetic`.
 */
export function apiPath(route: AnyServeRoute, params: Readonly<Record<string, string>>): string {
  const pattern = route.slice(route.indexOf(' ') + 1);
  return pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new RangeError(`apiPath: ${route} needs the parameter "${name}"`);
    return encodeURIComponent(value);
  });
}
