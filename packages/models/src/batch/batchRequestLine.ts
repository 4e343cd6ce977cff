import type { ChatCompletionBody } from '../openai/buildChatCompletionBody.js';

/** The endpoint every emocrowd batch request goes to. */
export const BATCH_CHAT_URL = '/v1/chat/completions';

/**
 * One line of an OpenAI Batch input file (the format `vllm run-batch -i` reads too): a chat
 * completion request with the id that matches its answer to it.
 */
export interface BatchRequestLine {
  /** Unique within a batch; echoed by the output line that answers it. */
  custom_id: string;
  method: 'POST';
  url: typeof BATCH_CHAT_URL;
  /** Exactly the body the `openai:` backend posts online (`buildChatCompletionBody`). */
  body: ChatCompletionBody;
}

/**
 * The text of a batch input line (without its newline).
 *
 * The body is serialised by the same `JSON.stringify` that serialises it online, so the bytes
 * between `"body":` and the closing brace are byte for byte the body an online call posts.
 *
 * @example
 * encodeBatchRequestLine('ec-1a2b3c4d_p7_r0_t0_9f86d081884c', body);
 * // '{"custom_id":"ec-...","method":"POST","url":"/v1/chat/completions","body":{"model":...}}'
 *
 * @param customId the request's id
 * @param body the chat completion body
 * @returns one JSON line
 */
export function encodeBatchRequestLine(customId: string, body: ChatCompletionBody): string {
  const line: BatchRequestLine = { custom_id: customId, method: 'POST', url: BATCH_CHAT_URL, body };
  return JSON.stringify(line);
}
