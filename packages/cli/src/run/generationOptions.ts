import type { RunDescriptor } from '@emocrowd/crowd';
import type { RunRequest } from './RunRequest.js';

/**
 * The generation options every call of a run sends (the descriptor's `generation`): temperature,
 * most tokens, and how long Ollama keeps the model loaded (not for a model that is not a
 * language model, such as the synthetic one: it has nothing to keep).
 *
 * @param request the run request
 * @param languageModel whether the answering model is a language model (`info().isLanguageModel`)
 * @returns the options
 */
export function generationOptions(request: RunRequest, languageModel: boolean): RunDescriptor['generation'] {
  return {
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.maxTokens === undefined ? {} : { maxTokens: request.maxTokens }),
    ...(request.keepAlive === undefined || !languageModel ? {} : { keepAlive: request.keepAlive }),
  };
}
