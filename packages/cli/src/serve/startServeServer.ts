import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ResponseRecord, RunDescriptor, RunSummary } from '@emocrowd/crowd';
import type { RunRequest } from '../run/RunRequest.js';
import { type EventStream, openEventStream } from './EventStream.js';
import { HttpError } from './HttpError.js';
import { LiveRun, type LiveRunSource } from './LiveRun.js';
import { readJsonBody } from './readJsonBody.js';
import { replayStoredRun } from './replayStoredRun.js';
import { resolveRunDir } from './resolveRunDir.js';
import { parseRunStart } from './runStartSchema.js';
import { serveStatic } from './serveStatic.js';
import { viewerDistDir } from './viewerDistDir.js';
import { type ViewerOptions, viewerOptions } from './viewerOptions.js';

/** A run read from the store (the shape of `readRun`). */
export interface StoredRun {
  run: { descriptor: RunDescriptor; request?: unknown; createdAt: string };
  summary?: RunSummary;
  records: ResponseRecord[];
}

/** How the server starts, lists and reads runs (the run store functions of `emocrowd run`). */
export interface ServeRunStore {
  /** Starts a run in `runsDir`; its events are cold until the server subscribes. */
  startRun(request: RunRequest, runsDir: string): Promise<LiveRunSource>;
  /** The runs in the store, newest first; each has at least a `runId`. */
  listRuns(runsDir: string): Promise<readonly object[]>;
  /** One stored run. */
  readRun(dir: string): Promise<StoredRun>;
}

/** Options of `startServeServer`. */
export interface ServeOptions {
  /** The run store directory. */
  runsDir: string;
  store: ServeRunStore;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** Port; 0 picks a free one. Default 4173. */
  port?: number;
  /** The built viewer; default apps/viewer/dist of the repository. */
  viewerDir?: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** SSE heartbeat interval in ms; default 15 s. */
  heartbeatMs?: number;
  /** Replaces `viewerOptions` (tests). */
  options?: () => Promise<ViewerOptions>;
  /** Finished live runs kept in memory for replay; default 8. */
  keepFinished?: number;
}

