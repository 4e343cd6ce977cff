import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OllamaTestServerPrompt } from '../OllamaTestServerAnswer.js';
import type { OllamaFaultKind } from '../OllamaTestServerFaults.js';
import { flush, hashCode } from './httpIo.js';

/** An answer ready to be written: its tokens and counts, in whichever API it was asked. */
export interface Answer {
  endpoint: OllamaTestServerPrompt['endpoint'];
  model: string;
  tokens: string[];
  doneReason: 'stop' | 'length';
  promptTokens: number;
  /** OpenAI streaming: `stream_options.include_usage`. */
  includeUsage: boolean;
}

/**
 * Streams an answer: NDJSON chunks ending in Ollama's `done: true` statistics, or OpenAI
 * server-sent events ending in `[DONE]`; one token per event-loop turn, as a model would.
 * The `reset` and `truncate` faults strike halfway through.
 */
export async function writeStream(
  req: IncomingMessage,
  res: ServerResponse,
  a: Answer,
  fault: OllamaFaultKind | undefined,
): Promise<void> {
  const openai = a.endpoint === 'openai';
  res.writeHead(
    200,
    openai
      ? { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' }
      : { 'Content-Type': 'application/x-ndjson' },
  );
  const lines = openai ? openAiEvents(a) : ollamaLines(a);
  const cut = Math.max(1, Math.floor(lines.length / 2));
  for (let i = 0; i < lines.length; i++) {
    if (i === cut && fault === 'reset') {
      await flush(res);
      req.socket.resetAndDestroy();
      return;
    }
    if (i === cut && fault === 'truncate') {
      const line = lines[i] ?? '';
      res.end(line.slice(0, Math.max(1, Math.floor(line.length / 2))));
      return;
    }
    res.write(lines[i]);
    // Let the client see separate chunks, as a real model streaming token by token.
    await new Promise((r) => setImmediate(r));
  }
  res.end();
}

/** Writes a whole (non-streaming) answer; `truncate` and `reset` cut it halfway. */
export function writeWhole(res: ServerResponse, a: Answer, fault: OllamaFaultKind | undefined): void {
  const json = JSON.stringify(a.endpoint === 'openai' ? openAiCompletion(a) : ollamaWhole(a));
  if (fault === 'truncate') {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(json.slice(0, Math.floor(json.length / 2)));
    return;
  }
  if (fault === 'reset') {
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(json),
    });
    res.write(json.slice(0, Math.floor(json.length / 2)), () => res.socket?.resetAndDestroy());
    return;
  }
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end(json);
}

function ollamaLines(a: Answer): string[] {
  const created = new Date();
  const base = { model: a.model, created_at: created.toISOString() };
  const lines = a.tokens.map(
    (token) =>
      `${JSON.stringify(
        a.endpoint === 'chat'
          ? { ...base, message: { role: 'assistant', content: token }, done: false }
          : { ...base, response: token, done: false },
      )}\n`,
  );
  lines.push(`${JSON.stringify(ollamaFinal(a, created))}\n`);
  return lines;
}

function ollamaWhole(a: Answer): unknown {
  const final = ollamaFinal(a, new Date()) as Record<string, unknown>;
  const text = a.tokens.join('');
  return a.endpoint === 'chat'
    ? { ...final, message: { role: 'assistant', content: text } }
    : { ...final, response: text };
}

/** Ollama's last chunk: `done: true` with its timing and token statistics. */
function ollamaFinal(a: Answer, created: Date): unknown {
  const evalCount = a.tokens.length;
  const stats = {
    done: true,
    done_reason: a.doneReason,
    total_duration: 5_000_000 + evalCount * 10_000_000 + a.promptTokens * 1_000_000,
    load_duration: 2_000_000,
    prompt_eval_count: a.promptTokens,
    prompt_eval_duration: a.promptTokens * 1_000_000,
    eval_count: evalCount,
    eval_duration: evalCount * 10_000_000,
  };
  const base = { model: a.model, created_at: created.toISOString() };
  if (a.endpoint === 'chat') return { ...base, message: { role: 'assistant', content: '' }, ...stats };
  return { ...base, response: '', ...stats, context: a.tokens.map((t) => Math.abs(hashCode(t)) % 128_000) };
}

function openAiEvents(a: Answer): string[] {
  const id = `chatcmpl-${Math.abs(hashCode(a.tokens.join(''))) % 1000}`;
  const created = new Date();
  const chunk = (delta: Record<string, unknown>, finish: string | null) =>
    sse(openAiChunk(id, a.model, created, delta, finish));
  const lines = a.tokens.map((token, i) =>
    chunk({ ...(i === 0 ? { role: 'assistant' } : {}), content: token }, null),
  );
  if (a.tokens.length === 0) lines.push(chunk({ role: 'assistant', content: '' }, null));
  lines.push(chunk({ role: 'assistant', content: '' }, a.doneReason));
  if (a.includeUsage)
    lines.push(sse({ ...openAiChunk(id, a.model, created, {}, null), choices: [], usage: usageOf(a) }));
  lines.push('data: [DONE]\n\n');
  return lines;
}

/** The body of a whole (non-streaming) OpenAI chat completion. */
export function openAiCompletion(a: Answer): unknown {
  const text = a.tokens.join('');
  return {
    id: `chatcmpl-${Math.abs(hashCode(text)) % 1000}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: a.model,
    system_fingerprint: 'fp_ollama',
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: a.doneReason }],
    usage: usageOf(a),
  };
}

function usageOf(a: Answer): { prompt_tokens: number; completion_tokens: number; total_tokens: number } {
  return {
    prompt_tokens: a.promptTokens,
    completion_tokens: a.tokens.length,
    total_tokens: a.promptTokens + a.tokens.length,
  };
}

function openAiChunk(
  id: string,
  model: string,
  created: Date,
  delta: Record<string, unknown>,
  finish: string | null,
): Record<string, unknown> {
  return {
    id,
    object: 'chat.completion.chunk',
    created: Math.floor(created.getTime() / 1000),
    model,
    system_fingerprint: 'fp_ollama',
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
}

function sse(data: unknown): string {
  return `data: ${JSON.stringify(data)}\n\n`;
}
