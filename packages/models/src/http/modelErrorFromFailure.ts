import { ModelError } from '../ModelError.js';

/**
 * The fixes a backend suggests in its error messages: each server has its own commands and
 * settings, so the mapping below stays generic and the backend supplies the words.
 */
export interface FailureFixes {
  /** The server cannot be reached, e.g. 'start it with "ollama serve" or set OLLAMA_HOST'. */
  unreachable: string;
  /** The model is missing, e.g. `run: ollama pull ${model}`. */
  notFound: (model: string, host: string) => string;
  /** The server is overloaded (429 / 503). */
  busy: string;
  /** The server refused the credentials (401 / 403). */
  credentials: string;
  /**
   * How to read a 404 whose message does not name the model: `model` (any 404 of the inference
   * API is a missing model, as with Ollama) or `endpoint` (a wrong base URL, as with
   * OpenAI-compatible servers, whose model errors name the model).
   */
  unnamed404: 'model' | 'endpoint';
}

/** Fixes that fit any HTTP model server; backends pass their own. */
export const GENERIC_FIXES: FailureFixes = {
  unreachable: 'check the server is running and the base URL',
  notFound: (_model, host) => `check the model names the server at ${host} serves`,
  busy: 'lower the concurrency or retry later',
  credentials: 'check the API key',
  unnamed404: 'endpoint',
};

/** What a backend knows about a failed call, to turn it into a `ModelError`. */
export interface FailureContext {
  /** Base URL of the server, named in every message. */
  host: string;
  model: string;
  /** The fixes to suggest (default: GENERIC_FIXES). */
  fixes?: FailureFixes;
  /** The caller's signal: if it aborted, the failure is a cancellation. */
  signal?: AbortSignal | undefined;
  /** True when the backend's own per-request timeout fired. */
  timedOut?: boolean;
  timeoutMs?: number;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/**
 * Maps an HTTP error status and the server's message to a `ModelError` with a one-line fix.
 *
 * Behaviour: "404 page not found", or a 404 not naming the model from a server whose model errors
 * name it (`fixes.unnamed404: 'endpoint'`) → bad-request "check the base URL"; other 404 →
 * not-found with the backend's fix ("run: ollama pull <model>"); 503 and 429 → busy; other 5xx →
 * server; 401/403 → bad-request naming the credentials fix; other 4xx → bad-request.
 *
 * @param status HTTP status code.
 * @param serverMessage The server's error text (Ollama `error`, OpenAI `error.message`).
 * @param ctx Host, model and the backend's fixes.
 * @returns The error to throw.
 */
export function modelErrorFromStatus(status: number, serverMessage: string, ctx: FailureContext): ModelError {
  const said = oneLine(serverMessage) || `HTTP ${status}`;
  const opts = { status, host: ctx.host };
  const fixes = ctx.fixes ?? GENERIC_FIXES;
  if (
    status === 404 &&
    (/page not found/i.test(said) ||
      (fixes.unnamed404 === 'endpoint' && ctx.model !== '' && !said.includes(ctx.model)))
  ) {
    return new ModelError(
      'bad-request',
      `${ctx.host} has no such endpoint (404: ${said}) — check the base URL`,
      opts,
    );
  }
  if (status === 404) {
    return new ModelError(
      'not-found',
      `model "${ctx.model}" not found on ${ctx.host} — ${fixes.notFound(ctx.model, ctx.host)}`,
      opts,
    );
  }
  if (status === 503 || status === 429)
    return new ModelError('busy', `${ctx.host} is busy (${status}: ${said}) — ${fixes.busy}`, opts);
  if (status >= 500)
    return new ModelError('server', `${ctx.host} failed (${status}: ${said}) — check the server log`, opts);
  if (status === 401 || status === 403) {
    return new ModelError(
      'bad-request',
      `${ctx.host} refused the credentials (${status}: ${said}) — ${fixes.credentials}`,
      opts,
    );
  }
  return new ModelError(
    'bad-request',
    `${ctx.host} rejected the request for "${ctx.model}" (${status}: ${said})`,
    opts,
  );
}

/**
 * Maps anything a model call threw (fetch errors, client errors, aborts, parse errors) to a
 * `ModelError` whose message is one line naming the host and, where there is one, the fix.
 *
 * Behaviour, first match wins: an existing ModelError is returned as is; the caller's signal
 * aborted → aborted; the backend's timeout fired → timeout; an error carrying an HTTP status
 * (`status_code` of the ollama client's ResponseError, or `status`) → `modelErrorFromStatus`;
 * a network error code anywhere in the cause chain (ECONNREFUSED, ECONNRESET, undici socket
 * errors, "fetch failed", "terminated") → connection; an error line inside a stream that says
 * "not found" → not-found, "busy" → busy; JSON / stream framing errors → bad-response;
 * anything else → server.
 *
 * @param error What was thrown.
 * @param ctx Host, model, the backend's fixes, signal and timeout state.
 * @returns The error to throw.
 */
export function modelErrorFromFailure(error: unknown, ctx: FailureContext): ModelError {
  if (error instanceof ModelError) return error;
  const opts = { host: ctx.host, cause: error };
  if (ctx.signal?.aborted)
    return new ModelError('aborted', `call to ${ctx.host} (${ctx.model}) was aborted by the caller`, opts);
  if (ctx.timedOut) {
    return new ModelError(
      'timeout',
      `no complete answer from ${ctx.host} (${ctx.model}) within ${ctx.timeoutMs ?? '?'} ms — raise the timeout or lower the load`,
      opts,
    );
  }
  const err = error instanceof Error ? error : new Error(String(error));
  const status = statusOf(err);
  if (status !== undefined) {
    const e = modelErrorFromStatus(status, err.message, ctx);
    return new ModelError(e.kind, e.message, { ...opts, status });
  }
  const code = networkCode(err);
  if (code !== undefined || err.message === 'fetch failed' || err.message === 'terminated') {
    const cause = err.cause instanceof Error ? err.cause.message : undefined;
    const what = code ?? oneLine(cause ?? err.message);
    if (err.message === 'terminated' || code === 'UND_ERR_SOCKET' || code === 'ECONNRESET') {
      return new ModelError(
        'connection',
        `connection to ${ctx.host} was closed mid-answer (${what}) — the server may have crashed or restarted`,
        opts,
      );
    }
    const fix = (ctx.fixes ?? GENERIC_FIXES).unreachable;
    return new ModelError('connection', `cannot reach ${ctx.host} (${what}) — ${fix}`, opts);
  }
  if (err.name === 'AbortError' || err.name === 'ModelAbortError') {
    return new ModelError('aborted', `call to ${ctx.host} (${ctx.model}) was aborted`, opts);
  }
  const message = oneLine(err.message);
  if (
    err instanceof SyntaxError ||
    /did not receive done|unexpected end of json|invalid json|missing body/i.test(message)
  ) {
    return new ModelError(
      'bad-response',
      `malformed or truncated answer from ${ctx.host} (${message})`,
      opts,
    );
  }
  if (/not found/i.test(message) && message.includes(ctx.model))
    return modelErrorFromStatus(404, message, ctx);
  if (/server busy|maximum pending/i.test(message)) return modelErrorFromStatus(503, message, ctx);
  return new ModelError('server', `${ctx.host} failed (${message}) — check the server log`, opts);
}

function statusOf(err: Error): number | undefined {
  const record = err as unknown as Record<string, unknown>;
  const status = record.status_code ?? record.status;
  return typeof status === 'number' && status >= 400 ? status : undefined;
}

function networkCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    current = current.cause;
  }
  return undefined;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}
