import type { ModelBackend, ModelInfo, ModelRequest, ModelResponse } from '../ModelBackend.js';
import { ModelError } from '../ModelError.js';
import type { Sleep } from '../wrappers/Clock.js';
import { abortedError, systemClock } from '../wrappers/Clock.js';

/** What a `FakeModel` does on one call: answer with text, answer with fields, or throw. */
export type FakeAnswer = string | (Partial<ModelResponse> & { text: string }) | ModelError;

/** Options of {@link FakeModel}. */
export interface FakeModelOptions {
  /**
   * The script. A list is used in order and cycled (like LangChain's `FakeListChatModel`);
   * a function is called with the request and the 0-based call index and may be async (a
   * test can return a promise it resolves later to hold a call in flight). A `ModelError`
   * entry is thrown. Default: always "42".
   */
  answers?:
    | readonly FakeAnswer[]
    | ((request: ModelRequest, call: number) => FakeAnswer | Promise<FakeAnswer>);
  /** Wait before answering (ms, or a function of the request and call index); honours `signal`. */
  delayMs?: number | ((request: ModelRequest, call: number) => number);
  /** How to wait (default real time); pass `ManualClock.sleep` for deterministic tests. */
  sleep?: Sleep;
  /** Model name reported by `info()` (default "fake"). */
  model?: string;
  /** Backend name reported by `info()` (default "fake"). */
  backend?: string;
  /** Digest reported by `info()`. */
  digest?: string;
  /** Host name, reported in `info().hosts` and on every response. */
  host?: string;
  /** Thrown by `ready()`; default: ready. */
  readyError?: ModelError;
}

/**
 * A scripted model for tests, shipped with the library (Concordia's `testing/mock_model.py`).
 *
 * 1. Answers from a list (cycled) or a function of the request; `ModelError`s in the script are thrown.
 * 2. Records every request in `requests` (in call order) so tests can assert the exact prompt sent.
 * 3. `failNext(error, times)` makes the next calls throw before the script is consulted.
 * 4. With `delayMs` the call waits through `sleep`, and an abort of `request.signal` during the
 *    wait (or before the call) raises `ModelError('aborted')`.
 * 5. When the request has a schema and the text is valid JSON, `structured` is the parsed value.
 *
 * @example
 * const model = new FakeModel({ answers: ['1200', new ModelError('busy', 'overloaded')] });
 */
export class FakeModel implements ModelBackend {
  /** Every request received, in call order (including ones that then failed). */
  readonly requests: ModelRequest[] = [];
  readonly #options: FakeModelOptions;
  readonly #queuedErrors: ModelError[] = [];
  #closed = false;

  /** @param options the script; see {@link FakeModelOptions} */
  constructor(options: FakeModelOptions = {}) {
    this.#options = options;
  }

  /** Number of calls received. */
  get calls(): number {
    return this.requests.length;
  }

  /** True once `close()` was called. */
  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Makes the next `times` calls throw `error` (before the script is consulted).
   * @param error what to throw
   * @param times how many calls (default 1)
   * @returns this, for chaining
   */
  failNext(error: ModelError, times = 1): this {
    for (let i = 0; i < times; i++) this.#queuedErrors.push(error);
    return this;
  }

  /** @returns the fake's identity: id "<backend>:<model>" (or "fake"), isLanguageModel true */
  info(): ModelInfo {
    const backend = this.#options.backend ?? 'fake';
    const model = this.#options.model ?? 'fake';
    return {
      id: backend === model ? backend : `${backend}:${model}`,
      backend,
      model,
      isLanguageModel: true,
      ...(this.#options.digest === undefined ? {} : { digest: this.#options.digest }),
      ...(this.#options.host === undefined ? {} : { hosts: [this.#options.host] }),
    };
  }

  /**
   * Answers one request from the script.
   * @param request the request (recorded)
   * @returns the scripted response
   */
  async generate(request: ModelRequest): Promise<ModelResponse> {
    const call = this.requests.length;
    this.requests.push(request);
    const { signal } = request;
    if (signal?.aborted) throw abortedError(signal);
    const delay =
      typeof this.#options.delayMs === 'function'
        ? this.#options.delayMs(request, call)
        : (this.#options.delayMs ?? 0);
    if (delay > 0) await (this.#options.sleep ?? systemClock.sleep)(delay, signal);
    const queued = this.#queuedErrors.shift();
    if (queued !== undefined) throw queued;
    const answer = await this.#answer(request, call);
    if (signal?.aborted) throw abortedError(signal);
    if (answer instanceof ModelError) throw answer;
    const fields = typeof answer === 'string' ? { text: answer } : answer;
    const response: ModelResponse = {
      usage: { promptTokens: 0, completionTokens: 0 },
      latencyMs: delay,
      cached: false,
      model: this.info().id,
      ...(this.#options.host === undefined ? {} : { host: this.#options.host }),
      ...fields,
    };
    if (request.schema !== undefined && response.structured === undefined) {
      try {
        response.structured = JSON.parse(response.text) as unknown;
      } catch {
        // not JSON: the caller falls back to text parsing
      }
    }
    return response;
  }

  /** Throws `readyError` when one was given. */
  async ready(): Promise<void> {
    if (this.#options.readyError !== undefined) throw this.#options.readyError;
  }

  /** Marks the fake closed. */
  async close(): Promise<void> {
    this.#closed = true;
  }

  #answer(request: ModelRequest, call: number): FakeAnswer | Promise<FakeAnswer> {
    const { answers } = this.#options;
    if (answers === undefined) return '42';
    if (typeof answers === 'function') return answers(request, call);
    if (answers.length === 0) throw new RangeError('FakeModel: the answers list is empty');
    return answers[call % answers.length] as FakeAnswer;
  }
}
