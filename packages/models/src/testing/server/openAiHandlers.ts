import { answerInference } from './answerInference.js';
import { sendJson } from './httpIo.js';
import type { RouteHandler } from './TestServerContext.js';

/** POST /v1/chat/completions: streaming (server-sent events) or whole, as Ollama's /v1 answers. */
export const chatCompletions: RouteHandler = (r) => answerInference(r, 'openai');

/** GET /v1/models: the models, in the OpenAI list format. */
export const models: RouteHandler = ({ res, state }) =>
  sendJson(res, 200, {
    object: 'list',
    data: [...state.store.models.values()].map((m) => ({
      id: m.name,
      object: 'model',
      created: Math.floor(Date.parse(m.modifiedAt) / 1000),
      owned_by: 'library',
    })),
  });
