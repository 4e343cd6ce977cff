/** The calls waiting on each signal, behind one 'abort' listener per signal. */
const waiting = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Calls `fire` once when `signal` aborts, until the returned function is called.
 *
 * Intuition: every call of a crowd waits on the run's one stop signal. An `AbortSignal` keeps
 * its listeners in a list that `addEventListener` and `removeEventListener` walk, so with C calls
 * in flight each call paid O(C) twice; here the signal has one listener and each call costs a
 * set insertion and deletion.
 * Behaviour:
 * 1. `fire` runs at most once, when the signal aborts, in the order the calls registered, unless
 *    the returned function was called first.
 * 2. Registering on a signal that has already aborted never fires: check `signal.aborted` first.
 *
 * @param signal the signal to wait on
 * @param fire what to do when it aborts
 * @returns stops waiting (call it when the call ends)
 * @example
 * const stopWaiting = onAbort(signal, () => request.destroy());
 * try { await send(); } finally { stopWaiting(); }
 */
export function onAbort(signal: AbortSignal, fire: () => void): () => void {
  let calls = waiting.get(signal);
  if (calls === undefined) {
    const registered = new Set<() => void>();
    signal.addEventListener(
      'abort',
      () => {
        const now = [...registered];
        registered.clear();
        for (const call of now) call();
      },
      { once: true },
    );
    waiting.set(signal, registered);
    calls = registered;
  }
  const own = calls;
  own.add(fire);
  return () => {
    own.delete(fire);
  };
}
