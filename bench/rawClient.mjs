/**
 * The raw-client baselines of the whole-process throughput benchmark: N chat requests with at
 * most C in flight (a promise pool), nothing else - no prompts built, no answers parsed, no
 * summary. Plain JavaScript, so the process loads what such a client loads and no TypeScript
 * loader: it is timed from spawn to exit like `emocrowd run`.
 *
 * - `ollama`: the official `ollama` JS client, one non-streaming `chat` per request (`format`:
 *   the answer schema, a per-request seed), the request emocrowd's default Ollama client sends.
 * - `openai`: `fetch` POST {URL}/v1/chat/completions, non-streaming, `response_format` json_schema.
 *
 * Run: node bench/rawClient.mjs ollama|openai URL N C REQUEST.json
 * REQUEST.json: { model, messages, schema } (written by bench/run.ts from emocrowd's prompt).
 * Prints one JSON line: { client, requests, answered, concurrency }.
 */
import { readFileSync } from 'node:fs';

const [client, url, nText, cText, requestFile] = process.argv.slice(2);
if (!client || !url || !nText || !cText || !requestFile) {
  process.stderr.write('usage: rawClient.mjs ollama|openai URL N C REQUEST.json\n');
  process.exit(2);
}
const requests = Number(nText);
const concurrency = Number(cText);
const { model, messages, schema } = JSON.parse(readFileSync(requestFile, 'utf8'));

/** One request; resolves whether an answer with content came back. */
async function viaOllama() {
  const { Ollama } = await import('ollama');
  const ollama = new Ollama({ host: url });
  return async (i) => {
    const answer = await ollama.chat({
      model,
      messages,
      format: schema,
      stream: false,
      keep_alive: '30m',
      options: { seed: i, temperature: 0.8, num_predict: 256 },
    });
    return answer.done && answer.message.content.length > 0;
  };
}

async function viaOpenAi() {
  const endpoint = `${url.replace(/\/+$/, '')}/v1/chat/completions`;
  return async (i) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model,
        messages,
        stream: false,
        seed: i,
        temperature: 0.8,
        max_tokens: 256,
        response_format: { type: 'json_schema', json_schema: { name: 'answer', schema } },
      }),
    });
    const body = await response.json();
    return response.ok && typeof body?.choices?.[0]?.message?.content === 'string';
  };
}

const call = client === 'ollama' ? await viaOllama() : client === 'openai' ? await viaOpenAi() : undefined;
if (!call) {
  process.stderr.write(`unknown client "${client}"\n`);
  process.exit(2);
}
let next = 0;
let answered = 0;
const worker = async () => {
  while (next < requests) {
    const i = next++;
    if (await call(i)) answered++;
  }
};
await Promise.all(Array.from({ length: concurrency }, worker));
process.stdout.write(`${JSON.stringify({ client, requests, answered, concurrency })}\n`);
