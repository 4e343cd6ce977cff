import type { ModelBackend } from '../ModelBackend.js';

/**
 * The parts of a wrapped backend a wrapper passes through unchanged: `info`, and `ready` /
 * `close` when the inner backend has them (shared by every wrapper).
 *
 * @param inner the wrapped backend
 * @returns `info`, and `ready` / `close` bound to `inner` when present
 */
export function forwardLifecycle(inner: ModelBackend): Pick<ModelBackend, 'info' | 'ready' | 'close'> {
  const forwarded: Pick<ModelBackend, 'info' | 'ready' | 'close'> = { info: () => inner.info() };
  if (inner.ready) forwarded.ready = () => inner.ready?.() ?? Promise.resolve();
  if (inner.close) forwarded.close = () => inner.close?.() ?? Promise.resolve();
  return forwarded;
}
