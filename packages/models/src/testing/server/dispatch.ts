import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord, openAiError, readRaw, sendJson } from './httpIo.js';
import type { OllamaRecordedRequest, Route, TestServerState } from './TestServerContext.js';

/**
 * The test server's request handler: records every request (method, path, parsed body,
 * headers), finds the first route matching method and path, reads the body as the route says
 * (JSON, answered 400 in the API's own error shape when invalid; or raw bytes) and calls it.
 * No route: Ollama's plain-text "404 page not found". A handler that throws answers 500
 * (or cuts the connection when the answer had begun).
 *
 * @param routes the routing table
 * @param state what the server keeps
 * @param requests the log every request is appended to
 * @returns the `node:http` request listener
 */
export function dispatch(
  routes: readonly Route[],
  state: TestServerState,
  requests: OllamaRecordedRequest[],
): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    let params: string[] = [];
    const route = routes.find((r) => {
      if (r.method !== method) return false;
      if (typeof r.path === 'string') return r.path === path;
      const match = r.path.exec(path);
      if (match) params = match.slice(1).map((p) => decodeURIComponent(p ?? ''));
      return match !== null;
    });
    const raw = await readRaw(req);
    const record: OllamaRecordedRequest = { method, path, body: undefined, headers: req.headers };
    requests.push(record);
    let body: unknown;
    if (route?.body === 'raw') record.body = { bytes: raw.length };
    else if (raw.length > 0) {
      record.text = raw.toString('utf8');
      try {
        body = JSON.parse(raw.toString('utf8'));
        record.body = body;
      } catch {
        record.body = raw.toString('utf8');
        const message = 'invalid request body';
        return sendJson(res, 400, path.startsWith('/v1/') ? openAiError(400, message) : { error: message });
      }
    }
    if (!route) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found');
      return;
    }
    await route.handler({ req, res, path, params, body: isRecord(body) ? body : {}, raw, record, state });
  };
  return (req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: err instanceof Error ? err.message : String(err) });
      else res.destroy();
    });
  };
}
