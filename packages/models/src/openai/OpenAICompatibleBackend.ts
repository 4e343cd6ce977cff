import { errorMessageOf } from '../http/errorMessageOf.js';
import { type ChatReply, HttpChatBackend, type ReadyFacts } from '../http/HttpChatBackend.js';
import { mergeOptions } from '../http/mergeOptions.js';
import { modelErrorFromFailure, modelErrorFromStatus } from '../http/modelErrorFromFailure.js';
import { normalizeBaseUrl } from '../http/normalizeBaseUrl.js';
import { type Deadline, withDeadline } from '../http/withDeadline.js';
import type { GenerationOptions, ModelRequest } from '../ModelBackend.js';
import { ModelError } from '../ModelError.js';
import { buildChatCompletionBody, type ChatCompletionBody } from './buildChatCompletionBody.js';
import { OPENAI_FIXES } from './openAiFixes.js';
import { readChatCompletion } from './readChatCompletion.js';

/** Options of `OpenAICompatibleBackend`. */
export interface OpenAICompatibleBackendOptions {
  /** Model name as the server serves it, e.g. "meta-llama/Llama-3.1-8B-Instruct". */
  model: string;
  /** Server base URL with or without "/v1", e.g. "http://127.0.0.1:8000"; default OPENAI_BASE_URL, then http://127.0.0.1:8000. */
  baseUrl?: string;
  /** Bearer token; default OPENAI_API_KEY; none is sent when neither is set. */
  apiKey?: string;
  /** Per-request timeout in milliseconds; default 120000 (Infinity: none). */
  timeoutMs?: number;
  /** Options used when a request does not set them. */
  defaults?: GenerationOptions;
  /** Name given to the schema in `response_format.json_schema.name`; default "answer". */
  schemaName?: string;
}

/**
 * The model port over any OpenAI-compatible chat server: vLLM, llama.cpp server, LM Studio,
 * Ollama's /v1, OpenAI itself.
 *
 * Intuition: these servers share one endpoint, POST /v1/chat/completions, so one adapter with
 * plain fetch serves them all; the HTTP skeleton (`HttpChatBackend`) does the rest. Behaviour:
 * 1. Posts `buildChatCompletionBody` (non-streaming; `seed`, `temperature`, `max_tokens`,
 *    `top_p`; a schema as `response_format` json_schema) - the body a batch file carries too.
 * 2. `structured` is parsed from the content when it holds a JSON object, else text alone.
 * 3. Usage from `usage.prompt_tokens` / `usage.completion_tokens` (0 when the server omits it).
 * 4. Failures become `ModelError`s naming the host, with OpenAI-compatible fixes.
 * 5. `ready()` checks GET /v1/models lists the model.
 *
 * @example
 * const vllm = new OpenAICompatibleBackend({ model: 'Qwen/Qwen2.5-7B-Instruct', baseUrl: 'http://gpu:8000' });
 */
export class OpenAICompatibleBackend extends HttpChatBackend {
  protected readonly backendName = 'openai';
  protected readonly fixes = OPENAI_FIXES;
  /** Everything but `keepAlive`, which is not part of the OpenAI API. */
  protected readonly capabilities = {
    seed: true,
    temperature: true,
    maxTokens: true,
    topP: true,
    keepAlive: false,
    schema: true,
  };
  /** The server's base URL, without "/v1". */
  readonly baseUrl: string;
  private readonly apiKey: string | undefined;
  private readonly schemaName: string;

  /** @param options Model, base URL, API key, timeout, defaults. */
  constructor(options: OpenAICompatibleBackendOptions) {
    if (!options.model) throw new ModelError('bad-request', 'OpenAICompatibleBackend needs a model name');
    const host = normalizeBaseUrl(options.baseUrl ?? process.env.OPENAI_BASE_URL ?? 'http://127.0.0.1:8000', {
      stripV1: true,
    });
    super({ ...options, host });
    this.baseUrl = host;
    this.apiKey = options.apiKey ?? (process.env.OPENAI_API_KEY || undefined);
    this.schemaName = options.schemaName ?? 'answer';
  }

  /**
   * The exact body this backend posts to /v1/chat/completions for a request: the one an online
   * call sends, and the one a batch request line carries (`buildChatCompletionBody`).
   *
   * @param request the request (messages, schema)
   * @param options the call's options (default: the backend's defaults overlaid with the request's)
   * @returns the body
   */
  requestBody(
    request: Pick<ModelRequest, 'messages' | 'schema' | 'options'>,
    options: GenerationOptions = mergeOptions(this.defaults, request.options),
  ): ChatCompletionBody {
    return buildChatCompletionBody({
      model: this.model,
      messages: request.messages,
      options,
      ...(request.schema !== undefined ? { schema: request.schema } : {}),
      schemaName: this.schemaName,
    });
  }

  protected async chat(
    request: ModelRequest,
    options: GenerationOptions,
    deadline: Deadline,
  ): Promise<ChatReply> {
    const completion = await this.postJson(
      deadline,
      '/v1/chat/completions',
      this.requestBody(request, options),
    );
    return readChatCompletion(completion, this.host);
  }

  /**
   * The models the server serves (GET /v1/models), bounded by the timeout.
   * @returns their ids, in the server's order
   * @throws ModelError naming the host when the server cannot be asked
   */
  async listModels(): Promise<string[]> {
    const deadline = withDeadline(this.timeoutMs, undefined);
    try {
      return await this.modelIds(deadline);
    } catch (error) {
      throw modelErrorFromFailure(error, {
        host: this.host,
        model: this.model,
        fixes: this.fixes,
        timedOut: deadline.timedOut(),
        timeoutMs: this.timeoutMs,
      });
    } finally {
      deadline.dispose();
    }
  }

  /** GET /v1/models answers and lists the model; "not-found" names the models the server does serve. */
  protected async check(deadline: Deadline): Promise<ReadyFacts | undefined> {
    const ids = await this.modelIds(deadline);
    if (!ids.includes(this.model)) {
      throw new ModelError(
        'not-found',
        `model "${this.model}" not served by ${this.host} (serves: ${ids.join(', ') || 'none'}) — start the server with that model or pick one it serves`,
        { host: this.host, status: 404 },
      );
    }
    return undefined;
  }

  private async modelIds(deadline: Deadline): Promise<string[]> {
    const list = (await this.getJson(deadline, '/v1/models')) as { data?: { id?: unknown }[] };
    return Array.isArray(list.data) ? list.data.map((d) => String(d.id)) : [];
  }

  private async postJson(deadline: Deadline, path: string, body: unknown): Promise<unknown> {
    const res = await deadline.fetch(`${this.host}${path}`, {
      method: 'POST',
      headers: this.headers(),
      body: JSON.stringify(body),
    });
    return this.readJson(res, `POST ${path}`);
  }

  private async getJson(deadline: Deadline, path: string): Promise<unknown> {
    const res = await deadline.fetch(`${this.host}${path}`, { headers: this.headers() });
    return this.readJson(res, `GET ${path}`);
  }

  private async readJson(res: Response, what: string): Promise<unknown> {
    const text = await res.text();
    if (!res.ok)
      throw modelErrorFromStatus(res.status, errorMessageOf(text), {
        host: this.host,
        model: this.model,
        fixes: this.fixes,
      });
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ModelError(
        'bad-response',
        `malformed or truncated answer to ${what} from ${this.host} (${(error as Error).message})`,
        { host: this.host, cause: error },
      );
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
