import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JsonSchema } from '../ModelBackend.js';
import type { OllamaTestServerPrompt, OllamaTestServerRespond } from './OllamaTestServerAnswer.js';
import { defaultOllamaTestAnswer } from './OllamaTestServerAnswer.js';
import type { OllamaFaultKind, OllamaFaultOptions } from './OllamaTestServerFaults.js';
import { OllamaFaultPlan } from './OllamaTestServerFaults.js';

/** One HTTP request the test server received. */
export interface OllamaRecordedRequest {
  method: string;
  /** Path without the query string, e.g. "/api/chat". */
  path: string;
  /** Parsed JSON body; for blob uploads `{ bytes }`; undefined when there was none. */
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/** Options of `startOllamaTestServer`. */
export interface OllamaTestServerOptions extends OllamaFaultOptions {
  /** Models the server has, e.g. ["llama3.2:1b"]; a name without a tag gets ":latest". Default: ["llama3.2:1b"]. */
  models?: string[];
  /** Produces answer texts; default `defaultOllamaTestAnswer`. */
  respond?: OllamaTestServerRespond;
  /** Reported by GET /api/version. Default "0.12.6". */
  version?: string;
  /** Inference requests allowed in flight at once; beyond that the server answers 503 busy (Ollama's OLLAMA_MAX_QUEUE). */
  maxPending?: number;
  /** Port to listen on; default 0 (a free port). */
  port?: number;
}

/** A running test server. */
export interface OllamaTestServer {
  /** Base URL, e.g. "http://127.0.0.1:43817". */
  readonly url: string;
  /** Every request received, in arrival order (live array). */
  readonly requests: readonly OllamaRecordedRequest[];
  /** Names of the models the server currently has (e.g. after /api/create or /api/delete). */
  readonly models: readonly string[];
  /** Changes fault injection settings at runtime (merged into the current ones). */
  setFaults(faults: OllamaFaultOptions): void;
  /** Makes the next `count` inference requests fail with `kind` (or a seeded choice). */
  failNext(count: number, kind?: OllamaFaultKind): void;
  /** Replaces the answer function. */
  setRespond(respond: OllamaTestServerRespond): void;
  /** Forgets the recorded requests. */
  clearRequests(): void;
  /** True when a blob with this digest ("sha256:<hex>") was uploaded. */
  hasBlob(digest: string): boolean;
  /** Stops listening and destroys open connections (including hung ones). */
  close(): Promise<void>;
}

interface ModelEntry {
  name: string;
  digest: string;
  size: number;
  modifiedAt: string;
  from?: string;
  system?: string;
  template: string;
  parameters: Record<string, unknown>;
  adapters: string[];
  files: string[];
}

interface Loaded {
  expiresAt: number;
}

const BUSY = 'server busy, please try again.  maximum pending requests exceeded';
const RUNNER_DIED = 'llama runner process has terminated: exit status 2';
const DEFAULT_TEMPLATE =
  '{{ if .System }}<|system|>{{ .System }}{{ end }}<|user|>{{ .Prompt }}<|assistant|>{{ .Response }}';

/**
 * Starts an in-process HTTP server that speaks Ollama's REST API (docs/api.md) and its
 * OpenAI-compatible endpoints, for tests and demos without a GPU.
 *
 * Intuition: real clients (the `ollama` JS client, LangChain's ChatOllama, plain fetch) should
 * run unchanged against it, so it answers with Ollama's field names, NDJSON streaming, status
 * codes and error bodies; the answer text comes from a pluggable `respond` function.
 * Behaviour:
 * 1. Inference: POST /api/chat, POST /api/generate (stream or not, `format`, `options`,
 *    `keep_alive`; `num_predict` truncates the answer to that many tokens, `done_reason: "length"`),
 *    POST /v1/chat/completions (stream or not, `response_format`, `seed`, `max_tokens`, usage).
 * 2. Models: GET /api/tags, POST /api/show, GET /api/ps, DELETE /api/delete, GET /v1/models,
 *    HEAD/POST /api/blobs/:digest (sha256 verified), POST /api/create (streams status lines).
 * 3. Faults (inference requests only): fixed and per-request latency, a seeded failure rate
 *    over kinds (500, 503 busy, reset mid-stream, hang, truncated body), `failNext(n)`, and
 *    503 busy when more than `maxPending` requests are in flight.
 * 4. Every request is recorded (method, path, parsed body) for assertions.
 *
 * @example
 * const srv = await startOllamaTestServer({ models: ['llama3.2:1b'], seed: 7 });
 * srv.failNext(1, 'busy');
 * // ... point a client at srv.url ...
 * await srv.close();
 *
 * @param options Models, answer function, faults, port.
 * @returns The running server.
 */
export async function startOllamaTestServer(
  options: OllamaTestServerOptions = {},
): Promise<OllamaTestServer> {
  const plan = new OllamaFaultPlan(options);
  let respond: OllamaTestServerRespond = options.respond ?? defaultOllamaTestAnswer;
  const version = options.version ?? '0.12.6';
  const requests: OllamaRecordedRequest[] = [];
  const models = new Map<string, ModelEntry>();
  const loaded = new Map<string, Loaded>();
  const blobs = new Map<string, number>();
  const closing = new AbortController();
  let pending = 0;

  for (const name of options.models ?? ['llama3.2:1b']) addModel(models, { name: fullName(name) });

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: err instanceof Error ? err.message : String(err) });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const blobMatch = /^\/api\/blobs\/([^/]+)$/.exec(path);

    if (blobMatch && method === 'POST') {
      const raw = await readRaw(req);
      requests.push({ method, path, body: { bytes: raw.length }, headers: req.headers });
      return uploadBlob(res, decodeURIComponent(blobMatch[1] ?? ''), raw);
    }

    const raw = await readRaw(req);
    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        requests.push({ method, path, body: raw.toString('utf8'), headers: req.headers });
        return sendJson(
          res,
          400,
          path.startsWith('/v1/')
            ? openAiError(400, 'invalid request body')
            : { error: 'invalid request body' },
        );
      }
    }
    requests.push({ method, path, body, headers: req.headers });
    const b = (body ?? {}) as Record<string, unknown>;

    if (blobMatch && method === 'HEAD') {
      res.writeHead(blobs.has(decodeURIComponent(blobMatch[1] ?? '')) ? 200 : 404).end();
      return;
    }
    if (path === '/' && (method === 'GET' || method === 'HEAD')) {
      res
        .writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end(method === 'GET' ? 'Ollama is running' : undefined);
      return;
    }
    if (path === '/api/version' && method === 'GET') return sendJson(res, 200, { version });
    if (path === '/api/tags' && method === 'GET')
      return sendJson(res, 200, { models: [...models.values()].map(tagEntry) });
    if (path === '/api/ps' && method === 'GET') return sendJson(res, 200, { models: runningEntries() });
    if (path === '/api/show' && method === 'POST') return show(res, b);
    if (path === '/api/delete' && method === 'DELETE') return remove(res, b);
    if (path === '/api/create' && method === 'POST') return create(res, b);
    if (path === '/api/chat' && method === 'POST') return infer(req, res, 'chat', b, path);
    if (path === '/api/generate' && method === 'POST') return infer(req, res, 'generate', b, path);
    if (path === '/v1/chat/completions' && method === 'POST') return infer(req, res, 'openai', b, path);
    if (path === '/v1/models' && method === 'GET') {
      return sendJson(res, 200, {
        object: 'list',
        data: [...models.values()].map((m) => ({
          id: m.name,
          object: 'model',
          created: Math.floor(Date.parse(m.modifiedAt) / 1000),
          owned_by: 'library',
        })),
      });
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found');
  }

  function uploadBlob(res: ServerResponse, digest: string, raw: Buffer) {
    if (!/^sha256[:-][0-9a-f]{64}$/.test(digest))
      return sendJson(res, 400, { error: 'invalid digest format' });
    const expected = digest.replace('sha256-', 'sha256:');
    const actual = `sha256:${createHash('sha256').update(raw).digest('hex')}`;
    if (actual !== expected)
      return sendJson(res, 400, {
        error: `digest mismatch, expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
      });
    blobs.set(expected, raw.length);
    res.writeHead(201).end();
  }

  function show(res: ServerResponse, b: Record<string, unknown>) {
    const name = String(b.model ?? b.name ?? '');
    const m = findModel(models, name);
    if (!m) return sendJson(res, 404, { error: `model '${name}' not found` });
    const params = Object.entries(m.parameters).flatMap(([k, v]) =>
      (Array.isArray(v) ? v : [v]).map(
        (x) => `${k.padEnd(30)}${typeof x === 'string' ? JSON.stringify(x) : String(x)}`,
      ),
    );
    sendJson(res, 200, {
      license: '',
      modelfile: modelfileOf(m),
      parameters: params.join('\n'),
      template: m.template,
      ...(m.system !== undefined ? { system: m.system } : {}),
      details: detailsOf(m),
      model_info: {
        'general.architecture': 'llama',
        'general.parameter_count': 1235814432,
        'llama.context_length': 131072,
      },
      capabilities: ['completion'],
      modified_at: m.modifiedAt,
    });
  }

  function remove(res: ServerResponse, b: Record<string, unknown>) {
    const name = String(b.model ?? b.name ?? '');
    const m = findModel(models, name);
    if (!m) return sendJson(res, 404, { error: `model '${name}' not found` });
    models.delete(m.name);
    loaded.delete(m.name);
    res.writeHead(200).end();
  }

  function create(res: ServerResponse, b: Record<string, unknown>) {
    const name = typeof b.model === 'string' ? b.model : typeof b.name === 'string' ? b.name : '';
    if (!name) return sendJson(res, 400, { error: 'invalid model name' });
    const files = isStringMap(b.files) ? b.files : {};
    const adapters = isStringMap(b.adapters) ? b.adapters : {};
    const from = typeof b.from === 'string' ? b.from : undefined;
    if (!from && Object.keys(files).length === 0)
      return sendJson(res, 400, { error: "neither 'from' or 'files' was specified" });
    const base = from ? findModel(models, from) : undefined;
    if (from && !base)
      return sendJson(res, 404, {
        error: `model ${JSON.stringify(fullName(from))} not found, try pulling it first`,
      });
    for (const digest of [...Object.values(files), ...Object.values(adapters)]) {
      if (!blobs.has(digest)) return sendJson(res, 400, { error: `blob ${digest} not found` });
    }
    const statuses: string[] = [];
    if (Object.keys(files).length > 0) statuses.push('parsing GGUF');
    for (const digest of Object.values(files)) statuses.push(`using existing layer ${digest}`);
    if (base) statuses.push(`using existing layer ${base.digest}`);
    for (const digest of Object.values(adapters)) statuses.push(`using existing layer ${digest}`);
    const extras: [string, unknown][] = [
      ['template', b.template],
      ['system', b.system],
      ['params', b.parameters],
    ];
    for (const [label, value] of extras) {
      if (value !== undefined)
        statuses.push(`creating new layer sha256:${sha256Hex(`${label}:${JSON.stringify(value)}`)}`);
    }
    statuses.push('writing manifest', 'success');
    const entry: ModelEntry = {
      name: fullName(name),
      digest: sha256Hex(
        JSON.stringify({ name, from, files, adapters, b: [b.system, b.template, b.parameters] }),
      ),
      size:
        (base?.size ?? 0) +
        [...Object.values(files), ...Object.values(adapters)].reduce((s, d) => s + (blobs.get(d) ?? 0), 0),
      modifiedAt: new Date().toISOString(),
      template: typeof b.template === 'string' ? b.template : (base?.template ?? DEFAULT_TEMPLATE),
      parameters: { ...(base?.parameters ?? {}), ...(isRecord(b.parameters) ? b.parameters : {}) },
      adapters: Object.values(adapters),
      files: Object.values(files),
    };
    if (from) entry.from = fullName(from);
    const system = typeof b.system === 'string' ? b.system : base?.system;
    if (system !== undefined) entry.system = system;
    models.set(entry.name, entry);
    if (b.stream === false) return sendJson(res, 200, { status: 'success' });
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
    for (const status of statuses) res.write(`${JSON.stringify({ status })}\n`);
    res.end();
  }

  async function infer(
    req: IncomingMessage,
    res: ServerResponse,
    endpoint: OllamaTestServerPrompt['endpoint'],
    b: Record<string, unknown>,
    path: string,
  ): Promise<void> {
    const openai = endpoint === 'openai';
    const fail = (status: number, message: string) =>
      sendJson(res, status, openai ? openAiError(status, message) : { error: message });
    const name = typeof b.model === 'string' ? b.model : '';
    if (!name) return fail(400, 'model is required');
    const model = findModel(models, name);
    if (!model) return fail(404, `model ${JSON.stringify(fullName(name))} not found, try pulling it first`);
    if (options.maxPending !== undefined && pending >= options.maxPending) return fail(503, BUSY);

    pending++;
    const gone = new AbortController();
    res.on('close', () => gone.abort());
    try {
      const fault = plan.next();
      const delay = plan.latency({ path, body: b });
      if (delay > 0 && !(await wait(delay, gone.signal, closing.signal))) return;
      if (fault === 'busy') return fail(503, BUSY);
      if (fault === 'server-error') return fail(500, RUNNER_DIED);
      if (fault === 'hang') {
        await wait(Number.POSITIVE_INFINITY, gone.signal, closing.signal);
        return;
      }
      const prompt = toPrompt(endpoint, name, b);
      const keepAlive = openai ? undefined : b.keep_alive;
      if (endpoint !== 'openai' && prompt.messages.length === 0) {
        return loadOnly(res, endpoint, name, keepAlive);
      }
      const text = await respond(prompt);
      const limit =
        typeof prompt.options.num_predict === 'number' && prompt.options.num_predict >= 0
          ? prompt.options.num_predict
          : undefined;
      const allTokens = tokenize(text);
      const tokens = limit === undefined ? allTokens : allTokens.slice(0, limit);
      const doneReason = limit !== undefined && allTokens.length > limit ? 'length' : 'stop';
      const promptTokens = 12 + prompt.messages.reduce((s, m) => s + tokenize(m.content).length + 4, 0);
      markLoaded(model.name, keepAlive);
      const stream = openai ? b.stream === true : b.stream !== false;
      const answer: Answer = {
        endpoint,
        model: name,
        tokens,
        doneReason,
        promptTokens,
        includeUsage: isRecord(b.stream_options) && b.stream_options.include_usage === true,
      };
      if (stream) await writeStream(req, res, answer, fault);
      else writeWhole(res, answer, fault);
    } finally {
      pending--;
    }
  }

  function loadOnly(
    res: ServerResponse,
    endpoint: 'chat' | 'generate',
    name: string,
    keepAlive: unknown,
  ): void {
    const unload = keepAlive === 0 || keepAlive === '0' || keepAlive === '0s';
    const m = findModel(models, name);
    if (m) {
      if (unload) loaded.delete(m.name);
      else markLoaded(m.name, keepAlive);
    }
    const base = { model: name, created_at: new Date().toISOString() };
    const body =
      endpoint === 'chat'
        ? { ...base, message: { role: 'assistant', content: '' } }
        : { ...base, response: '' };
    sendJson(res, 200, { ...body, done_reason: unload ? 'unload' : 'load', done: true });
  }

  function markLoaded(name: string, keepAlive: unknown): void {
    const seconds = keepAliveSeconds(keepAlive);
    if (seconds === 0) loaded.delete(name);
    else
      loaded.set(name, {
        expiresAt: seconds < 0 ? Date.parse('2318-01-01T00:00:00Z') : Date.now() + seconds * 1000,
      });
  }

  function runningEntries(): unknown[] {
    const now = Date.now();
    const out: unknown[] = [];
    for (const [name, l] of loaded) {
      const m = models.get(name);
      if (!m || l.expiresAt < now) continue;
      out.push({
        name: m.name,
        model: m.name,
        size: m.size,
        digest: m.digest,
        details: detailsOf(m),
        expires_at: new Date(l.expiresAt).toISOString(),
        size_vram: m.size,
        context_length: 4096,
      });
    }
    return out;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${address.port}`;

  return {
    url,
    requests,
    get models() {
      return [...models.keys()];
    },
    setFaults: (faults) => plan.update(faults),
    failNext: (count, kind) => plan.failNext(count, kind),
    setRespond: (fn) => {
      respond = fn;
    },
    clearRequests: () => {
      requests.length = 0;
    },
    hasBlob: (digest) => blobs.has(digest),
    close: () =>
      new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface Answer {
  endpoint: OllamaTestServerPrompt['endpoint'];
  model: string;
  tokens: string[];
  doneReason: 'stop' | 'length';
  promptTokens: number;
  includeUsage: boolean;
}

async function writeStream(
  req: IncomingMessage,
  res: ServerResponse,
  a: Answer,
  fault: OllamaFaultKind | undefined,
): Promise<void> {
  const openai = a.endpoint === 'openai';
  res.writeHead(
    200,
    openai
      ? { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' }
      : { 'Content-Type': 'application/x-ndjson' },
  );
  const id = `chatcmpl-${Math.abs(hashCode(a.tokens.join(''))) % 1000}`;
  const created = new Date();
  const lines: string[] = a.tokens.map((token, i) =>
    openai
      ? sse(
          openAiChunk(
            id,
            a.model,
            created,
            { ...(i === 0 ? { role: 'assistant' } : {}), content: token },
            null,
          ),
        )
      : `${JSON.stringify(chunkOf(a, token, created))}\n`,
  );
  if (openai) {
    if (a.tokens.length === 0)
      lines.push(sse(openAiChunk(id, a.model, created, { role: 'assistant', content: '' }, null)));
    lines.push(sse(openAiChunk(id, a.model, created, { role: 'assistant', content: '' }, a.doneReason)));
    if (a.includeUsage)
      lines.push(sse({ ...openAiChunk(id, a.model, created, {}, null), choices: [], usage: usageOf(a) }));
    lines.push('data: [DONE]\n\n');
  } else {
    lines.push(`${JSON.stringify(finalOf(a, created))}\n`);
  }
  const cut = Math.max(1, Math.floor(lines.length / 2));
  for (let i = 0; i < lines.length; i++) {
    if (i === cut && fault === 'reset') {
      await flush(res);
      req.socket.resetAndDestroy();
      return;
    }
    if (i === cut && fault === 'truncate') {
      const line = lines[i] ?? '';
      res.end(line.slice(0, Math.max(1, Math.floor(line.length / 2))));
      return;
    }
    res.write(lines[i]);
    // Let the client see separate chunks, as a real model streaming token by token.
    await new Promise((r) => setImmediate(r));
  }
  res.end();
}

function writeWhole(res: ServerResponse, a: Answer, fault: OllamaFaultKind | undefined): void {
  const created = new Date();
  const text = a.tokens.join('');
  let body: unknown;
  if (a.endpoint === 'openai') {
    body = {
      id: `chatcmpl-${Math.abs(hashCode(text)) % 1000}`,
      object: 'chat.completion',
      created: Math.floor(created.getTime() / 1000),
      model: a.model,
      system_fingerprint: 'fp_ollama',
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: a.doneReason }],
      usage: usageOf(a),
    };
  } else {
    const final = finalOf(a, created) as Record<string, unknown>;
    body =
      a.endpoint === 'chat'
        ? { ...final, message: { role: 'assistant', content: text } }
        : { ...final, response: text };
  }
  const json = JSON.stringify(body);
  if (fault === 'truncate') {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(json.slice(0, Math.floor(json.length / 2)));
    return;
  }
  if (fault === 'reset') {
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(json),
    });
    res.write(json.slice(0, Math.floor(json.length / 2)), () => res.socket?.resetAndDestroy());
    return;
  }
  sendJson(res, 200, body);
}

function chunkOf(a: Answer, token: string, created: Date): unknown {
  const base = { model: a.model, created_at: created.toISOString() };
  return a.endpoint === 'chat'
    ? { ...base, message: { role: 'assistant', content: token }, done: false }
    : { ...base, response: token, done: false };
}

function finalOf(a: Answer, created: Date): unknown {
  const evalCount = a.tokens.length;
  const stats = {
    done: true,
    done_reason: a.doneReason,
    total_duration: 5_000_000 + evalCount * 10_000_000 + a.promptTokens * 1_000_000,
    load_duration: 2_000_000,
    prompt_eval_count: a.promptTokens,
    prompt_eval_duration: a.promptTokens * 1_000_000,
    eval_count: evalCount,
    eval_duration: evalCount * 10_000_000,
  };
  const base = { model: a.model, created_at: created.toISOString() };
  if (a.endpoint === 'chat') return { ...base, message: { role: 'assistant', content: '' }, ...stats };
  return { ...base, response: '', ...stats, context: a.tokens.map((t) => Math.abs(hashCode(t)) % 128_000) };
}

function usageOf(a: Answer): { prompt_tokens: number; completion_tokens: number; total_tokens: number } {
  return {
    prompt_tokens: a.promptTokens,
    completion_tokens: a.tokens.length,
    total_tokens: a.promptTokens + a.tokens.length,
  };
}

function openAiChunk(
  id: string,
  model: string,
  created: Date,
  delta: Record<string, unknown>,
  finish: string | null,
): Record<string, unknown> {
  return {
    id,
    object: 'chat.completion.chunk',
    created: Math.floor(created.getTime() / 1000),
    model,
    system_fingerprint: 'fp_ollama',
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
}

function sse(data: unknown): string {
  return `data: ${JSON.stringify(data)}\n\n`;
}

function openAiError(status: number, message: string): unknown {
  const type = status === 400 ? 'invalid_request_error' : status === 404 ? 'not_found_error' : 'api_error';
  return { error: { message, type, param: null, code: null } };
}

/** Translates any of the three inference bodies into one prompt with Ollama option names. */
function toPrompt(
  endpoint: OllamaTestServerPrompt['endpoint'],
  model: string,
  b: Record<string, unknown>,
): OllamaTestServerPrompt {
  const messages: { role: string; content: string }[] = [];
  let format: 'json' | JsonSchema | undefined;
  let opts: Record<string, unknown> = isRecord(b.options) ? { ...b.options } : {};
  if (endpoint === 'generate') {
    if (typeof b.system === 'string' && b.system) messages.push({ role: 'system', content: b.system });
    if (typeof b.prompt === 'string' && b.prompt) messages.push({ role: 'user', content: b.prompt });
  } else if (Array.isArray(b.messages)) {
    for (const m of b.messages) {
      if (isRecord(m)) messages.push({ role: String(m.role ?? 'user'), content: contentText(m.content) });
    }
  }
  if (endpoint === 'openai') {
    opts = {};
    const map: [string, string][] = [
      ['seed', 'seed'],
      ['temperature', 'temperature'],
      ['top_p', 'top_p'],
      ['max_tokens', 'num_predict'],
      ['max_completion_tokens', 'num_predict'],
      ['frequency_penalty', 'frequency_penalty'],
      ['presence_penalty', 'presence_penalty'],
      ['stop', 'stop'],
    ];
    for (const [from, to] of map) if (b[from] !== undefined && b[from] !== null) opts[to] = b[from];
    const rf = b.response_format;
    if (isRecord(rf) && rf.type === 'json_object') format = 'json';
    if (
      isRecord(rf) &&
      rf.type === 'json_schema' &&
      isRecord(rf.json_schema) &&
      isRecord(rf.json_schema.schema)
    )
      format = rf.json_schema.schema;
  } else if (b.format === 'json') {
    format = 'json';
  } else if (isRecord(b.format)) {
    format = b.format;
  }
  return { endpoint, model, messages, ...(format !== undefined ? { format } : {}), options: opts, body: b };
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content.map((p) => (isRecord(p) && typeof p.text === 'string' ? p.text : '')).join('');
  return '';
}

/** Splits text into "tokens": each run of non-space characters with its trailing spaces. */
function tokenize(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text ? [text] : []);
}

function keepAliveSeconds(value: unknown): number {
  if (value === undefined || value === null) return 300;
  if (typeof value === 'number') return value;
  const m = /^(-?\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(String(value).trim());
  if (!m) return 300;
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  return unit === 'ms' ? n / 1000 : unit === 'm' ? n * 60 : unit === 'h' ? n * 3600 : n;
}

function fullName(name: string): string {
  return name.includes(':') ? name : `${name}:latest`;
}

function findModel(models: Map<string, ModelEntry>, name: string): ModelEntry | undefined {
  return name ? models.get(fullName(name)) : undefined;
}

function addModel(models: Map<string, ModelEntry>, init: { name: string }): void {
  models.set(init.name, {
    name: init.name,
    digest: sha256Hex(`model:${init.name}`),
    size: 1_321_098_329,
    modifiedAt: '2025-01-01T00:00:00.000Z',
    template: DEFAULT_TEMPLATE,
    parameters: { stop: ['<|eot_id|>'] },
    adapters: [],
    files: [],
  });
}

function tagEntry(m: ModelEntry): unknown {
  return {
    name: m.name,
    model: m.name,
    modified_at: m.modifiedAt,
    size: m.size,
    digest: m.digest,
    details: detailsOf(m),
  };
}

function detailsOf(m: ModelEntry): Record<string, unknown> {
  return {
    parent_model: m.from ?? '',
    format: 'gguf',
    family: 'llama',
    families: ['llama'],
    parameter_size: '1.2B',
    quantization_level: 'Q8_0',
  };
}

function modelfileOf(m: ModelEntry): string {
  const lines = [
    `# Modelfile generated by "ollama show"`,
    `FROM ${m.from ?? `/root/.ollama/models/blobs/sha256-${m.digest}`}`,
  ];
  for (const d of m.adapters) lines.push(`ADAPTER /root/.ollama/models/blobs/${d.replace(':', '-')}`);
  lines.push(`TEMPLATE """${m.template}"""`);
  if (m.system !== undefined) lines.push(`SYSTEM """${m.system}"""`);
  for (const [k, v] of Object.entries(m.parameters)) {
    for (const x of Array.isArray(v) ? v : [v])
      lines.push(`PARAMETER ${k} ${typeof x === 'string' ? JSON.stringify(x) : String(x)}`);
  }
  return `${lines.join('\n')}\n`;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function hashCode(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringMap(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'string');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

function flush(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => res.write('', () => resolve()));
}

/** Resolves true after `ms`, or false as soon as one of the signals aborts. */
function wait(ms: number, ...signals: AbortSignal[]): Promise<boolean> {
  return new Promise((resolve) => {
    if (signals.some((s) => s.aborted)) return resolve(false);
    const timer = Number.isFinite(ms) ? setTimeout(() => done(true), ms) : undefined;
    const onAbort = (): void => done(false);
    function done(value: boolean): void {
      if (timer) clearTimeout(timer);
      for (const s of signals) s.removeEventListener('abort', onAbort);
      resolve(value);
    }
    for (const s of signals) s.addEventListener('abort', onAbort, { once: true });
  });
}
