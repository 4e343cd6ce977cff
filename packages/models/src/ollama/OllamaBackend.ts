import { AIMessage, type BaseMessage, HumanMessage, SystemMessage } from '@langchain/core/messages';
import { ChatOllama } from '@langchain/ollama';
import { Ollama } from 'ollama';
import type {
  ChatMessage,
  GenerationOptions,
  ModelBackend,
  ModelInfo,
  ModelRequest,
  ModelResponse,
} from '../ModelBackend.js';
import { ModelError } from '../ModelError.js';
import { modelErrorFromFailure } from './modelErrorFromFailure.js';
import { normalizeOllamaHost } from './normalizeOllamaHost.js';
import { parseStructuredText } from './parseStructuredText.js';
import { type Deadline, withDeadline } from './withDeadline.js';

/** Options of `OllamaBackend`. */
export interface OllamaBackendOptions {
  /** Model name as Ollama lists it, e.g. "llama3.2:1b" or "emollama". */
  model: string;
  /** "host:port" or a URL; default `process.env.OLLAMA_HOST`, then http://127.0.0.1:11434. */
  host?: string;
  /** Per-request timeout in milliseconds for a complete answer; default 120000. */
  timeoutMs?: number;
  /** Options used when a request does not set them (a request's own options win). */
  defaults?: GenerationOptions;
  /** Extra HTTP headers (e.g. for an authenticating proxy in front of Ollama). */
  headers?: Record<string, string>;
  /**
   * Which client sends the chat: `langchain` (default) - LangChain's `ChatOllama`; `native` - the
   * `ollama` client directly, the same request with less client CPU per call (docs/benchmarks.md).
   */
  client?: OllamaChatClient;
}

/** The two ways the adapter can send a chat request. */
export type OllamaChatClient = 'langchain' | 'native';

/** What one streamed chat produced. */
interface ChatResult {
  text: string;
  promptTokens: number;
  completionTokens: number;
  done: boolean;
}

/**
 * The Ollama adapter of the model port: chat through LangChain's `ChatOllama` (or, with
 * `client: 'native'`, the official `ollama` client directly), readiness and model metadata
 * through the `ollama` client.
 *
 * Intuition: a crowd run makes thousands of calls that must be reproducible and diagnosable,
 * so every generation option reaches the server and every failure becomes a `ModelError`
 * that says which host failed and what to do about it. ChatOllama reads seed, temperature,
 * num_predict, top_p and keep_alive only from its constructor, so each call gets its own
 * instance (about 15 µs) carrying that persona's seed; its runnable machinery costs some client
 * CPU per call, which is nothing next to an LLM's latency but shows against a server that
 * answers at once - `native` sends the identical request without it (docs/benchmarks.md).
 * Behaviour:
 * 1. `generate` sends model, messages, `stream: true`, `keep_alive`, `format` and `options`
 *    (seed, temperature, num_predict, top_p) - the same body with either client.
 * 2. With `request.schema` the schema is sent as Ollama `format`; the answer text is parsed into
 *    `structured` when it holds a JSON object, else `text` alone is returned (free-text fallback).
 * 3. Each call's fetch carries the caller's signal and the per-request timeout, so a hung server
 *    is abandoned; a stream ended by the signal never yields a partial answer, and a stream that
 *    ends without `done: true` is a "bad-response" failure.
 * 4. Usage comes from Ollama's `prompt_eval_count` / `eval_count`; latency is wall-clock.
 * 5. `ready()` checks /api/version and that /api/tags lists the model, and records its digest.
 *
 * @example
 * const backend = new OllamaBackend({ model: 'llama3.2:1b', host: 'gpu-box:11434' });
 * await backend.ready();
 * const answer = await backend.generate({ messages: [{ role: 'user', content: 'Hi' }], options: { seed: 1 } });
 */
export class OllamaBackend implements ModelBackend {
  readonly host: string;
  private readonly model: string;
  private readonly timeoutMs: number;
  private readonly defaults: GenerationOptions;
  private readonly headers: Record<string, string> | undefined;
  private readonly client: OllamaChatClient;
  private digest: string | undefined;

  /** @param options Model, host, timeout, default generation options. */
  constructor(options: OllamaBackendOptions) {
    if (!options.model)
      throw new ModelError('bad-request', 'OllamaBackend needs a model name, e.g. "llama3.2:1b"');
    this.model = options.model;
    this.host = normalizeOllamaHost(options.host);
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.defaults = options.defaults ?? {};
    this.headers = options.headers;
    this.client = options.client ?? 'langchain';
  }

  /** @returns id "ollama:<model>", the host, and the digest once `ready()` has run. */
  info(): ModelInfo {
    return {
      id: `ollama:${this.model}`,
      backend: 'ollama',
      model: this.model,
      ...(this.digest !== undefined ? { digest: this.digest } : {}),
      isLanguageModel: true,
      hosts: [this.host],
    };
  }

