/**
 * The LLM port: one narrow interface every backend implements (Ollama, OpenAI-compatible
 * servers, LangChain's providers, the built-in synthetic model) and every cross-cutting wrapper
 * (retry, timeout, cache, call limit, endpoint pool) implements again, so they compose freely.
 */

/** One chat message. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * Generation options. Every option set here reaches the server where it can: adapters translate
 * each one (Ollama `options.seed`, `options.temperature`, `options.num_predict`, `keep_alive`;
 * OpenAI `seed`, `temperature`, `max_tokens`), and one a backend cannot pass (OpenAI has no
 * `keep_alive`, Anthropic no seed) is never dropped silently: `ModelInfo.capabilities` says so.
 */
export interface GenerationOptions {
  seed?: number;
  temperature?: number;
  /** Upper bound on generated tokens (Ollama `num_predict`, OpenAI `max_tokens`). */
  maxTokens?: number;
  topP?: number;
  /** How long the server keeps the model loaded after the call (Ollama `keep_alive`, e.g. "30m"). */
  keepAlive?: string | number;
}

/** A JSON schema object (draft 2020-12 subset), sent as Ollama `format` / OpenAI `response_format`. */
export type JsonSchema = { [key: string]: unknown };

/**
 * Facts only a simulated model needs. A real LLM reads the persona and the question from the
 * prompt; the built-in synthetic model cannot read, so the agent also hands it these numbers.
 * Real backends ignore hints and never send them over the wire.
 */
export interface SimulationHints {
  /** The task's true value, in the task's unit. */
  truth: number;
  /** The task's unit, e.g. "mi". */
  unit: string;
  /** A unit a confused persona may answer in, and its size in the task's unit (km: 0.621371 mi). */
  confusableUnit?: { unit: string; factor: number };
  /** The persona's emotion: label, valence and arousal in [-1, 1], intensity in [0, 1]. */
  emotion?: { label: string; valence: number; arousal: number; intensity: number };
  /** How familiar the persona is with the question's subject, 0 (not at all) to 1 (expert). */
  familiarity?: number;
  /** Numeracy proxy from the persona's social attributes, 0 to 1. */
  numeracy?: number;
  /** What the persona was shown of the others in a social-influence round (a value in the task's unit). */
  socialAnchor?: number;
  /** The persona's own previous answer in a social-influence round. */
  previousEstimate?: number;
  /** How many answers to this question the persona gave before this one (the round), when it has a previous one. */
  revision?: number;
  /**
   * A stable key of the persona (its id), when it has a previous answer: the synthetic model draws
   * the persona's fixed propensity to keep its answer from it, so the same persona is as stubborn
   * in every round.
   */
  persona?: string;
}

/** One call to a model. */
export interface ModelRequest {
  messages: ChatMessage[];
  options?: GenerationOptions;
  /** Schema of the structured answer the model should return; text parsing is the fallback. */
  schema?: JsonSchema;
  hints?: SimulationHints;
  /** Replicate index: asking the same persona twice on purpose; part of the cache key. */
  replicate?: number;
  /** Aborts the call (cancellation). */
  signal?: AbortSignal;
}

/** Token counts reported by the server (0 when unknown). */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

/** A model's answer. */
export interface ModelResponse {
  /** The raw text the model produced (for structured output: the JSON text). */
  text: string;
  /** The parsed structured answer when a schema was requested and the text was valid JSON. */
  structured?: unknown;
  usage: TokenUsage;
  /** Wall-clock time of the call in milliseconds (0 for a cache hit). */
  latencyMs: number;
  /** True when the answer came from the response cache, not the model. */
  cached: boolean;
  /** The model that answered, e.g. "ollama:emollama" or "synthetic". */
  model: string;
  /** The endpoint that answered, when a backend has several. */
  host?: string;
}

/**
 * Which request fields a backend passes on to its model. A backend that cannot pass one (a
 * provider without a seed, a server without structured output) says so here; a run records it
 * (run.json `model.capabilities`) and says once which of the options it asked for are not used.
 */
export interface ModelCapabilities {
  /** `options.seed` reaches the model (answers can be reproduced by seed). */
  seed: boolean;
  temperature: boolean;
  maxTokens: boolean;
  topP: boolean;
  /** `options.keepAlive` (Ollama's `keep_alive`). */
  keepAlive: boolean;
  /** `schema` is sent as structured output (else the answer is read from free text). */
  schema: boolean;
}

/** What a backend says about itself. */
export interface ModelInfo {
  /** Stable id: "<backend>:<model>", e.g. "ollama:llama3.1:8b", "openai:meta-llama/Llama-3.1-8B", "synthetic". */
  id: string;
  backend: 'ollama' | 'openai' | 'synthetic' | 'fake' | (string & {});
  model: string;
  /** Content digest of the model when the server reports one (Ollama /api/tags). */
  digest?: string;
  /** False for the built-in synthetic model, which simulates answers and is not a language model. */
  isLanguageModel: boolean;
  hosts?: string[];
  /** Which request fields reach the model (see ModelCapabilities); absent when the backend does not say. */
  capabilities?: ModelCapabilities;
}

/** The port. */
export interface ModelBackend {
  info(): ModelInfo;
  generate(request: ModelRequest): Promise<ModelResponse>;
  /** Checks the backend can serve (server reachable, model present); throws ModelError with a fix otherwise. */
  ready?(): Promise<void>;
  /** Releases sockets, files and timers. */
  close?(): Promise<void>;
}
