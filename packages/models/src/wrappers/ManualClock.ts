import type { Clock } from './Clock.js';
import { abortedError } from './Clock.js';

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

/** Lets every pending promise continuation run (several macrotask turns). */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * A clock that only moves when a test moves it: deterministic tests for back-off, timeouts and
 * cool-downs without waiting for real time (the idea of RxJS's `TestScheduler` and of
 * `vi.useFakeTimers`, applied to an injected clock instead of patched globals).
 *
 * 1. `now()` starts at `start` and changes only through `advance` / `runAll`.
 * 2. `sleep(ms)` records `ms` in `sleeps` and resolves when the clock reaches its deadline;
 *    an abort rejects it at once with `ModelError('aborted')`.
 * 3. `setTimer(ms, fire)` is the same without a promise: `fire` runs at the deadline unless
 *    the returned function cancelled it first (not recorded in `sleeps`).
 * 4. `advance(ms)` fires due timers in deadline order (ties: creation order), letting promise
 *    continuations run after each, so timers created by those continuations fire too if due.
 *
 * @example
 * const clock = new ManualClock();
 * const done = clock.sleep(100);
 * await clock.advance(100); // `done` resolves
 */
export class ManualClock implements Clock {
  /** Every duration passed to `sleep`, in call order. */
  readonly sleeps: number[] = [];
  #now: number;
  #seq = 0;
  #timers: Timer[] = [];

  /** @param start the initial time in milliseconds */
  constructor(start = 0) {
    this.#now = start;
  }

  /** @returns the current fake time */
  now = (): number => this.#now;

  /** Pending (not yet fired, not aborted) timers. */
  get pending(): number {
    return this.#timers.length;
  }

  /**
   * A fake wait; see the class doc.
   * @param ms duration
   * @param signal cancels the wait
   * @returns resolves when the clock reaches now + ms
   */
  sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    this.sleeps.push(ms);
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortedError(signal));
        return;
      }
      const timer: Timer = {
        at: this.#now + Math.max(0, ms),
        seq: this.#seq++,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = (): void => {
        this.#timers = this.#timers.filter((t) => t !== timer);
        reject(abortedError(signal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#timers.push(timer);
    });
  };

  /**
   * A fake timer: `fire` runs when the clock reaches now + ms, unless cancelled first.
   * @param ms duration
   * @param fire what to run
   * @returns cancels the timer
   */
  setTimer = (ms: number, fire: () => void): (() => void) => {
    const timer: Timer = { at: this.#now + Math.max(0, ms), seq: this.#seq++, resolve: fire };
    this.#timers.push(timer);
    return () => {
      this.#timers = this.#timers.filter((t) => t !== timer);
    };
  };

  /**
   * Moves time forward, firing due timers in order.
   * @param ms how far to move
   */
  async advance(ms: number): Promise<void> {
    const target = this.#now + ms;
    await settle();
    for (;;) {
      const next = this.#earliest();
      if (next === undefined || next.at > target) break;
      this.#timers = this.#timers.filter((t) => t !== next);
      this.#now = Math.max(this.#now, next.at);
      next.resolve();
      await settle();
    }
    this.#now = target;
    await settle();
  }

  /**
   * Fires timers until none is pending (each at its own deadline).
   * @param maxTimers guard against a loop that always schedules another timer
   */
  async runAll(maxTimers = 10_000): Promise<void> {
    await settle();
    for (let fired = 0; fired < maxTimers; fired++) {
      const next = this.#earliest();
      if (next === undefined) return;
      await this.advance(Math.max(0, next.at - this.#now));
    }
    throw new Error(`ManualClock.runAll: more than ${maxTimers} timers fired`);
  }

  /** Lets pending promise continuations run without moving time. */
  async flush(): Promise<void> {
    await settle();
  }

  #earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.#timers)
      if (best === undefined || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    return best;
  }
}
