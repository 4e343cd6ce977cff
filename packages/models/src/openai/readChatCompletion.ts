import type { ChatReply } from '../http/HttpChatBackend.js';
import { ModelError } from '../ModelError.js';

/**
 * The answer an OpenAI chat completion (the JSON body of a `/v1/chat/completions` response)
 * carries: what the `openai:` backend reads from every online answer, and what a batch output
 * line's `response.body` is read with, so an answer means the same whichever way it arrived.
 *
 * Behaviour: the text is `choices[0].message.content` (a string, or it is a bad response);
 * usage is `usage.prompt_tokens` / `usage.completion_tokens`, 0 when absent or not a number.
 *
 * @param completion the parsed body
 * @param host where it came from, named in the error
 * @returns the text and token usage
 * @throws ModelError('bad-response') when there is no message content
 */
export function readChatCompletion(completion: unknown, host: string): ChatReply {
  const body = (typeof completion === 'object' && completion !== null ? completion : {}) as {
    choices?: { message?: { content?: unknown } }[];
    usage?: { prompt_tokens?: unknown; completion_tokens?: unknown };
  };
  const content = Array.isArray(body.choices) ? body.choices[0]?.message?.content : undefined;
  if (typeof content !== 'string')
    throw new ModelError('bad-response', `answer from ${host} has no choices[0].message.content`, { host });
  return {
    text: content,
    usage: {
      promptTokens: count(body.usage?.prompt_tokens),
      completionTokens: count(body.usage?.completion_tokens),
    },
  };
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
