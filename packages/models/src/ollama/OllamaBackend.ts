import type { BaseMessage } from '@langchain/core/messages';
import type { Ollama } from 'ollama';
import { type ChatReply, HttpChatBackend, type ReadyFacts } from '../http/HttpChatBackend.js';
import { normalizeOllamaHost } from '../http/normalizeOllamaHost.js';
import type { Deadline } from '../http/withDeadline.js';
import type { ChatMessage, GenerationOptions, ModelRequest } from '../ModelBackend.js';
import { ModelError } from '../ModelError.js';
import { type LangChainOllama, loadChatOllama } from './loadChatOllama.js';
import { loadOllamaClient } from './loadOllamaClient.js';
import { OLLAMA_FIXES } from './ollamaFixes.js';

/** Options of `OllamaBackend`. */
export interface OllamaBackendOptions {
  /** Model name as Ollama lists it, e.g. "llama3.2:1b" or "emollama". */
  model: string;
  /** "host:port" or a URL; default `process.env.OLLAMA_HOST`, then http://127.0.0.1:11434. */
  host?: string;
  /** Per-request timeout in milliseconds for a complete answer; default 120000 (Infinity: none). */
  timeoutMs?: number;
  /** Options used when a request does not set them (a request's own options win). */
  defaults?: GenerationOptions;
  /** Extra HTTP headers (e.g. for an authenticating proxy in front of Ollama). */
  headers?: Record<string, string>;
  /**
   * Which client sends the chat: `native` (default) - the `ollama` client, one non-streaming
   * request per answer; `langchain` - LangChain's `ChatOllama` (streaming, for LangChain's
   * callbacks and tracing), the same fields with more client CPU per call (docs/benchmarks.md).
   */
  client?: OllamaChatClient;
}

/** The two ways the adapter can send a chat request. */
export type OllamaChatClient = 'langchain' | 'native';

/**
 * The Ollama adapter of the model port: chat through the official `ollama` client (or, with
 * `client: 'langchain'`, LangChain's `ChatOllama`), readiness and model metadata through the
 * `ollama` client; identity, deadline, timing and error mapping from `HttpChatBackend`.
 *
 * Intuition: a crowd run makes thousands of calls that must be reproducible and diagnosable,
 * so every generation option reaches the server and every failure becomes a `ModelError`
 * that says which host failed and what to do about it. A crowd needs whole answers, so the
 * native client asks for one (`stream: false`); ChatOllama always streams and reads seed,
 * temperature, num_predict, top_p and keep_alive only from its constructor, so each call gets
 * its own instance carrying that persona's seed.
 * Behaviour:
 * 1. `generate` sends model, messages, `keep_alive`, `format` and `options` (seed, temperature,
 *    num_predict, top_p) - the same fields with either client; `stream: false` with `native`.
 * 2. With `request.schema` the schema is sent as Ollama `format`; the answer text is parsed into
 *    `structured` when it holds a JSON object, else `text` alone is returned (free-text fallback).
 * 3. Each call's fetch carries the caller's signal and the per-request timeout, so a hung server
 *    is abandoned; an answer without `done: true` (a cut stream) is a "bad-response" failure.
 * 4. Usage comes from Ollama's `prompt_eval_count` / `eval_count`; latency is wall-clock.
 * 5. `ready()` checks /api/version and that /api/tags lists the model, and records its digest.
 *
 * @example
 * const backend = new OllamaBackend({ model: 'llama3.2:1b', host: 'gpu-box:11434' });
 * await backend.ready();
 * const answer = await backend.generate({ messages: [{ role: 'user', content: 'Hi' }], options: { seed: 1 } });
 */
export class OllamaBackend extends HttpChatBackend {
  protected readonly backendName = 'ollama';
  protected readonly fixes = OLLAMA_FIXES;
  protected readonly capabilities = {
    seed: true,
    temperature: true,
    maxTokens: true,
    topP: true,
    keepAlive: true,
    schema: true,
  };
  private readonly headers: Record<string, string> | undefined;
  private readonly client: OllamaChatClient;