/** A running `emocrowd serve`. */
export interface ServeServer {
  /** The page's URL, e.g. http://127.0.0.1:4173/. */
  readonly url: string;
  readonly port: number;
  /** The runs this server started, by id. */
  readonly live: ReadonlyMap<string, LiveRun>;
  /** Asks every live run to stop gracefully and waits until all have completed. */
  stopAll(): Promise<void>;
  /** Closes the server and every open connection; runs still going are aborted. */
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * Starts the HTTP server of `emocrowd serve`: the built viewer plus a JSON API over the run
 * store, with live runs streamed as Server-Sent Events.
 *
 * Routes: `GET /api/options`; `GET /api/runs`; `POST /api/runs` (a `RunStartBody`, 201 with the
 * run id); `POST /api/runs/:id/stop`; `GET /api/runs/:id` (descriptor, summary, status);
 * `GET /api/runs/:id/responses`; `GET /api/runs/:id/events` (SSE: a live run replays what
 * happened so far, then streams; a finished run is replayed from the store; `end` follows
 * `runCompleted`, then the stream closes). Anything else is a file of the viewer.
 *
 * Safety: run ids must be plain directory names inside the store (`resolveRunDir`); on a
 * loopback address only loopback Host headers are served (DNS rebinding); POST needs a JSON
 * content type (no cross-site form posts); the page carries a strict CSP. Errors are one line
 * of JSON, `{ "error": "..." }`.
 *
 * @param options where the store is, how runs are started, where to listen.
 * @returns the listening server.
 */
export async function startServeServer(options: ServeOptions): Promise<ServeServer> {
  const { runsDir, store } = options;
  const env = options.env ?? process.env;
  const host = options.host ?? '127.0.0.1';
  const viewerDir = options.viewerDir ?? viewerDistDir();
  const keepFinished = options.keepFinished ?? 8;
  const live = new Map<string, LiveRun>();
  const streams = new Set<EventStream>();
  const loopbackOnly = LOOPBACK.has(host);
  const loadOptions = options.options ?? (() => viewerOptions(env));

  function forget(): void {
    const finished = [...live.values()].filter((run) => run.completed);
    for (const run of finished.slice(0, Math.max(0, finished.length - keepFinished))) live.delete(run.runId);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (loopbackOnly) {
      const hostname = hostnameOf(request.headers.host);
      if (!LOOPBACK.has(hostname))
        throw new HttpError(403, `host "${hostname}" not served; open http://127.0.0.1`);
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const method = request.method ?? 'GET';
    if (!path.startsWith('/api/')) {
      if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, `${method} not allowed`);
      if (await serveStatic(viewerDir, path, response)) return;
      if (path === '/' || path === '/index.html') {
        throw new HttpError(
          503,
          `the viewer is not built: run "npx vite build" in apps/viewer (looked in ${viewerDir})`,
        );
      }
      throw new HttpError(404, `not found: ${path}`);
    }
    const parts = path.slice('/api/'.length).split('/');
    if (parts[0] === 'options' && parts.length === 1) {
      expect(method, 'GET');
      return sendJson(response, 200, await loadOptions());
    }
    if (parts[0] !== 'runs') throw new HttpError(404, `no API route ${path}`);
    if (parts.length === 1) {
      if (method === 'POST') {
        const runRequest = parseRunStart(await readJsonBody(request), env);
        const source = await store.startRun(runRequest, runsDir).catch((error: unknown) => {
          throw new HttpError(400, `cannot start the run: ${oneLine(error)}`);
        });
        const run = new LiveRun(source);
        live.set(run.runId, run);
        void run.done.then(forget);
        return sendJson(response, 201, { runId: run.runId, descriptor: run.descriptor, status: run.status });
      }
      expect(method, 'GET');
      return sendJson(response, 200, { runs: await listing() });
    }
    const id = decodeSegment(parts[1] ?? '');
    const dir = resolveRunDir(runsDir, id);
    if (dir === undefined) throw new HttpError(400, `not a run id: "${id.slice(0, 80)}"`);
    const run = live.get(id);
    const action = parts.slice(2).join('/');
    if (action === 'stop') {
      expect(method, 'POST');
      if (!run) throw new HttpError(404, `run ${id} is not running on this server`);
      run.stop();
      return sendJson(response, 202, { runId: id, status: run.status });
    }
    expect(method, 'GET');
    if (action === '') {
      if (run && !run.completed) {
        const last = run.log[run.log.length - 1];
        return sendJson(response, 200, {
          runId: id,
          descriptor: run.descriptor,
          status: run.status,
          live: true,
          ...(last?.type === 'runCompleted' ? { summary: last.summary } : {}),
        });
      }
      const stored = await read(dir, id);
      return sendJson(response, 200, {
        runId: id,
        descriptor: stored.run.descriptor,
        createdAt: stored.run.createdAt,
        status: run?.status ?? (stored.summary ? 'completed' : 'incomplete'),
        live: false,
        ...(stored.summary ? { summary: stored.summary } : {}),
      });
    }
    if (action === 'responses') {
      if (run && !run.completed) {
        const records = run.log.flatMap((e) =>
          e.type === 'estimateSubmitted' || e.type === 'estimateFailed' ? [e.record] : [],
        );
        return sendJson(response, 200, { runId: id, records });
      }
      const stored = await read(dir, id);
      return sendJson(response, 200, { runId: id, records: stored.records });
    }
    if (action === 'events') {
      if (run) return streamLive(run, request, response);
      const stored = await read(dir, id);
      const completedAt = await stat(join(dir, 'summary.json')).then(
        (s) => s.mtime.toISOString(),
        () => undefined,
      );
      const stream = track(openEventStream(response, options.heartbeatMs));
      for (const event of replayStoredRun({
        descriptor: stored.run.descriptor,
        createdAt: stored.run.createdAt,
        records: stored.records,
        ...(stored.summary ? { summary: stored.summary } : {}),
        ...(completedAt ? { completedAt } : {}),
      })) {
        stream.send(event.type, event);
      }
      stream.send('end', { runId: id, complete: stored.summary !== undefined });
      stream.close();
      return;
    }
    throw new HttpError(404, `no API route ${path}`);
  }

  function streamLive(run: LiveRun, request: IncomingMessage, response: ServerResponse): void {
    const stream = track(openEventStream(response, options.heartbeatMs));
    let stop: () => void = () => {};
    const end = (): void => {
      stop();
      stream.send('end', {
        runId: run.runId,
        complete: run.status === 'completed',
        ...(run.error ? { error: run.error } : {}),
      });
      stream.close();
    };
    stop = run.watch((event) => {
      stream.send(event.type, event);
      if (event.type === 'runCompleted') end();
    });
    if (run.completed && !stream.closed) end();
    else
      void run.done.then(() => {
        if (!stream.closed) end();
      });
    request.on('close', () => stop());
  }

  function track(stream: EventStream): EventStream {
    streams.add(stream);
    return stream;
  }

  async function read(dir: string, id: string): Promise<StoredRun> {
    try {
      await stat(join(dir, 'run.json'));
    } catch {
      throw new HttpError(404, `no run ${id} in ${runsDir}`);
    }
    return store.readRun(dir);
  }

  async function listing(): Promise<object[]> {
    const stored = await store.listRuns(runsDir).catch(() => [] as object[]);
    const seen = new Set<string>();
    const rows = stored.map((row) => {
      const runId = (row as { runId?: unknown }).runId;
      if (typeof runId !== 'string') return row;
      seen.add(runId);
      const run = live.get(runId);
      return run ? { ...row, status: run.status, live: !run.completed } : row;
    });
    const extra = [...live.values()]
      .filter((run) => !seen.has(run.runId))
      .map((run) => ({
        runId: run.runId,
        descriptor: run.descriptor,
        status: run.status,
        live: !run.completed,
      }));
    return [...extra, ...rows];
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (response.headersSent) {
        response.end();
        return;
      }
      sendJson(response, status, { error: oneLine(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4173, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    live,
    async stopAll() {
      const running = [...live.values()].filter((run) => !run.completed);
      for (const run of running) run.stop();
      await Promise.all(running.map((run) => run.done));
    },
    async close() {
      for (const run of live.values()) if (!run.completed) run.abort();
      for (const stream of streams) stream.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function expect(method: string, wanted: string): void {
  if (method !== wanted && !(wanted === 'GET' && method === 'HEAD'))
    throw new HttpError(405, `${method} not allowed here; use ${wanted}`);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(text);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'malformed URL encoding');
  }
}

function hostnameOf(header: string | undefined): string {
  if (!header) return '';
  if (header.startsWith('[')) return header.slice(0, header.indexOf(']') + 1);
  return header.split(':')[0] ?? '';
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? message).slice(0, 500);
}
