import type {
  GenerationOptions,
  ModelBackend,
  ModelInfo,
  ModelRequest,
  ModelResponse,
} from '../ModelBackend.js';
import { ModelError } from '../ModelError.js';
import { modelErrorFromFailure, modelErrorFromStatus } from '../ollama/modelErrorFromFailure.js';
import { parseStructuredText } from '../ollama/parseStructuredText.js';
import { withDeadline } from '../ollama/withDeadline.js';

/** Options of `OpenAICompatibleBackend`. */
export interface OpenAICompatibleBackendOptions {
  /** Model name as the server serves it, e.g. "meta-llama/Llama-3.1-8B-Instruct". */
  model: string;
  /** Server base URL without "/v1", e.g. "http://127.0.0.1:8000"; default OPENAI_BASE_URL, then http://127.0.0.1:8000. */
  baseUrl?: string;
  /** Bearer token; default OPENAI_API_KEY; none is sent when neither is set. */
  apiKey?: string;
  /** Per-request timeout in milliseconds; default 120000. */
  timeoutMs?: number;
  /** Options used when a request does not set them. */
  defaults?: GenerationOptions;
  /** Name given to the schema in `response_format.json_schema.name`; default "answer". */
  schemaName?: string;
}

/**
 * The model port over any OpenAI-compatible chat server: vLLM, llama.cpp server, LM Studio,
 * Ollama's /v1.
 *
 * Intuition: these servers share one endpoint, POST /v1/chat/completions, so one adapter with
 * plain fetch serves them all. Behaviour:
 * 1. Non-streaming request with `seed`, `temperature`, `max_tokens`, `top_p` passed through; with a
 *    schema, `response_format: {type: "json_schema", json_schema: {name, schema}}`.
 * 2. `structured` is parsed from the content when it holds a JSON object, else text alone.
 * 3. Usage from `usage.prompt_tokens` / `usage.completion_tokens` (0 when the server omits it).
 * 4. Failures become `ModelError`s (same mapping as the Ollama backend); `keepAlive` has no
 *    OpenAI equivalent and is sent as `keep_alive`, which Ollama honours and others ignore.
 * 5. `ready()` checks GET /v1/models lists the model.
 *
 * @example
 * const vllm = new OpenAICompatibleBackend({ model: 'Qwen/Qwen2.5-7B-Instruct', baseUrl: 'http://gpu:8000' });
 */
export class OpenAICompatibleBackend implements ModelBackend {
  readonly baseUrl: string;
  private readonly model: string;
  private readonly apiKey: string | undefined;
  private readonly timeoutMs: number;
  private readonly defaults: GenerationOptions;
  private readonly schemaName: string;

  /** @param options Model, base URL, API key, timeout, defaults. */
  constructor(options: OpenAICompatibleBackendOptions) {
    if (!options.model) throw new ModelError('bad-request', 'OpenAICompatibleBackend needs a model name');
    this.model = options.model;
    const base = (options.baseUrl ?? process.env.OPENAI_BASE_URL ?? 'http://127.0.0.1:8000')
      .trim()
      .replace(/\/+$/, '');
    this.baseUrl = base.replace(/\/v1$/, '');
    this.apiKey = options.apiKey ?? (process.env.OPENAI_API_KEY || undefined);
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.defaults = options.defaults ?? {};
    this.schemaName = options.schemaName ?? 'answer';
  }

  /** @returns id "openai:<model>" and the base URL. */
  info(): ModelInfo {
    return {
      id: `openai:${this.model}`,
      backend: 'openai',
      model: this.model,
      isLanguageModel: true,
      hosts: [this.baseUrl],
    };
  }