  /** @param options Model, host, timeout, default generation options, chat client. */
  constructor(options: OllamaBackendOptions) {
    if (!options.model)
      throw new ModelError('bad-request', 'OllamaBackend needs a model name, e.g. "llama3.2:1b"');
    super({ ...options, host: normalizeOllamaHost(options.host) });
    this.headers = options.headers;
    this.client = options.client ?? 'native';
  }

  protected chat(request: ModelRequest, o: GenerationOptions, deadline: Deadline): Promise<ChatReply> {
    return this.client === 'native'
      ? this.chatNative(request, o, deadline)
      : this.chatLangChain(request, o, deadline);
  }

  /** The chat through the `ollama` client, one whole answer (a client per call: its fetch carries this call's deadline). */
  private async chatNative(
    request: ModelRequest,
    o: GenerationOptions,
    deadline: Deadline,
  ): Promise<ChatReply> {
    const answer = await (await this.ollama(deadline)).chat({
      model: this.model,
      messages: request.messages.map(toOllamaMessage),
      stream: false,
      ...(o.keepAlive !== undefined ? { keep_alive: o.keepAlive } : {}),
      ...(request.schema !== undefined ? { format: request.schema } : {}),
      options: {
        ...(o.seed !== undefined ? { seed: o.seed } : {}),
        ...(o.temperature !== undefined ? { temperature: o.temperature } : {}),
        ...(o.maxTokens !== undefined ? { num_predict: o.maxTokens } : {}),
        ...(o.topP !== undefined ? { top_p: o.topP } : {}),
      },
    });
    this.expectDone(answer.done === true);
    return {
      text: answer.message?.content ?? '',
      usage: { promptTokens: answer.prompt_eval_count ?? 0, completionTokens: answer.eval_count ?? 0 },
    };
  }

  /** The chat through LangChain's ChatOllama (one instance per call: it takes options only at construction). */
  private async chatLangChain(
    request: ModelRequest,
    o: GenerationOptions,
    deadline: Deadline,
  ): Promise<ChatReply> {
    const langChain = await loadChatOllama();
    const chat = new langChain.ChatOllama({
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
    const message = await chat.invoke(
      request.messages.map((m) => toLangChain(m, langChain)),
      { signal: deadline.signal },
    );
    if (deadline.signal.aborted) throw deadline.signal.reason;
    this.expectDone((message.response_metadata as Record<string, unknown>).done === true);
    const text =
      typeof message.content === 'string'
        ? message.content
        : message.content.map((p) => ('text' in p && typeof p.text === 'string' ? p.text : '')).join('');
    return {
      text,
      usage: {
        promptTokens: message.usage_metadata?.input_tokens ?? 0,
        completionTokens: message.usage_metadata?.output_tokens ?? 0,
      },
    };
  }

  /** /api/version answers and /api/tags lists the model; returns its digest. */
  protected async check(deadline: Deadline): Promise<ReadyFacts> {
    const client = await this.ollama(deadline);
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
    return { digest: found.digest };
  }

  /** An `ollama` client whose fetch carries this call's deadline (the package is imported on first use). */
  private async ollama(deadline: Deadline): Promise<Ollama> {
    const { Ollama } = await loadOllamaClient();
    return new Ollama({
      host: this.host,
      fetch: deadline.fetch,
      ...(this.headers ? { headers: this.headers } : {}),
    });
  }

  /** Never return a partial answer: an answer Ollama did not mark done was cut. */
  private expectDone(done: boolean): void {
    if (!done)
      throw new ModelError(
        'bad-response',
        `answer from ${this.host} ended without "done" — the stream was cut`,
        {
          host: this.host,
        },
      );
  }
}

function toLangChain(
  message: ChatMessage,
  { AIMessage, HumanMessage, SystemMessage }: LangChainOllama,
): BaseMessage {
  if (message.role === 'system') return new SystemMessage(message.content);
  if (message.role === 'assistant') return new AIMessage(message.content);
  return new HumanMessage(message.content);
}

function toOllamaMessage(message: ChatMessage): { role: ChatMessage['role']; content: string } {
  return { role: message.role, content: message.content };
}
