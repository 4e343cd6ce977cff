import { modelErrorFromFailure } from '../http/modelErrorFromFailure.js';
import { parseStructuredText } from '../http/parseStructuredText.js';
import type {
  ChatMessage,
  JsonSchema,
  ModelBackend,
  ModelInfo,
  ModelRequest,
  ModelResponse,
  TokenUsage,
} from '../ModelBackend.js';
import { ModelError } from '../ModelError.js';
import { abortedError } from '../wrappers/Clock.js';
import { LANGCHAIN_FIXES } from './langChainFixes.js';
import { loadInitChatModel, missingPackage } from './loadInitChatModel.js';
import { type ChatModelFields, probeChatModel, probeFields } from './probeChatModel.js';

/** Builds a LangChain chat model from constructor fields (the model and provider already chosen). */
export type ChatModelBuilder = (fields: Record<string, unknown>) => Promise<object> | object;

/** Options of {@link LangChainBackend}. */
export interface LangChainBackendOptions {
  /** LangChain's provider name (initChatModel's `modelProvider`): "openai", "anthropic", "ollama", ... */
  provider: string;
  /** The model as the provider names it, e.g. "gpt-4o-mini" or "llama3.1:8b". */
  model: string;
  /** A server for the provider (openai: an OpenAI-compatible base URL without /v1; ollama: Ollama's URL). */
  host?: string;
  /** The provider's API key (default: the provider package reads its own variable, e.g. OPENAI_API_KEY). */
  apiKey?: string;
  /** Environment read for defaults (OPENAI_API_KEY); default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Builds the chat model; default `initChatModel(model, { modelProvider: provider, ...fields })`
   * from the `langchain` package. Tests pass LangChain's fake chat models.
   */
  chatModel?: ChatModelBuilder;
}

/** Where `--host` goes for the providers that take one. */
const HOST_FIELDS: Readonly<Record<string, (host: string) => Record<string, unknown>>> = {
  openai: (host) => ({ configuration: { baseURL: `${host}/v1` } }),
  ollama: (host) => ({ baseUrl: host }),
};

/** The providers `--host` applies to. */
export const LANGCHAIN_HOST_PROVIDERS: readonly string[] = Object.keys(HOST_FIELDS);

/** What `withStructuredOutput` is tried with when the model is probed. */
const PROBE_SCHEMA: JsonSchema = { type: 'object', properties: { estimate: { type: 'number' } } };

/**
 * Any chat model LangChain reaches, through the `langchain` package's `initChatModel`: OpenAI,
 * Anthropic, Google, Groq, Mistral, Bedrock, Ollama, ... (whichever provider packages are
 * installed).
 *
 * Intuition: providers take the same options under different names, or not at all, so the
 * backend first builds the model once with probe values and reads which options it holds
 * (`probeChatModel`); every call then passes each option where this provider takes it, and the
 * capabilities say honestly which ones reach the model (a study comparing models must know which
 * were seeded). Behaviour:
 * 1. `ready()` loads `langchain` and the provider package (a missing one is a one-line error
 *    naming the package to install) and builds the model with its credentials; no request is sent.
 * 2. `generate` builds the model with this call's options (a seed the provider takes as a call
 *    option, such as OpenAI's, is passed to `invoke` instead), asks for the answer schema with
 *    `withStructuredOutput` (JSON schema method, else function calling) where the model can, and
 *    invokes it with the caller's signal; LangChain's own retries are off (the stack retries).
 * 3. The answer text is the model's content (or the parsed object as JSON), `structured` the
 *    parsed answer; usage from the message's `usage_metadata` (0 when the provider reports none).
 * 4. Failures become `ModelError`s: HTTP statuses and network errors as for the HTTP backends.
 *
 * @example
 * const claude = new LangChainBackend({ provider: 'anthropic', model: 'claude-3-5-haiku-latest' });
 * await claude.ready(); // needs: npm install langchain @langchain/anthropic, ANTHROPIC_API_KEY
 */
