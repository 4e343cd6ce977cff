import type {
  GenerationOptions,
  ModelBackend,
  ModelCapabilities,
  ModelInfo,
  ModelRequest,
  ModelResponse,
  TokenUsage,
} from '../ModelBackend.js';
import { mergeOptions } from './mergeOptions.js';
import { type FailureFixes, modelErrorFromFailure } from './modelErrorFromFailure.js';
import { parseStructuredText } from './parseStructuredText.js';
import { type Deadline, withDeadline } from './withDeadline.js';

/** What one chat call over HTTP produced, before the skeleton adds timing and structure. */
export interface ChatReply {
  text: string;
  usage: TokenUsage;
}

/** What a readiness check learnt about the model. */
export interface ReadyFacts {
  /** Content digest of the model, when the server reports one (part of the cache key). */
  digest?: string;
}

/** Options every HTTP chat backend takes. */
export interface HttpChatBackendOptions {
  /** Model name as the server knows it. */
  model: string;
  /** Base URL of the server (already normalised by the subclass). */
  host: string;
  /**
   * Per-request timeout in milliseconds for a complete answer (Infinity: none). The backend
   * stack also bounds every call with `withTimeout`, so this matters for direct use.
   */
  timeoutMs?: number;
  /** Options used when a request does not set them (a request's own options win). */
  defaults?: GenerationOptions;
}

/**
 * The skeleton the HTTP chat backends share (Ollama, OpenAI-compatible): identity, option
 * merging, the per-call deadline, timing, structured-answer parsing and error mapping. A
 * subclass says only how to send one chat (`chat`) and how to check the server (`check`).
 *
 * Behaviour of `generate`:
 * 1. A request whose signal already aborted fails at once with `ModelError('aborted')`.
 * 2. Options are the defaults overlaid with the request's own defined options.
 * 3. `chat` gets a deadline whose signal aborts on the caller's signal or the timeout, and whose
 *    `fetch` carries that signal to the socket; a reply arriving after the deadline fired is
 *    never returned (no partial answers).
 * 4. With `request.schema` the text is parsed into `structured` when it holds a JSON object.
 * 5. Anything thrown becomes a `ModelError` naming the host, with the backend's fixes.
 * `ready` runs `check` under the same deadline and records the digest it reports.
 */
export abstract class HttpChatBackend implements ModelBackend {
  readonly host: string;
  protected readonly model: string;
  protected readonly timeoutMs: number;
  protected readonly defaults: GenerationOptions;
  private digest: string | undefined;

  /** The spec prefix and `info().backend`, e.g. "ollama". */
  protected abstract readonly backendName: string;
  /** The fixes its error messages suggest. */
  protected abstract readonly fixes: FailureFixes;
  /** Which request fields reach the model (reported by `info()`). */
  protected abstract readonly capabilities: ModelCapabilities;

  /** @param options model, normalised host, timeout and default options */
  constructor(options: HttpChatBackendOptions) {
    this.model = options.model;
    this.host = options.host;
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.defaults = options.defaults ?? {};
  }

  /** @returns id "<backend>:<model>", the host, its capabilities, and the digest once `ready()` found one */
  info(): ModelInfo {
    return {
      id: `${this.backendName}:${this.model}`,
      backend: this.backendName,
      model: this.model,
      ...(this.digest !== undefined ? { digest: this.digest } : {}),
      isLanguageModel: true,
      hosts: [this.host],
      capabilities: this.capabilities,
    };
  }

  /**
   * Asks the model once.
   * @param request Messages, options, optional schema and signal.
   * @returns The answer text, parsed structure when asked for, usage and latency.
   * @throws ModelError of kind connection, timeout, busy, server, not-found, bad-request, bad-response or aborted.
   */
  async generate(request: ModelRequest): Promise<ModelResponse> {
    const ctx = this.failureContext(request.signal);
    if (request.signal?.aborted) throw modelErrorFromFailure(request.signal.reason, ctx);
    const options = mergeOptions(this.defaults, request.options);
    const started = performance.now();
    const deadline = withDeadline(this.timeoutMs, request.signal);
    try {
      const reply = await this.chat(request, options, deadline);
      if (deadline.signal.aborted) throw deadline.signal.reason;
      const structured = request.schema !== undefined ? parseStructuredText(reply.text) : undefined;
      return {
        text: reply.text,
        ...(structured !== undefined ? { structured } : {}),
        usage: reply.usage,
        latencyMs: performance.now() - started,
        cached: false,
        model: `${this.backendName}:${this.model}`,
        host: this.host,
      };
    } catch (error) {
      throw modelErrorFromFailure(error, { ...ctx, timedOut: deadline.timedOut() });
    } finally {
      deadline.dispose();
    }
  }

  /**
   * Checks the server can serve the model (see the subclass' `check`); records its digest.
   * @throws ModelError "connection" naming the host, or "not-found" with the fix.
   */
  async ready(): Promise<void> {
    const ctx = this.failureContext(undefined);
    const deadline = withDeadline(this.timeoutMs, undefined);
    try {
      const facts = await this.check(deadline);
      if (facts?.digest !== undefined) this.digest = facts.digest;
    } catch (error) {
      throw modelErrorFromFailure(error, { ...ctx, timedOut: deadline.timedOut() });
    } finally {
      deadline.dispose();
    }
  }

  /**
   * Sends one chat and reads the whole answer.
   * @param request the request (messages, schema)
   * @param options the merged generation options
   * @param deadline signal and fetch bound to this call
   */
  protected abstract chat(
    request: ModelRequest,
    options: GenerationOptions,
    deadline: Deadline,
  ): Promise<ChatReply>;

  /**
   * Checks the server answers and has the model; throws what a failed call throws.
   * @param deadline signal and fetch bound to this check
   */
  protected abstract check(deadline: Deadline): Promise<ReadyFacts | undefined>;

  private failureContext(signal: AbortSignal | undefined) {
    return { host: this.host, model: this.model, fixes: this.fixes, signal, timeoutMs: this.timeoutMs };
  }
}
