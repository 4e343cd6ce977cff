import { normalizeBaseUrl } from '../http/normalizeBaseUrl.js';
import { LANGCHAIN_HOST_PROVIDERS, LangChainBackend } from '../langchain/LangChainBackend.js';
import { ModelError } from '../ModelError.js';
import { apiKeyFlag } from './apiKeyFlag.js';
import { defineBackend } from './BackendDefinition.js';

/**
 * `langchain:PROVIDER:MODEL`: any chat model the `langchain` package's `initChatModel` reaches
 * (openai, anthropic, google-genai, groq, mistralai, bedrock, ollama, ...), through
 * `LangChainBackend`. `langchain` and the provider's package are optional installs.
 */
export const langchain = defineBackend({
  prefix: 'langchain',
  modelName: 'PROVIDER:MODEL',
  summary:
    "any chat model LangChain's initChatModel reaches: openai, anthropic, google-genai, groq, mistralai, bedrock, ollama, ... (npm install langchain and the provider's package, e.g. @langchain/anthropic)",
  example: 'langchain:openai:gpt-4o-mini',
  isLanguageModel: true,
  hosts: {
    kind: 'optional',
    normalize: (host) => normalizeBaseUrl(host, { stripV1: true }),
    example: 'http://127.0.0.1:8000',
  },
  flags: { 'api-key': apiKeyFlag },
  readiness: `langchain and the provider's package load and the chat model is built with its credentials (no request is sent); which of seed, temperature, max tokens, top-p and the answer schema it takes is read from the built model. --host applies to ${LANGCHAIN_HOST_PROVIDERS.join(' and ')}`,
  checkModel: (model) => {
    const colon = model.indexOf(':');
    if (colon <= 0 || colon === model.length - 1)
      throw new ModelError(
        'bad-request',
        `--model langchain:${model} names no provider: use langchain:PROVIDER:MODEL, e.g. langchain:openai:gpt-4o-mini or langchain:anthropic:claude-3-5-haiku-latest`,
      );
  },
  create: ({ model, host, settings, env }) => {
    const colon = model.indexOf(':');
    const apiKey = settings['api-key'] as string | undefined;
    return new LangChainBackend({
      provider: model.slice(0, colon),
      model: model.slice(colon + 1),
      ...(host !== undefined ? { host } : {}),
      ...(apiKey !== undefined ? { apiKey } : {}),
      env,
    });
  },
});
