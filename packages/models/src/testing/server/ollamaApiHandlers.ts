import { createHash } from 'node:crypto';
import { answerInference } from './answerInference.js';
import { isRecord, isStringMap, sendJson } from './httpIo.js';
import {
  DEFAULT_TEMPLATE,
  detailsOf,
  fullName,
  type ModelEntry,
  modelfileOf,
  sha256Hex,
  tagEntry,
} from './ModelStore.js';
import type { RouteHandler } from './TestServerContext.js';

/** GET and HEAD /: "Ollama is running". */
export const root: RouteHandler = ({ req, res }) => {
  res
    .writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
    .end(req.method === 'GET' ? 'Ollama is running' : undefined);
};

/** GET /api/version. */
export const version: RouteHandler = ({ res, state }) => sendJson(res, 200, { version: state.version });

/** GET /api/tags: the models the server has. */
export const tags: RouteHandler = ({ res, state }) =>
  sendJson(res, 200, { models: [...state.store.models.values()].map(tagEntry) });

/** GET /api/ps: the loaded models. */
export const ps: RouteHandler = ({ res, state }) => sendJson(res, 200, { models: state.store.running() });

/** POST /api/chat. */
export const chat: RouteHandler = (r) => answerInference(r, 'chat');

/** POST /api/generate. */
export const generate: RouteHandler = (r) => answerInference(r, 'generate');

/** POST /api/show: a model's Modelfile, parameters, template and details. */
export const show: RouteHandler = ({ res, body, state }) => {
  const name = String(body.model ?? body.name ?? '');
  const m = state.store.find(name);
  if (!m) return sendJson(res, 404, { error: `model '${name}' not found` });
  const params = Object.entries(m.parameters).flatMap(([k, v]) =>
    (Array.isArray(v) ? v : [v]).map(
      (x) => `${k.padEnd(30)}${typeof x === 'string' ? JSON.stringify(x) : String(x)}`,
    ),
  );
  sendJson(res, 200, {
    license: '',
    modelfile: modelfileOf(m),
    parameters: params.join('\n'),
    template: m.template,
    ...(m.system !== undefined ? { system: m.system } : {}),
    details: detailsOf(m),
    model_info: {
      'general.architecture': 'llama',
      'general.parameter_count': 1235814432,
      'llama.context_length': 131072,
    },
    capabilities: ['completion'],
    modified_at: m.modifiedAt,
  });
};

/** DELETE /api/delete. */
export const remove: RouteHandler = ({ res, body, state }) => {
  const name = String(body.model ?? body.name ?? '');
  const m = state.store.find(name);
  if (!m) return sendJson(res, 404, { error: `model '${name}' not found` });
  state.store.models.delete(m.name);
  state.store.loaded.delete(m.name);
  res.writeHead(200).end();
};

/** HEAD /api/blobs/:digest: 200 when the blob was uploaded, else 404. */
export const blobExists: RouteHandler = ({ res, params, state }) => {
  res.writeHead(state.store.blobs.has(params[0] ?? '') ? 200 : 404).end();
};

/** POST /api/blobs/:digest (raw body): stored only when its sha256 matches the digest. */
export const uploadBlob: RouteHandler = ({ res, params, raw, state }) => {
  const digest = params[0] ?? '';
  if (!/^sha256[:-][0-9a-f]{64}$/.test(digest)) return sendJson(res, 400, { error: 'invalid digest format' });
  const expected = digest.replace('sha256-', 'sha256:');
  const actual = `sha256:${createHash('sha256').update(raw).digest('hex')}`;
  if (actual !== expected)
    return sendJson(res, 400, {
      error: `digest mismatch, expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
    });
  state.store.blobs.set(expected, raw.length);
  res.writeHead(201).end();
};

/** POST /api/create: a model from a base (`from`) or uploaded blobs (`files`), streaming status lines. */
export const create: RouteHandler = ({ res, body: b, state }) => {
  const { store } = state;
  const name = typeof b.model === 'string' ? b.model : typeof b.name === 'string' ? b.name : '';
  if (!name) return sendJson(res, 400, { error: 'invalid model name' });
  const files = isStringMap(b.files) ? b.files : {};
  const adapters = isStringMap(b.adapters) ? b.adapters : {};
  const from = typeof b.from === 'string' ? b.from : undefined;
  if (!from && Object.keys(files).length === 0)
    return sendJson(res, 400, { error: "neither 'from' or 'files' was specified" });
  const base = from ? store.find(from) : undefined;
  if (from && !base)
    return sendJson(res, 404, {
      error: `model ${JSON.stringify(fullName(from))} not found, try pulling it first`,
    });
  for (const digest of [...Object.values(files), ...Object.values(adapters)]) {
    if (!store.blobs.has(digest)) return sendJson(res, 400, { error: `blob ${digest} not found` });
  }
  const statuses: string[] = [];
  if (Object.keys(files).length > 0) statuses.push('parsing GGUF');
  for (const digest of Object.values(files)) statuses.push(`using existing layer ${digest}`);
  if (base) statuses.push(`using existing layer ${base.digest}`);
  for (const digest of Object.values(adapters)) statuses.push(`using existing layer ${digest}`);
  const extras: [string, unknown][] = [
    ['template', b.template],
    ['system', b.system],
    ['params', b.parameters],
  ];
  for (const [label, value] of extras) {
    if (value !== undefined)
      statuses.push(`creating new layer sha256:${sha256Hex(`${label}:${JSON.stringify(value)}`)}`);
  }
  statuses.push('writing manifest', 'success');
  const entry: ModelEntry = {
    name: fullName(name),
    digest: sha256Hex(
      JSON.stringify({ name, from, files, adapters, b: [b.system, b.template, b.parameters] }),
    ),
    size:
      (base?.size ?? 0) +
      [...Object.values(files), ...Object.values(adapters)].reduce(
        (s, d) => s + (store.blobs.get(d) ?? 0),
        0,
      ),
    modifiedAt: new Date().toISOString(),
    template: typeof b.template === 'string' ? b.template : (base?.template ?? DEFAULT_TEMPLATE),
    parameters: { ...(base?.parameters ?? {}), ...(isRecord(b.parameters) ? b.parameters : {}) },
    adapters: Object.values(adapters),
    files: Object.values(files),
  };
  if (from) entry.from = fullName(from);
  const system = typeof b.system === 'string' ? b.system : base?.system;
  if (system !== undefined) entry.system = system;
  store.models.set(entry.name, entry);
  if (b.stream === false) return sendJson(res, 200, { status: 'success' });
  res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
  for (const status of statuses) res.write(`${JSON.stringify({ status })}\n`);
  res.end();
};
