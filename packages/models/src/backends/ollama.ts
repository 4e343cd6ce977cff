import { DEFAULT_OLLAMA_HOST, normalizeOllamaHost } from '../http/normalizeOllamaHost.js';
import { listModels } from '../ollama/listModels.js';
import { OllamaBackend, type OllamaChatClient } from '../ollama/OllamaBackend.js';
import { defineBackend } from './BackendDefinition.js';

/**
 * `ollama:NAME`: a model an Ollama server has (`ollama pull NAME`, or one made with
 * `emocrowd models create`), through `OllamaBackend`.
 */
export const ollama = defineBackend({
  prefix: 'ollama',
  modelName: 'NAME',
  summary: 'a model an Ollama server has (ollama pull NAME, or emocrowd models create)',
  example: 'ollama:llama3.1:8b',
  isLanguageModel: true,
  hosts: {
    kind: 'optional',
    normalize: (host) => normalizeOllamaHost(host),
    env: 'OLLAMA_HOST',
    fallback: DEFAULT_OLLAMA_HOST,
    example: DEFAULT_OLLAMA_HOST,
  },
  flags: {
    'ollama-client': {
      type: 'string',
      choices: ['native', 'langchain'],
      description:
        "How ollama: requests are sent: the ollama client (one non-streaming request per answer), or LangChain's ChatOllama (streaming, for LangChain's callbacks and tracing; the same fields, more client CPU).",
      default: 'native',
    },
  },
  readiness: 'GET /api/version answers and GET /api/tags lists the model (its digest joins the cache key)',
  create: ({ model, host, settings, timeoutMs }) =>
    new OllamaBackend({
      model,
      ...(host !== undefined ? { host } : {}),
      timeoutMs,
      client: settings['ollama-client'] as OllamaChatClient,
    }),
  listModels: async (host, timeoutMs) =>
    (await listModels(host, { timeoutMs })).map((m) => ({
      name: m.name,
      label: `${m.name}${m.parameterSize ? ` (${m.parameterSize})` : ''}`,
    })),
});