export class LangChainBackend implements ModelBackend {
  readonly host: string | undefined;
  private readonly provider: string;
  private readonly model: string;
  private readonly baseFields: Record<string, unknown>;
  private readonly builder: ChatModelBuilder | undefined;
  private prepared: Promise<{ build: ChatModelBuilder; how: ChatModelFields }> | undefined;
  private capabilities: ChatModelFields['capabilities'] | undefined;

  /**
   * @param options provider, model, host, API key, chat model builder
   * @throws ModelError('bad-request') for a host with a provider that takes none
   */
  constructor(options: LangChainBackendOptions) {
    this.provider = options.provider;
    this.model = options.model;
    this.host = options.host;
    this.builder = options.chatModel;
    const hostFields = options.host === undefined ? undefined : HOST_FIELDS[options.provider];
    if (options.host !== undefined && hostFields === undefined) {
      throw new ModelError(
        'bad-request',
        `--host does not apply to --model langchain:${options.provider}:… (it does for ${LANGCHAIN_HOST_PROVIDERS.join(', ')}); drop --host`,
      );
    }
    const env = options.env ?? process.env;
    // A server of one's own (vLLM, llama.cpp, Ollama's /v1) needs no key, but ChatOpenAI wants one.
    const apiKey =
      options.apiKey ??
      (options.provider === 'openai' && options.host !== undefined && !env.OPENAI_API_KEY
        ? 'none'
        : undefined);
    this.baseFields = {
      maxRetries: 0,
      ...(apiKey !== undefined ? { apiKey } : {}),
      ...(hostFields && options.host !== undefined ? hostFields(options.host) : {}),
    };
  }

  /** @returns id "langchain:PROVIDER:MODEL", and the capabilities once `ready()` has run */
  info(): ModelInfo {
    return {
      id: `langchain:${this.provider}:${this.model}`,
      backend: 'langchain',
      model: `${this.provider}:${this.model}`,
      isLanguageModel: true,
      ...(this.host !== undefined ? { hosts: [this.host] } : {}),
      ...(this.capabilities !== undefined ? { capabilities: this.capabilities } : {}),
    };
  }

  /**
   * Loads the provider and builds the model (no request is sent); learns what it takes.
   * @throws ModelError('bad-request') naming a missing package, or the provider's complaint (a missing API key)
   */
  async ready(): Promise<void> {
    await this.prepare();
  }

  /**
   * Asks the model once.
   * @param request messages, options, schema, signal
   * @returns the answer
   * @throws ModelError of kind connection, timeout, busy, server, not-found, bad-request, bad-response or aborted
   */
  async generate(request: ModelRequest): Promise<ModelResponse> {
    if (request.signal?.aborted) throw abortedError(request.signal);
    const { build, how } = await this.prepare();
    const o = request.options ?? {};
    const fields: Record<string, unknown> = { ...this.baseFields };
    for (const [option, name] of Object.entries(how.fields)) {
      const value = o[option as keyof typeof o];
      if (value !== undefined && name !== undefined) fields[name] = value;
    }
    const started = performance.now();
    try {
      const chat = await concrete(await build(fields));
      const schema = request.schema;
      const runnable =
        schema !== undefined && how.structuredMethod !== undefined
          ? callable(chat, 'withStructuredOutput')(schema, {
              name: 'answer',
              method: how.structuredMethod,
              includeRaw: true,
            })
          : chat;
      const out = await callable(runnable, 'invoke')(request.messages.map(toMessage), {
        ...(request.signal !== undefined ? { signal: request.signal } : {}),
        ...(how.seedCallOption && o.seed !== undefined ? { seed: o.seed } : {}),
      });
      if (request.signal?.aborted) throw abortedError(request.signal);
      const answer = readAnswer(out, schema !== undefined);
      return {
        text: answer.text,
        ...(answer.structured !== undefined ? { structured: answer.structured } : {}),
        usage: answer.usage,
        latencyMs: performance.now() - started,
        cached: false,
        model: this.info().id,
        ...(this.host !== undefined ? { host: this.host } : {}),
      };
    } catch (error) {
      throw modelErrorFromFailure(error, {
        host: this.host ?? `the ${this.provider} API`,
        model: this.model,
        fixes: LANGCHAIN_FIXES,
        signal: request.signal,
      });
    }
  }

