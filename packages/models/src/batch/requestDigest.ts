import { createHash } from 'node:crypto';
import type { ChatCompletionBody } from '../openai/buildChatCompletionBody.js';

/**
 * The SHA-256 (hex) of a chat completion body as it is sent (`JSON.stringify`): two requests
 * have the same digest exactly when they send the same bytes. A batch request's id carries a
 * prefix of it, so an answer is matched to the very request it answers, and an answer to a
 * request the run no longer asks (other prompt, seed or options) is recognised as such.
 *
 * @param body the body
 * @returns 64 hex characters
 */
export function requestDigest(body: ChatCompletionBody): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}
