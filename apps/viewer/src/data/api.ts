import type { ResponseRecord, RunDescriptor, RunSummary, TaskDescriptor } from '@emocrowd/crowd/analysis';

/** The choices of the run panel (`GET /api/options`). */
export interface ViewerOptions {
  /** Built-in tasks and batteries, as run.json describes them. */
  tasks: TaskDescriptor[];
  personaSpaces: { id: string; label: string; spec: string }[];
  emotions: { goemotions: string[]; plutchik: string[] };
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

/** What the run panel sends to start a run. */
export interface RunStartBody {
  task: string;
  personas: string;
  emotions?: string[];
  condition: string;
  model: string;
  seed: number;
  concurrency: number;
  rounds: number;
  influence: {
    kind: 'none' | 'aggregate' | 'neighbours';
    aggregate?: 'mean' | 'median';
    neighbours?: number;
  };
  subsets?: number;
}

/** One row of the run store listing. */
export interface RunRow {
  runId: string;
  createdAt?: string;
  task?: string;
  model?: string;
  personas?: number;
  state?: string;
  status?: string;
  live?: boolean;
  answered?: number;
  median?: number;
}

/** `GET /api/runs/:id`. */
export interface RunInfo {
  runId: string;
  descriptor: RunDescriptor;
  status: string;
  live: boolean;
  createdAt?: string;
  summary?: RunSummary;
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init);
  const body = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `${response.status} ${response.statusText}`);
  return body;
}

/**
 * The serve API, as the viewer calls it. Every function rejects with the server's one-line
 * error message.
 */
export const api = {
  /** The run panel's choices. */
  options: (): Promise<ViewerOptions> => call('/api/options'),
  /** Runs in the store, newest first (live ones first of all). */
  runs: async (): Promise<RunRow[]> => (await call<{ runs: RunRow[] }>('/api/runs')).runs,
  /** One run's descriptor, status and summary. */
  run: (id: string): Promise<RunInfo> => call(`/api/runs/${encodeURIComponent(id)}`),
  /** One run's answers. */
  responses: async (id: string): Promise<ResponseRecord[]> =>
    (await call<{ records: ResponseRecord[] }>(`/api/runs/${encodeURIComponent(id)}/responses`)).records,
  /** Starts a run; resolves with its id. */
  start: (body: RunStartBody): Promise<{ runId: string; descriptor: RunDescriptor }> =>
    call('/api/runs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  /** Asks a live run to stop gracefully. */
  stop: (id: string): Promise<{ status: string }> =>
    call(`/api/runs/${encodeURIComponent(id)}/stop`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    }),
};