  /**
   * Asks the model once (non-streaming).
   * @param request Messages, options, optional schema and signal.
   * @returns Text, parsed structure when asked for, usage and latency.
   * @throws ModelError of kind connection, timeout, busy, server, not-found, bad-request, bad-response or aborted.
   */
  async generate(request: ModelRequest): Promise<ModelResponse> {
    const ctx = {
      host: this.baseUrl,
      model: this.model,
      backend: 'openai' as const,
      signal: request.signal,
      timeoutMs: this.timeoutMs,
    };
    if (request.signal?.aborted) throw modelErrorFromFailure(request.signal.reason, ctx);
    const o: GenerationOptions = { ...this.defaults };
    for (const [k, v] of Object.entries(request.options ?? {}))
      if (v !== undefined) (o as Record<string, unknown>)[k] = v;
    const body: Record<string, unknown> = { model: this.model, messages: request.messages, stream: false };
    if (o.seed !== undefined) body.seed = o.seed;
    if (o.temperature !== undefined) body.temperature = o.temperature;
    if (o.maxTokens !== undefined) body.max_tokens = o.maxTokens;
    if (o.topP !== undefined) body.top_p = o.topP;
    if (o.keepAlive !== undefined) body.keep_alive = o.keepAlive;
    if (request.schema !== undefined)
      body.response_format = {
        type: 'json_schema',
        json_schema: { name: this.schemaName, schema: request.schema },
      };
    const started = performance.now();
    const deadline = withDeadline(this.timeoutMs, request.signal);
    try {
      const res = await deadline.fetch(`${this.baseUrl}/v1/chat/completions`, {
        method: 'POST',
        headers: this.headers(),
        body: JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw modelErrorFromStatus(res.status, errorMessageOf(text), ctx);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        throw new ModelError(
          'bad-response',
          `malformed or truncated answer from ${this.baseUrl} (${(error as Error).message})`,
          { host: this.baseUrl, cause: error },
        );
      }
      const completion = parsed as {
        choices?: { message?: { content?: unknown } }[];
        usage?: { prompt_tokens?: unknown; completion_tokens?: unknown };
      };
      const content = completion.choices?.[0]?.message?.content;
      if (typeof content !== 'string')
        throw new ModelError(
          'bad-response',
          `answer from ${this.baseUrl} has no choices[0].message.content`,
          { host: this.baseUrl },
        );
      const structured = request.schema !== undefined ? parseStructuredText(content) : undefined;
      return {
        text: content,
        ...(structured !== undefined ? { structured } : {}),
        usage: {
          promptTokens: count(completion.usage?.prompt_tokens),
          completionTokens: count(completion.usage?.completion_tokens),
        },
        latencyMs: performance.now() - started,
        cached: false,
        model: `openai:${this.model}`,
        host: this.baseUrl,
      };
    } catch (error) {
      throw modelErrorFromFailure(error, { ...ctx, timedOut: deadline.timedOut() });
    } finally {
      deadline.dispose();
    }
  }

  /**
   * Checks GET /v1/models answers and lists the model.
   * @throws ModelError "connection", or "not-found" naming the models the server does serve.
   */
  async ready(): Promise<void> {
    const ctx = {
      host: this.baseUrl,
      model: this.model,
      backend: 'openai' as const,
      timeoutMs: this.timeoutMs,
    };
    const deadline = withDeadline(this.timeoutMs, undefined);
    try {
      const res = await deadline.fetch(`${this.baseUrl}/v1/models`, { headers: this.headers() });
      const text = await res.text();
      if (!res.ok) throw modelErrorFromStatus(res.status, errorMessageOf(text), ctx);
      let ids: string[];
      try {
        const data = (JSON.parse(text) as { data?: { id?: unknown }[] }).data;
        ids = Array.isArray(data) ? data.map((d) => String(d.id)) : [];
      } catch (error) {
        throw new ModelError('bad-response', `GET ${this.baseUrl}/v1/models did not return JSON`, {
          host: this.baseUrl,
          cause: error,
        });
      }
      if (!ids.includes(this.model)) {
        throw new ModelError(
          'not-found',
          `model "${this.model}" not served by ${this.baseUrl} (serves: ${ids.join(', ') || 'none'}) — start the server with that model or pick one it serves`,
          {
            host: this.baseUrl,
            status: 404,
          },
        );
      }
    } catch (error) {
      throw modelErrorFromFailure(error, { ...ctx, timedOut: deadline.timedOut() });
    } finally {
      deadline.dispose();
    }
  }

  private headers(): Record<string, string> {
    return {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      ...(this.apiKey ? { Authorization: `Bearer ${this.apiKey}` } : {}),
    };
  }
}

/** The error text of an OpenAI-style (`{error:{message}}`), Ollama-style (`{error}`) or vLLM (`{message}`) body. */
function errorMessageOf(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown; detail?: unknown };
    if (typeof body.error === 'string') return body.error;
    if (
      typeof body.error === 'object' &&
      body.error !== null &&
      typeof (body.error as { message?: unknown }).message === 'string'
    ) {
      return (body.error as { message: string }).message;
    }
    if (typeof body.message === 'string') return body.message;
    if (typeof body.detail === 'string') return body.detail;
  } catch {
    // not JSON
  }
  return text.slice(0, 200);
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
