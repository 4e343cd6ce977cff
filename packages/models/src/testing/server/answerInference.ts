import type { OllamaTestServerPrompt } from '../OllamaTestServerAnswer.js';
import { buildAnswer } from './buildAnswer.js';
import { openAiError, sendJson, wait } from './httpIo.js';
import { fullName } from './ModelStore.js';
import type { RouteRequest } from './TestServerContext.js';
import { toPrompt } from './toPrompt.js';
import { writeStream, writeWhole } from './writeAnswer.js';

export const BUSY = 'server busy, please try again.  maximum pending requests exceeded';
export const RUNNER_DIED = 'llama runner process has terminated: exit status 2';

/**
 * Answers an inference request (POST /api/chat, /api/generate, /v1/chat/completions): the model
 * must exist; beyond `maxPending` requests in flight the answer is 503 busy; then the fault plan
 * draws this request's fault and latency, `respond` writes the text, `num_predict` truncates it
 * (`done_reason: "length"`), and the answer is streamed or sent whole as the body asks.
 * An empty /api/chat or /api/generate only loads (or, with keep_alive 0, unloads) the model.
 *
 * @param r the request
 * @param endpoint which API it came through
 */
export async function answerInference(
  r: RouteRequest,
  endpoint: OllamaTestServerPrompt['endpoint'],
): Promise<void> {
  const { res, body: b, state } = r;
  const openai = endpoint === 'openai';
  const fail = (status: number, message: string) =>
    sendJson(res, status, openai ? openAiError(status, message) : { error: message });
  const name = typeof b.model === 'string' ? b.model : '';
  if (!name) return fail(400, 'model is required');
  const model = state.store.find(name);
  if (!model) return fail(404, `model ${JSON.stringify(fullName(name))} not found, try pulling it first`);
  if (state.maxPending !== undefined && state.pending >= state.maxPending) return fail(503, BUSY);

  state.pending++;
  const gone = new AbortController();
  res.on('close', () => gone.abort());
  try {
    const fault = state.plan.next();
    const delay = state.plan.latency({ path: r.path, body: b });
    if (delay > 0 && !(await wait(delay, gone.signal, state.closing))) return;
    if (fault === 'busy') return fail(503, BUSY);
    if (fault === 'server-error') return fail(500, RUNNER_DIED);
    if (fault === 'hang') {
      await wait(Number.POSITIVE_INFINITY, gone.signal, state.closing);
      return;
    }
    const prompt = toPrompt(endpoint, name, b);
    const keepAlive = openai ? undefined : b.keep_alive;
    if (endpoint !== 'openai' && prompt.messages.length === 0) return loadOnly(r, endpoint, name, keepAlive);
    const answer = await buildAnswer(prompt, state);
    state.store.markLoaded(model.name, keepAlive);
    const stream = openai ? b.stream === true : b.stream !== false;
    if (stream) await writeStream(r.req, res, answer, fault);
    else writeWhole(res, answer, fault);
  } finally {
    state.pending--;
  }
}

/** An empty chat/generate: load the model (or unload it with keep_alive 0) and say so. */
function loadOnly(r: RouteRequest, endpoint: 'chat' | 'generate', name: string, keepAlive: unknown): void {
  const store = r.state.store;
  const unload = keepAlive === 0 || keepAlive === '0' || keepAlive === '0s';
  const m = store.find(name);
  if (m) {
    if (unload) store.loaded.delete(m.name);
    else store.markLoaded(m.name, keepAlive);
  }
  const base = { model: name, created_at: new Date().toISOString() };
  const body =
    endpoint === 'chat'
      ? { ...base, message: { role: 'assistant', content: '' } }
      : { ...base, response: '' };
  sendJson(r.res, 200, { ...body, done_reason: unload ? 'unload' : 'load', done: true });
}
