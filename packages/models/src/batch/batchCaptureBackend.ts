import type { ModelBackend, ModelRequest, ModelResponse } from '../ModelBackend.js';
import type { ChatCompletionBody } from '../openai/buildChatCompletionBody.js';
import type { OpenAICompatibleBackend } from '../openai/OpenAICompatibleBackend.js';
import { requestDigest } from './requestDigest.js';

/** A request a run would send, captured instead of sent. */
export interface CapturedRequest {
  /** The body the online adapter would post. */
  body: ChatCompletionBody;
  /** `requestDigest(body)`. */
  digest: string;
}

/** The capturing backend and the requests it holds (see {@link batchCaptureBackend}). */
export interface BatchCapture {
  backend: ModelBackend;
  /**
   * The request whose placeholder answer has this text (the caller reads it back from the
   * answer it got), removed from the capture.
   * @param text the placeholder text
   * @returns the request, or undefined for any other text
   */
  take(text: string): CapturedRequest | undefined;
}

/**
 * A backend that records each request it is asked, as the online `openai:` adapter would send
 * it, and answers at once with a placeholder instead of calling a model: how a batch file is
 * written by running the crowd itself, so the requests are exactly those an online run sends.
 *
 * Behaviour: `generate` builds the body with `adapter.requestBody`, keeps it under a fresh
 * placeholder text ("#1", "#2", ...) and returns that text as the answer (`cached: false`, no
 * usage); the caller maps an answer's text back to its request with `take`. No request leaves
 * the process. `info()` is the adapter's.
 *
 * @param adapter the online adapter whose requests are captured
 * @returns the backend and the lookup of captured requests
 */
export function batchCaptureBackend(adapter: OpenAICompatibleBackend): BatchCapture {
  const held = new Map<string, CapturedRequest>();
  let count = 0;
  const backend: ModelBackend = {
    info: () => adapter.info(),
    async generate(request: ModelRequest): Promise<ModelResponse> {
      const body = adapter.requestBody(request);
      const text = `#${++count}`;
      held.set(text, { body, digest: requestDigest(body) });
      return {
        text,
        usage: { promptTokens: 0, completionTokens: 0 },
        latencyMs: 0,
        cached: false,
        model: adapter.info().id,
      };
    },
  };
  return {
    backend,
    take(text) {
      const found = held.get(text);
      held.delete(text);
      return found;
    },
  };
}
