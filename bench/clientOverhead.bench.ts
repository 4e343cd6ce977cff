/**
 * Client-side overhead of one way of calling Ollama: N chat requests with at most C in flight,
 * against a server given by URL (the Ollama test server in its own process).
 *
 * Clients:
 * - `emocrowd`: the real pipeline - runCrowd with a PersonaAgent over the Ollama backend stack
 *   (retry, call counter, deadline, OllamaBackend with its default chat client, the `ollama`
 *   client, one non-streaming request per answer), no cache, no summary analysis (subsets and
 *   bootstrap off): prompts built per persona, answers parsed.
 * - `emocrowd-langchain`: the same with `--ollama-client langchain`: the OllamaBackend sends the
 *   same fields through LangChain's ChatOllama, which always streams.
 * - `ollama`: the official `ollama` JS client, one non-streaming `chat` per request (the request
 *   emocrowd sends by default), a simple promise pool.
 * - `langchain`: one `ChatOllama`, `batch(inputs, { maxConcurrency })` (streaming, as ChatOllama always does).
 * - `chatollama-per-call`: what OllamaBackend did before it called the `ollama` client itself - a
 *   new `ChatOllama` per request (per-request seed as a constructor field) and `invoke`, in a
 *   promise pool: the cost of that design.
 * The two baselines send the emocrowd prompt of persona 0 with the answer schema as `format`.
 *
 * Run (built packages): node --import tsx bench/clientOverhead.bench.ts URL CLIENT N C
 * Prints one JSON line: { client, requests, concurrency, wallMs, cpuMs, perSecond }.
 */
import { createPromptBuilder, getTask, PersonaAgent, resolvePersonas, ANSWER_SCHEMA } from '@emocrowd/agents';
import { runCrowd, type RunDescriptor } from '@emocrowd/crowd';
import { createBackendStack, createRng } from '@emocrowd/models';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { ChatOllama } from '@langchain/ollama';
import { Ollama } from 'ollama';

const MODEL = 'llama3.2:1b';
const [url, client, nText, cText] = process.argv.slice(2);
if (!url || !client || !nText || !cText) {
  process.stderr.write('usage: clientOverhead.bench.ts URL emocrowd|emocrowd-langchain|ollama|langchain|chatollama-per-call N C\n');
  process.exit(2);
}
const requests = Number(nText);
const concurrency = Number(cText);
const task = getTask('fargo-seattle');

/** Runs `f` and returns its wall-clock and CPU milliseconds. */
async function measure(f: () => Promise<number>): Promise<{ wallMs: number; cpuMs: number; done: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const done = await f();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000, done };
}

async function viaEmocrowd(ollamaClient: 'langchain' | 'native'): Promise<number> {
  const personas = resolvePersonas(String(requests), { condition: 'combined', rng: createRng(1).fork('personas') });
  const stack = createBackendStack({
    model: `ollama:${MODEL}`,
    hosts: [url as string],
    cachePath: false,
    retries: 0,
    settings: { 'ollama-client': ollamaClient },
  });
  const agent = new PersonaAgent({ backend: stack.backend, condition: 'combined' });
  const descriptor: RunDescriptor = {
    runId: 'bench',
    task: { id: task.id, question: task.question, unit: task.unit, truth: task.truth.value, truthSource: task.truth.source },
    model: { id: `ollama:${MODEL}`, backend: 'ollama', model: MODEL, isLanguageModel: true },
    personas: { spec: String(requests), space: personas.space.name, condition: 'combined', count: personas.count },
    seed: 1,
    replicates: 1,
    rounds: 1,
    influence: { kind: 'none' },
    generation: { temperature: 0.8, maxTokens: 256, keepAlive: '30m' },
    strategies: [],
  };
  let ok = 0;
  await new Promise<void>((resolve, reject) => {
    runCrowd({ descriptor, task, personas, agent, concurrency, summary: { subsets: 0, bootstrap: 0 } }).subscribe({
      next: (event) => {
        if (event.type === 'estimateSubmitted' || event.type === 'estimateFailed') ok += event.record.status === 'failed' ? 0 : 1;
      },
      error: reject,
      complete: resolve,
    });
  });
  await stack.close();
  return ok;
}

async function promptMessages(): Promise<{ role: 'system' | 'user'; content: string }[]> {
  const personas = resolvePersonas('1', { condition: 'combined', rng: createRng(1).fork('personas') });
  const prompts = createPromptBuilder();
  return prompts
    .build({ persona: personas.at(0), task, condition: 'combined' })
    .map((m) => ({ role: m.role === 'system' ? 'system' : 'user', content: m.content }));
}

async function viaOllama(): Promise<number> {
  const messages = await promptMessages();
  const ollama = new Ollama({ host: url as string });
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < requests) {
      const i = next++;
      const answer = await ollama.chat({
        model: MODEL,
        messages,
        format: ANSWER_SCHEMA,
        stream: false,
        keep_alive: '30m',
        options: { seed: i, temperature: 0.8, num_predict: 256 },
      });
      if (answer.done && answer.message.content.length > 0) done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done;
}

async function viaLangChain(): Promise<number> {
  const messages = await promptMessages();
  const chat = new ChatOllama({
    model: MODEL,
    baseUrl: url as string,
    maxRetries: 0,
    temperature: 0.8,
    numPredict: 256,
    keepAlive: '30m',
    format: ANSWER_SCHEMA,
  });
  const input = messages.map((m) => (m.role === 'system' ? new SystemMessage(m.content) : new HumanMessage(m.content)));
  const inputs = Array.from({ length: requests }, () => input);
  const answers = await chat.batch(inputs, { maxConcurrency: concurrency });
  return answers.length;
}

async function viaChatOllamaPerCall(): Promise<number> {
  const messages = await promptMessages();
  const input = messages.map((m) => (m.role === 'system' ? new SystemMessage(m.content) : new HumanMessage(m.content)));
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < requests) {
      const i = next++;
      const chat = new ChatOllama({
        model: MODEL,
        baseUrl: url as string,
        maxRetries: 0,
        seed: i,
        temperature: 0.8,
        numPredict: 256,
        keepAlive: '30m',
        format: ANSWER_SCHEMA,
      });
      const message = await chat.invoke(input);
      if ((message.response_metadata as { done?: boolean }).done === true) done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done;
}

const run =
  client === 'emocrowd'
    ? () => viaEmocrowd('native')
    : client === 'emocrowd-langchain'
      ? () => viaEmocrowd('langchain')
      : client === 'ollama'
      ? viaOllama
      : client === 'langchain'
        ? viaLangChain
        : client === 'chatollama-per-call'
          ? viaChatOllamaPerCall
          : undefined;
if (!run) {
  process.stderr.write(`unknown client "${client}"\n`);
  process.exit(2);
}
const result = await measure(run);
if (result.done !== requests) process.stderr.write(`warning: ${result.done} of ${requests} requests answered\n`);
process.stdout.write(
  `${JSON.stringify({
    client,
    requests,
    answered: result.done,
    concurrency,
    wallMs: Math.round(result.wallMs),
    cpuMs: Math.round(result.cpuMs),
    perSecond: Math.round((requests / result.wallMs) * 1000),
  })}\n`,
);
