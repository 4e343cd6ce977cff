import { openAiError, sendJson } from './httpIo.js';
import type { RouteHandler, RouteRequest } from './TestServerContext.js';

/** Purposes the OpenAI Files API accepts on upload. */
const PURPOSES = new Set(['batch', 'fine-tune', 'assistants', 'vision', 'user_data', 'evals']);

/** POST /v1/files: a multipart/form-data upload with `purpose` and `file`. */
export const uploadFile: RouteHandler = async (r) => {
  const { req, res, raw, state } = r;
  const contentType = String(req.headers['content-type'] ?? '');
  if (!contentType.startsWith('multipart/form-data'))
    return sendJson(
      res,
      415,
      openAiError(415, 'Expected a multipart/form-data body with "purpose" and "file".'),
    );
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
  } catch {
    return sendJson(res, 400, openAiError(400, 'The multipart body could not be read.'));
  }
  const purpose = form.get('purpose');
  const file = form.get('file');
  if (typeof purpose !== 'string' || !PURPOSES.has(purpose))
    return sendJson(res, 400, openAiError(400, `'purpose' must be one of ${[...PURPOSES].join(', ')}.`));
  if (file === null || typeof file === 'string')
    return sendJson(res, 400, openAiError(400, "Missing required parameter: 'file'."));
  const content = Buffer.from(await file.arrayBuffer());
  r.record.body = { purpose, filename: file.name, bytes: content.length };
  sendJson(res, 200, state.batches.addFile(file.name || 'upload.jsonl', purpose, content));
};

/** GET /v1/files: newest first; `purpose`, `limit` (default 10,000) and `after` as the API reads them. */
export const listFiles: RouteHandler = ({ req, res, state }) => {
  const query = queryOf(req.url);
  const purpose = query.get('purpose');
  const all = [...state.batches.files.values()]
    .map((f) => f.meta)
    .filter((f) => !purpose || f.purpose === purpose)
    .reverse();
  sendJson(res, 200, page(all, query, 10_000));
};

/** GET /v1/files/{id}. */
export const getFile: RouteHandler = (r) => {
  const stored = fileOf(r);
  if (stored) sendJson(r.res, 200, stored.meta);
};

/** GET /v1/files/{id}/content: the bytes as uploaded or written by a batch. */
export const getFileContent: RouteHandler = (r) => {
  const stored = fileOf(r);
  if (!stored) return;
  r.res
    .writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': stored.content.length })
    .end(stored.content);
};

/** DELETE /v1/files/{id}. */
export const deleteFile: RouteHandler = (r) => {
  const stored = fileOf(r);
  if (!stored) return;
  r.state.batches.files.delete(stored.meta.id);
  sendJson(r.res, 200, { id: stored.meta.id, object: 'file', deleted: true });
};

function fileOf({ res, params, state }: RouteRequest) {
  const id = params[0] ?? '';
  const stored = state.batches.files.get(id);
  if (!stored)
    sendJson(res, 404, {
      error: {
        message: `No such File object: ${id}`,
        type: 'invalid_request_error',
        param: 'id',
        code: null,
      },
    });
  return stored;
}

/** The query of a request URL. */
export function queryOf(url: string | undefined): URLSearchParams {
  return new URL(url ?? '/', 'http://localhost').searchParams;
}

/** One page of a newest-first list, as the OpenAI list endpoints answer (`after`, `limit`). */
export function page<T extends { id: string }>(all: T[], query: URLSearchParams, maxLimit: number): unknown {
  const after = query.get('after');
  const start = after ? all.findIndex((x) => x.id === after) + 1 : 0;
  const limit = Math.min(maxLimit, Math.max(1, Number(query.get('limit') ?? maxLimit) || maxLimit));
  const data = all.slice(start, start + limit);
  return {
    object: 'list',
    data,
    first_id: data[0]?.id ?? null,
    last_id: data[data.length - 1]?.id ?? null,
    has_more: start + limit < all.length,
  };
}
