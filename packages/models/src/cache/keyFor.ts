import { createHash } from 'node:crypto';
import type { ModelInfo, ModelRequest } from '../ModelBackend.js';
import { canonicalJson } from './canonicalJson.js';

/** Bumped when the key's ingredients change, so old entries are never served for new keys. */
const KEY_VERSION = 1;

/**
 * The response-cache key of a request: the SHA-256 (hex) of the canonical JSON of everything
 * that can change the answer — backend, model, model digest (when the server reports one),
 * messages, options (sorted keys; includes the seed), schema, replicate and simulation hints.
 * The signal and the host are not part of it, so the same question asked through any endpoint
 * of a pool hits the same entry. A missing `replicate` counts as 0 and missing options as `{}`.
 *
 * @param request the request
 * @param info the answering backend's `info()`
 * @returns 64 hex characters
 */
export function keyFor(request: ModelRequest, info: ModelInfo): string {
  const ingredients = {
    v: KEY_VERSION,
    backend: info.backend,
    model: info.model,
    digest: info.digest,
    messages: request.messages.map(({ role, content }) => ({ role, content })),
    options: request.options ?? {},
    schema: request.schema,
    replicate: request.replicate ?? 0,
    hints: request.hints,
  };
  return createHash('sha256').update(canonicalJson(ingredients)).digest('hex');
}
