import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ViewerOptions } from '@emocrowd/crowd';
import { type ApiContext, apiRoutes, oneLine } from './apiRoutes.js';
import { type EventStream, openEventStream } from './EventStream.js';
import { HttpError } from './HttpError.js';
import { LiveRun } from './LiveRun.js';
import { matchRoute } from './matchRoute.js';
import { readJsonBody } from './readJsonBody.js';
import type { ServeRunStore } from './ServeRunStore.js';
import { sendJson } from './sendJson.js';
import { serveStatic } from './serveStatic.js';
import { viewerDistDir } from './viewerDistDir.js';
import { viewerOptions } from './viewerOptions.js';

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
 * The API is the contract `ServeApi` / `ServeStreams` of `@emocrowd/crowd`, served by the route
 * table of `apiRoutes`: `GET /api/options`; `GET /api/runs`; `POST /api/runs` (a
 * `RunStartBody`, 201 with the run id); `POST /api/runs/:id/stop`; `GET /api/runs/:id`
 * (descriptor, summary, status); `GET /api/runs/:id/responses`; `GET /api/studies` and `GET /api/studies/:id` (the study
 * directories of the store and one's report); `GET /api/runs/:id/events` (SSE:
 * a live run replays what happened so far from its responses.jsonl, then streams; a finished run
 * is replayed from the store; `end` follows `runCompleted`, then the stream closes). Anything
 * else is a file of the viewer. Memory per live run is bounded (`LiveRun`): answers are never
 * held, only read back from the run directory.
 *
 * Safety: run ids must be plain directory names inside the store (`resolveRunDir`); on a
 * loopback address only loopback Host headers are served (DNS rebinding); every POST needs a JSON
 * content type (no cross-site form posts); the page carries a strict CSP. Errors are one line
 * of JSON, `{ "error": "..." }`.
 *
 * @param options where the store is, how runs are started, where to listen.
 * @returns the listening server.
 */
export async function startServeServer(options: ServeOptions): Promise<ServeServer> {
  const env = options.env ?? process.env;
  const host = options.host ?? '127.0.0.1';
  const viewerDir = options.viewerDir ?? viewerDistDir();
  const keepFinished = options.keepFinished ?? 8;
  const live = new Map<string, LiveRun>();
  const streams = new Set<EventStream>();
  const loopbackOnly = LOOPBACK.has(host);

  const context: ApiContext = {
    runsDir: options.runsDir,
    store: options.store,
    env,
    live,
    options: options.options ?? (() => viewerOptions(env)),
    adopt(source) {
      const run = new LiveRun(source);
      live.set(run.runId, run);
      void run.done.then(() => {
        const finished = [...live.values()].filter((r) => r.completed);
        for (const old of finished.slice(0, Math.max(0, finished.length - keepFinished)))
          live.delete(old.runId);
      });
      return run;
    },
    openStream(response) {
      const stream = openEventStream(response, options.heartbeatMs);
      streams.add(stream);
      response.on('close', () => streams.delete(stream));
      return stream;
    },
  };
  const routes = apiRoutes(context);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (loopbackOnly) {
      const hostname = hostnameOf(request.headers.host);
      if (!LOOPBACK.has(hostname))
        throw new HttpError(403, `host "${hostname}" not served; open http://127.0.0.1`);
    }
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const method = request.method ?? 'GET';
    if (!path.startsWith('/api/')) return serveViewer(viewerDir, method, path, response);
    const { handler, params } = matchRoute(routes, method, path);
    // The table pairs each handler with its own pattern, so the matched params are that route's.
    if (handler.kind === 'stream') return handler.handle({ params: params as never, request, response });
    const body = method === 'POST' ? await readJsonBody(request) : undefined;
    const result = await handler.handle({ params: params as never, body, request });
    sendJson(response, result.status, result.body);
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

function hostnameOf(header: string | undefined): string {
  if (!header) return '';
  if (header.startsWith('[')) return header.slice(0, header.indexOf(']') + 1);
  return header.split(':')[0] ?? '';
}

/** A file of the built viewer (GET/HEAD), or a 503 naming the build command when it is missing. */
async function serveViewer(
  viewerDir: string,
  method: string,
  path: string,
  response: ServerResponse,
): Promise<void> {
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
