import { normalizeBaseUrl } from '../http/normalizeBaseUrl.js';
import { OpenAICompatibleBackend } from '../openai/OpenAICompatibleBackend.js';
import { apiKeyFlag } from './apiKeyFlag.js';
import { defineBackend } from './BackendDefinition.js';

/**
 * `openai:NAME`: any OpenAI-compatible chat server (vLLM, llama.cpp server, LM Studio, Ollama's
 * /v1, OpenAI), through `OpenAICompatibleBackend`.
 */
export const openai = defineBackend({
  prefix: 'openai',
  modelName: 'NAME',
  summary: 'a model an OpenAI-compatible server serves (vLLM, llama.cpp server, LM Studio, OpenAI)',
  example: 'openai:meta-llama/Llama-3.1-8B-Instruct',
  isLanguageModel: true,
  hosts: {
    kind: 'required',
    normalize: (host) => normalizeBaseUrl(host, { stripV1: true }),
    env: 'OPENAI_BASE_URL',
    example: 'http://127.0.0.1:8000',
  },
  flags: { 'api-key': apiKeyFlag },
  readiness: 'GET /v1/models lists the model',
  create: ({ model, host, settings, env, timeoutMs }) => {
    const apiKey = (settings['api-key'] as string | undefined) ?? env.OPENAI_API_KEY;
    return new OpenAICompatibleBackend({
      model,
      ...(host !== undefined ? { baseUrl: host } : {}),
      timeoutMs,
      ...(apiKey ? { apiKey } : {}),
    });
  },
  listModels: async (host, timeoutMs) => {
    const models = await new OpenAICompatibleBackend({ model: '-', baseUrl: host, timeoutMs }).listModels();
    return models.map((name) => ({ name, label: name }));
  },
});