  private prepare(): Promise<{ build: ChatModelBuilder; how: ChatModelFields }> {
    this.prepared ??= this.probe();
    return this.prepared;
  }

  private async probe(): Promise<{ build: ChatModelBuilder; how: ChatModelFields }> {
    const spec = `langchain:${this.provider}:${this.model}`;
    const build = this.builder ?? (await this.initChatModelBuilder(spec));
    let probed: object;
    try {
      probed = await concrete(await build({ ...this.baseFields, ...probeFields() }));
    } catch (error) {
      throw (
        missingPackage(error, spec) ??
        new ModelError('bad-request', `--model ${spec}: ${firstLine(error)}`, { cause: error })
      );
    }
    const how = probeChatModel(probed, PROBE_SCHEMA);
    this.capabilities = how.capabilities;
    return { build, how };
  }

  private async initChatModelBuilder(spec: string): Promise<ChatModelBuilder> {
    const initChatModel = await loadInitChatModel(spec);
    return (fields) => initChatModel(this.model, { modelProvider: this.provider, ...fields });
  }
}

/** The chat model itself: initChatModel returns a wrapper that builds it on first use. */
async function concrete(model: object): Promise<object> {
  const wrapper = model as { _getModelInstance?: () => Promise<object> };
  return typeof wrapper._getModelInstance === 'function' ? wrapper._getModelInstance() : model;
}

function callable(target: object, method: string): (...args: unknown[]) => Promise<unknown> & unknown {
  const fn = (target as Record<string, unknown>)[method];
  if (typeof fn !== 'function') throw new ModelError('bad-request', `the chat model has no ${method}()`);
  return fn.bind(target) as (...args: unknown[]) => Promise<unknown>;
}

function toMessage(message: ChatMessage): { role: string; content: string } {
  return { role: message.role, content: message.content };
}

interface AnswerParts {
  text: string;
  structured: Record<string, unknown> | undefined;
  usage: TokenUsage;
}

/**
 * Reads what a chat model returned: a message, `{ raw, parsed }` (structured output with the raw
 * message), or the parsed object alone (a model whose structured output does not keep the raw
 * message, as LangChain's fake models).
 */
function readAnswer(out: unknown, wantsStructure: boolean): AnswerParts {
  const record = (out ?? {}) as Record<string, unknown>;
  const isMessage = (x: unknown): boolean => typeof x === 'object' && x !== null && 'content' in x;
  const raw = 'raw' in record && 'parsed' in record ? record.raw : isMessage(out) ? out : undefined;
  const parsed = 'raw' in record && 'parsed' in record ? record.parsed : isMessage(out) ? undefined : out;
  const message = (raw ?? {}) as {
    content?: unknown;
    usage_metadata?: { input_tokens?: number; output_tokens?: number };
  };
  const content = contentText(message.content);
  const text = content !== '' ? content : isPlainObject(parsed) ? JSON.stringify(parsed) : '';
  const structured = isPlainObject(parsed) ? parsed : wantsStructure ? parseStructuredText(text) : undefined;
  return {
    text,
    structured,
    usage: {
      promptTokens: count(message.usage_metadata?.input_tokens),
      completionTokens: count(message.usage_metadata?.output_tokens),
    },
  };
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content
      .map((part) =>
        typeof part === 'string'
          ? part
          : typeof (part as { text?: unknown })?.text === 'string'
            ? (part as { text: string }).text
            : '',
      )
      .join('');
  return '';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** The error's message on one line. */
function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n+\s*/g, ' ').trim();
}