  /**
   * Asks the model once.
   * @param request Messages, options, optional schema and signal.
   * @returns The answer text, parsed structure when asked for, usage and latency.
   * @throws ModelError of kind connection, timeout, busy, server, not-found, bad-request, bad-response or aborted.
   */
  async generate(request: ModelRequest): Promise<ModelResponse> {
    const ctx = {
      host: this.host,
      model: this.model,
      backend: 'ollama' as const,
      signal: request.signal,
      timeoutMs: this.timeoutMs,
    };
    if (request.signal?.aborted) throw modelErrorFromFailure(request.signal.reason, ctx);
    const o: GenerationOptions = { ...this.defaults, ...definedOnly(request.options ?? {}) };
    const started = performance.now();
    const deadline = withDeadline(this.timeoutMs, request.signal);
    try {
      const { text, promptTokens, completionTokens, done } =
        this.client === 'native'
          ? await this.chatNative(request, o, deadline)
          : await this.chatLangChain(request, o, deadline);
      // Never return a partial answer.
      if (deadline.signal.aborted) throw deadline.signal.reason;
      if (!done)
        throw new ModelError(
          'bad-response',
          `answer from ${this.host} ended without "done" — the stream was cut`,
          { host: this.host },
        );
      const structured = request.schema !== undefined ? parseStructuredText(text) : undefined;
      return {
        text,
        ...(structured !== undefined ? { structured } : {}),
        usage: { promptTokens, completionTokens },
        latencyMs: performance.now() - started,
        cached: false,
        model: `ollama:${this.model}`,
        host: this.host,
      };
    } catch (error) {
      throw modelErrorFromFailure(error, { ...ctx, timedOut: deadline.timedOut() });
    } finally {
      deadline.dispose();
    }
  }

  /** The chat through LangChain's ChatOllama (one instance per call: it takes options only at construction). */
  private async chatLangChain(
    request: ModelRequest,
    o: GenerationOptions,
    deadline: Deadline,
  ): Promise<ChatResult> {
    const chat = new ChatOllama({
      model: this.model,
      baseUrl: this.host,
      maxRetries: 0,
      fetch: deadline.fetch,
      ...(this.headers ? { headers: this.headers } : {}),
      ...(o.seed !== undefined ? { seed: o.seed } : {}),
      ...(o.temperature !== undefined ? { temperature: o.temperature } : {}),
      ...(o.maxTokens !== undefined ? { numPredict: o.maxTokens } : {}),
      ...(o.topP !== undefined ? { topP: o.topP } : {}),
      ...(o.keepAlive !== undefined ? { keepAlive: o.keepAlive } : {}),
      ...(request.schema !== undefined ? { format: request.schema } : {}),
    });
    const message = await chat.invoke(request.messages.map(toLangChain), { signal: deadline.signal });
    const text =
      typeof message.content === 'string'
        ? message.content
        : message.content.map((p) => ('text' in p && typeof p.text === 'string' ? p.text : '')).join('');
    return {
      text,
      promptTokens: message.usage_metadata?.input_tokens ?? 0,
      completionTokens: message.usage_metadata?.output_tokens ?? 0,
      done: (message.response_metadata as Record<string, unknown>).done === true,
    };
  }

  /** The chat through the `ollama` client (a client per call: its fetch carries this call's deadline). */
  private async chatNative(
    request: ModelRequest,
    o: GenerationOptions,
    deadline: Deadline,
  ): Promise<ChatResult> {
    const client = new Ollama({
      host: this.host,
      fetch: deadline.fetch,
      ...(this.headers ? { headers: this.headers } : {}),
    });
    const stream = await client.chat({
      model: this.model,
      messages: request.messages.map(toOllamaMessage),
      stream: true,
      ...(o.keepAlive !== undefined ? { keep_alive: o.keepAlive } : {}),
      ...(request.schema !== undefined ? { format: request.schema } : {}),
      options: {
        ...(o.seed !== undefined ? { seed: o.seed } : {}),
        ...(o.temperature !== undefined ? { temperature: o.temperature } : {}),
        ...(o.maxTokens !== undefined ? { num_predict: o.maxTokens } : {}),
        ...(o.topP !== undefined ? { top_p: o.topP } : {}),
      },
    });
    let text = '';
    let promptTokens = 0;
    let completionTokens = 0;
    let done = false;
    for await (const chunk of stream) {
      if (deadline.signal.aborted) break;
      text += chunk.message?.content ?? '';
      promptTokens += chunk.prompt_eval_count ?? 0;
      completionTokens += chunk.eval_count ?? 0;
      done = chunk.done === true;
    }
    return { text, promptTokens, completionTokens, done };
  }

  /**
   * Checks the server answers /api/version and lists the model in /api/tags; records its digest.
   * @throws ModelError "connection" naming the host, or "not-found" with `ollama pull` / `ollama create`.
   */
  async ready(): Promise<void> {
    const ctx = { host: this.host, model: this.model, backend: 'ollama' as const, timeoutMs: this.timeoutMs };
    const deadline = withDeadline(this.timeoutMs, undefined);
    try {
      const client = new Ollama({
        host: this.host,
        fetch: deadline.fetch,
        ...(this.headers ? { headers: this.headers } : {}),
      });
      await client.version();
      const { models } = await client.list();
      const wanted = this.model.includes(':') ? [this.model] : [this.model, `${this.model}:latest`];
      const found = models.find((m) => wanted.includes(m.name) || wanted.includes(m.model));
      if (!found) {
        const have = models.map((m) => m.name).join(', ') || 'none';
        throw new ModelError(
          'not-found',
          `model "${this.model}" not found on ${this.host} (has: ${have}) — run: ollama pull ${this.model} (or ollama create ${this.model} -f Modelfile)`,
          { host: this.host, status: 404 },
        );
      }
      this.digest = found.digest;
    } catch (error) {
      throw modelErrorFromFailure(error, { ...ctx, timedOut: deadline.timedOut() });
    } finally {
      deadline.dispose();
    }
  }
}

function toLangChain(message: ChatMessage): BaseMessage {
  if (message.role === 'system') return new SystemMessage(message.content);
  if (message.role === 'assistant') return new AIMessage(message.content);
  return new HumanMessage(message.content);
}

function toOllamaMessage(message: ChatMessage): { role: ChatMessage['role']; content: string } {
  return { role: message.role, content: message.content };
}

function definedOnly(options: GenerationOptions): GenerationOptions {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as GenerationOptions;
}
