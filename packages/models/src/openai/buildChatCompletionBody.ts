import type { ChatMessage, GenerationOptions, JsonSchema } from '../ModelBackend.js';

/** What one OpenAI chat-completions request asks. */
export interface ChatCompletionRequest {
  /** Model name as the server serves it. */
  model: string;
  messages: readonly ChatMessage[];
  options?: GenerationOptions;
  /** Schema of the structured answer, sent as `response_format`. */
  schema?: JsonSchema;
  /** `response_format.json_schema.name`; default "answer". */
  schemaName?: string;
}

/** The JSON body of POST /v1/chat/completions, as {@link buildChatCompletionBody} builds it. */
export interface ChatCompletionBody {
  model: string;
  messages: { role: ChatMessage['role']; content: string }[];
  stream: false;
  seed?: number;
  temperature?: number;
  max_tokens?: number;
  top_p?: number;
  response_format?: { type: 'json_schema'; json_schema: { name: string; schema: JsonSchema } };
}

/**
 * The body of an OpenAI chat-completions request: what the `openai:` backend posts for every
 * call, and what an OpenAI Batch API input line carries as its `body`, so a batch and an online
 * run send byte-identical requests (`JSON.stringify` of the result).
 *
 * Behaviour:
 * 1. Keys in a fixed order: model, messages, stream (always false: a crowd needs whole answers),
 *    seed, temperature, max_tokens, top_p, response_format; an option left undefined is left out.
 * 2. Messages keep only `role` and `content`.
 * 3. A schema becomes `response_format: {type: "json_schema", json_schema: {name, schema}}`.
 * 4. `keepAlive` is not part of the OpenAI API (OpenAI refuses unknown fields) and is not sent.
 *
 * @example
 * buildChatCompletionBody({ model: 'gpt-4o-mini', messages, options: { seed: 7, maxTokens: 256 }, schema });
 * // -> { model: 'gpt-4o-mini', messages, stream: false, seed: 7, max_tokens: 256, response_format: {...} }
 *
 * @param request model, messages, options, schema and schema name
 * @returns the body, a plain JSON-safe object
 */
export function buildChatCompletionBody(request: ChatCompletionRequest): ChatCompletionBody {
  const o = request.options ?? {};
  const body: ChatCompletionBody = {
    model: request.model,
    messages: request.messages.map(({ role, content }) => ({ role, content })),
    stream: false,
  };
  if (o.seed !== undefined) body.seed = o.seed;
  if (o.temperature !== undefined) body.temperature = o.temperature;
  if (o.maxTokens !== undefined) body.max_tokens = o.maxTokens;
  if (o.topP !== undefined) body.top_p = o.topP;
  if (request.schema !== undefined)
    body.response_format = {
      type: 'json_schema',
      json_schema: { name: request.schemaName ?? 'answer', schema: request.schema },
    };
  return body;
}
