import {
  type ApiError,
  apiPath,
  type HumanAnswers,
  type ResponseRecord,
  type ReviewDecisions,
  type ReviewInfo,
  type RunInfo,
  type RunRow,
  type RunStartBody,
  type ServeApi,
  type ServeRoute,
  type StudyListing,
  type StudyReport,
  type ViewerOptions,
} from '@emocrowd/crowd/analysis';

/**
 * Calls one route of the serve API (`ServeApi`, the contract shared with the server): POST
 * bodies go as JSON; a non-2xx answer rejects with the server's one-line error.
 */
async function call<R extends ServeRoute>(
  route: R,
  params: ServeApi[R]['params'],
  body?: ServeApi[R]['body'],
): Promise<ServeApi[R]['response']> {
  const method = route.slice(0, route.indexOf(' '));
  const init: RequestInit | undefined =
    method === 'GET'
      ? undefined
      : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) };
  const response = await fetch(apiPath(route, params), init);
  const json = (await response.json().catch(() => ({}))) as ServeApi[R]['response'] & Partial<ApiError>;
  if (!response.ok) throw new Error(json.error ?? `${response.status} ${response.statusText}`);
  return json;
}

/**
 * The serve API, as the viewer calls it. Every function rejects with the server's one-line
 * error message.
 */
export const api = {
  /** The run panel's choices. */
  options: (): Promise<ViewerOptions> => call('GET /api/options', {}),
  /** Runs in the store, newest first (live ones first of all). */
  runs: async (): Promise<RunRow[]> => (await call('GET /api/runs', {})).runs,
  /** One run's descriptor, status and summary. */
  run: (id: string): Promise<RunInfo> => call('GET /api/runs/:id', { id }),
  /** One run's answers. */
  responses: async (id: string): Promise<ResponseRecord[]> =>
    (await call('GET /api/runs/:id/responses', { id })).records,
  /** The human answers behind a finished run's fidelity comparisons (empty without any). */
  human: async (id: string): Promise<HumanAnswers[]> => (await call('GET /api/runs/:id/human', { id })).items,
  /** Starts a run; resolves with its id. */
  start: (body: RunStartBody): Promise<ServeApi['POST /api/runs']['response']> =>
    call('POST /api/runs', {}, body),
  /** Study directories in the store, newest first. */
  studies: async (): Promise<StudyListing[]> => (await call('GET /api/studies', {})).studies,
  /** One study's report, as `emocrowd study report --json` gives it. */
  study: (id: string): Promise<StudyReport> => call('GET /api/studies/:id', { id }),
  /** The review of a run's conduct verdicts (written on first use). */
  review: (id: string): Promise<ReviewInfo> => call('GET /api/runs/:id/review', { id }),
  /** Saves a reviewer's decisions; resolves with the review as stored. */
  saveReview: (id: string, body: ReviewDecisions): Promise<ReviewInfo> =>
    call('POST /api/runs/:id/review', { id }, body),
  /** Asks a live run to stop gracefully. */
  stop: (id: string): Promise<ServeApi['POST /api/runs/:id/stop']['response']> =>
    call('POST /api/runs/:id/stop', { id }, {}),
};
