import type { RunDescriptor } from '@emocrowd/crowd';
import type { RunRequest } from './RunRequest.js';

/**
 * The generation options every call of a run sends (the descriptor's `generation`): temperature,
 * most tokens, and how long Ollama keeps the model loaded (not for the synthetic model, which
 * has nothing to keep).
 *
 * @param request the run request
 * @param backend the answering backend's kind (`info().backend`)
 * @returns the options
 */
export function generationOptions(request: RunRequest, backend: string): RunDescriptor['generation'] {
  return {
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.maxTokens === undefined ? {} : { maxTokens: request.maxTokens }),
    ...(request.keepAlive === undefined || backend === 'synthetic' ? {} : { keepAlive: request.keepAlive }),
  };
}
