import type { OllamaTestServerPrompt } from '../OllamaTestServerAnswer.js';
import { isRecord } from './httpIo.js';
import type { TestServerState } from './TestServerContext.js';
import type { Answer } from './writeAnswer.js';

/**
 * The answer to one prompt, in whichever API it was asked: `respond` writes the text, the text
 * is split into tokens, `num_predict` (OpenAI `max_tokens`) truncates it (`done_reason:
 * "length"`), and the prompt's tokens are counted. Online requests and batch requests are
 * answered by this one function, so they get the same answer.
 *
 * @param prompt the prompt as the server understood it
 * @param state the server's state (its `respond`)
 * @returns the answer, ready to be written
 */
export async function buildAnswer(prompt: OllamaTestServerPrompt, state: TestServerState): Promise<Answer> {
  const text = await state.respond(prompt);
  const limit =
    typeof prompt.options.num_predict === 'number' && prompt.options.num_predict >= 0
      ? prompt.options.num_predict
      : undefined;
  const allTokens = tokenize(text);
  const tokens = limit === undefined ? allTokens : allTokens.slice(0, limit);
  const body = isRecord(prompt.body) ? prompt.body : {};
  return {
    endpoint: prompt.endpoint,
    model: prompt.model,
    tokens,
    doneReason: limit !== undefined && allTokens.length > limit ? 'length' : 'stop',
    promptTokens: 12 + prompt.messages.reduce((s, m) => s + tokenize(m.content).length + 4, 0),
    includeUsage: isRecord(body.stream_options) && body.stream_options.include_usage === true,
  };
}

/** Splits text into "tokens": each run of non-space characters with its trailing spaces. */
function tokenize(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text ? [text] : []);
}
