import { errorMessageOf } from '../../http/errorMessageOf.js';
import {
  type FailureFixes,
  modelErrorFromFailure,
  modelErrorFromStatus,
} from '../../http/modelErrorFromFailure.js';
import { normalizeBaseUrl } from '../../http/normalizeBaseUrl.js';
import { parseStructuredText } from '../../http/parseStructuredText.js';
import type { ModelRequest, ModelResponse } from '../../ModelBackend.js';
import { ModelError } from '../../ModelError.js';
import { type BackendContext, defineBackend } from '../BackendDefinition.js';

const FIXES: FailureFixes = {
  unreachable: 'start it with: llama-server -m MODEL.gguf --port 8080',
  notFound: (model) => `start llama-server with --alias ${model}`,
  busy: 'lower the concurrency or start llama-server with more --parallel slots',
  credentials:
    'this backend sends no API key: use openai:NAME with --api-key for a llama-server started with one',
  unnamed404: 'endpoint',
};

/**
 * `llamacpp:NAME`: the native API of a llama.cpp server (`llama-server`): the model's own chat
 * template (POST /apply-template), then POST /completion with every option under llama.cpp's
 * names and the answer schema as `json_schema`.
 *
 * The backend implements its protocol only: the stack bounds every call with `--timeout`
 * (through `request.signal`, and by cutting the call off if a server never answers), retries,
 * pools hosts and caches answers.
 */
export const llamacpp = defineBackend({
  prefix: 'llamacpp',
  modelName: 'NAME',
  summary: 'the model a llama.cpp server (llama-server) serves, through its native API',
  example: 'llamacpp:qwen2.5-7b',
  isLanguageModel: true,
  hosts: {
    kind: 'required',
    normalize: (host) => normalizeBaseUrl(host),
    env: 'LLAMACPP_HOST',
    example: 'http://127.0.0.1:8080',
  },
  flags: {},
  readiness: 'GET /health says ok and GET /props names the model (--alias)',
  create: (context) => ({
    info: () => ({
      id: `llamacpp:${context.model}`,
      backend: 'llamacpp',
      model: context.model,
      isLanguageModel: true,
      ...(context.host !== undefined ? { hosts: [context.host] } : {}),
      capabilities: {
        seed: true,
        temperature: true,
        maxTokens: true,
        topP: true,
        keepAlive: false,
        schema: true,
      },
    }),
    generate: (request) => complete(context, request),
    ready: () => checkReady(context),
  }),
});

async function complete(context: BackendContext, request: ModelRequest): Promise<ModelResponse> {
  const { host = '', model } = context;
  const o = request.options ?? {};
  const started = performance.now();
  try {
    const { prompt } = (await post(
      context,
      '/apply-template',
      { messages: request.messages },
      request.signal,
    )) as {
      prompt: string;
    };
    const answer = (await post(
      context,
      '/completion',
      {
        prompt,
        stream: false,
        ...(o.seed !== undefined ? { seed: o.seed } : {}),
        ...(o.temperature !== undefined ? { temperature: o.temperature } : {}),
        ...(o.maxTokens !== undefined ? { n_predict: o.maxTokens } : {}),
        ...(o.topP !== undefined ? { top_p: o.topP } : {}),
        ...(request.schema !== undefined ? { json_schema: request.schema } : {}),
      },
      request.signal,
    )) as { content?: unknown; tokens_evaluated?: number; tokens_predicted?: number };
    if (typeof answer.content !== 'string')
      throw new ModelError('bad-response', `answer from ${host} has no "content"`, { host });
    const structured = request.schema !== undefined ? parseStructuredText(answer.content) : undefined;
    return {
      text: answer.content,
      ...(structured !== undefined ? { structured } : {}),
      usage: { promptTokens: answer.tokens_evaluated ?? 0, completionTokens: answer.tokens_predicted ?? 0 },
      latencyMs: performance.now() - started,
      cached: false,
      model: `llamacpp:${model}`,
      host,
    };
  } catch (error) {
    throw modelErrorFromFailure(error, { host, model, fixes: FIXES, signal: request.signal });
  }
}

async function checkReady(context: BackendContext): Promise<void> {
  const { host = '', model } = context;
  try {
    await get(context, '/health');
    const props = (await get(context, '/props')) as { model_alias?: unknown; model_path?: unknown };
    const served = String(props.model_alias ?? props.model_path ?? '');
    if (served !== model)
      throw new ModelError(
        'not-found',
        `model "${model}" not served by ${host} (serves: ${served}) — ${FIXES.notFound(model, host)}`,
        {
          host,
          status: 404,
        },
      );
  } catch (error) {
    throw modelErrorFromFailure(error, { host, model, fixes: FIXES });
  }
}

async function post(
  context: BackendContext,
  path: string,
  body: unknown,
  signal?: AbortSignal,
): Promise<unknown> {
  return read(
    context,
    await fetch(`${context.host}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      ...(signal !== undefined ? { signal } : {}),
    }),
  );
}

async function get(context: BackendContext, path: string): Promise<unknown> {
  return read(context, await fetch(`${context.host}${path}`));
}

/** The JSON of an answer, or the `ModelError` its status means (429/503 busy, 5xx server, ...). */
async function read(context: BackendContext, res: Response): Promise<unknown> {
  const text = await res.text();
  if (!res.ok)
    throw modelErrorFromStatus(res.status, errorMessageOf(text), {
      host: context.host ?? '',
      model: context.model,
      fixes: FIXES,
    });
  return JSON.parse(text);
}
