import { ModelError } from '../ModelError.js';

/** What a backend knows about a failed call, to turn it into a `ModelError`. */
export interface FailureContext {
  /** Base URL of the server, named in every message. */
  host: string;
  model: string;
  /** Which fix to suggest: Ollama commands or OpenAI-compatible server hints. */
  backend: 'ollama' | 'openai';
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
 * Behaviour: 404 that mentions the model (or any 404 from Ollama's inference API) → not-found
 * ("run: ollama pull <model>"); 503 and 429 → busy; other 5xx → server; 401/403 → bad-request
 * naming the API key; other 4xx → bad-request.
 *
 * @param status HTTP status code.
 * @param serverMessage The server's error text (Ollama `error`, OpenAI `error.message`).
 * @param ctx Host, model and backend.
 * @returns The error to throw.
 */
export function modelErrorFromStatus(status: number, serverMessage: string, ctx: FailureContext): ModelError {
  const said = oneLine(serverMessage) || `HTTP ${status}`;
  const opts = { status, host: ctx.host };
  if (
    status === 404 &&
    (/page not found/i.test(said) ||
      (ctx.backend === 'openai' && ctx.model !== '' && !said.includes(ctx.model)))
  ) {
    return new ModelError(
      'bad-request',
      `${ctx.host} has no such endpoint (404: ${said}) — check the base URL`,
      opts,
    );
  }
  if (status === 404) {
    const fix =
      ctx.backend === 'ollama'
        ? `run: ollama pull ${ctx.model} (or ollama create ${ctx.model} -f Modelfile)`
        : `check the served model names at ${ctx.host}/v1/models`;
    return new ModelError('not-found', `model "${ctx.model}" not found on ${ctx.host} — ${fix}`, opts);
  }
  if (status === 503 || status === 429) {
    const fix =
      ctx.backend === 'ollama'
        ? 'lower the concurrency or raise OLLAMA_NUM_PARALLEL / OLLAMA_MAX_QUEUE'
        : 'lower the concurrency or retry later';
    return new ModelError('busy', `${ctx.host} is busy (${status}: ${said}) — ${fix}`, opts);
  }
  if (status >= 500)
    return new ModelError('server', `${ctx.host} failed (${status}: ${said}) — check the server log`, opts);
  if (status === 401 || status === 403) {
    return new ModelError(
      'bad-request',
      `${ctx.host} refused the credentials (${status}: ${said}) — set OPENAI_API_KEY or pass an API key`,
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
 * @param ctx Host, model, backend, signal and timeout state.
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
    const fix =
      ctx.backend === 'ollama'
        ? 'start it with "ollama serve" or set OLLAMA_HOST'
        : 'check the server is running and the base URL';
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
