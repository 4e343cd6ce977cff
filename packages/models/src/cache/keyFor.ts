import { createHash } from 'node:crypto';
import type { ModelInfo, ModelRequest } from '../ModelBackend.js';
import { canonicalJson } from './canonicalJson.js';

/**
 * The response-cache key of a request: the SHA-256 (hex) of the canonical JSON of everything
 * that can change the answer.
 *
 * For a language model that is what the model receives: backend, model, model digest (when the
 * server reports one), messages, options (sorted keys; includes the seed), schema and replicate.
 * The simulation hints are not part of it: a real model never sees them, so changing the
 * synthetic model's parameters (which changes the hints the agent computes) must not re-ask, and
 * pay for, every cached real answer. For a simulated model (`isLanguageModel: false`) the hints
 * are its input, so they are part of the key.
 *
 * The signal and the host are not part of it, so the same question asked through any endpoint
 * of a pool hits the same entry. A missing `replicate` counts as 0 and missing options as `{}`.
 * Caches written before the hints left language models' keys hold those answers under
 * `legacyKeyFor`; `withCache` still serves them (it copies such an entry to the new key).
 *
 * @param request the request
 * @param info the answering backend's `info()`
 * @returns 64 hex characters
 */
export function keyFor(request: ModelRequest, info: ModelInfo): string {
  if (!info.isLanguageModel) return legacyKeyFor(request, info);
  return hash({ v: 2, ...received(request, info) });
}

/**
 * The key the cache used before simulation hints left language models' keys (version 1: what
 * the model receives plus the hints, for every backend). For a simulated model it is still its
 * key; for a language model `withCache` looks it up when the current key has no entry, so cache
 * files written by earlier versions keep answering.
 *
 * @param request the request
 * @param info the answering backend's `info()`
 * @returns 64 hex characters
 */
export function legacyKeyFor(request: ModelRequest, info: ModelInfo): string {
  return hash({ v: 1, ...received(request, info), hints: request.hints });
}

/** What the model receives of a request, and which model it is. */
function received(request: ModelRequest, info: ModelInfo): Record<string, unknown> {
  return {
    backend: info.backend,
    model: info.model,
    digest: info.digest,
    messages: request.messages.map(({ role, content }) => ({ role, content })),
    options: request.options ?? {},
    schema: request.schema,
    replicate: request.replicate ?? 0,
  };
}

function hash(ingredients: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson(ingredients)).digest('hex');
}
