/**
 * Why a run directory cannot be used as asked:
 * - `exists`: it already holds a run (a new run would mix two runs' answers);
 * - `not-empty`: it holds other files and no run (they would be mixed with a run's);
 * - `no-run`: there is no run to continue (no run.json);
 * - `unreadable`: its run.json or responses.jsonl is damaged;
 * - `different`: the run it holds is not the run asked for (its descriptor differs).
 */
export type RunStoreErrorKind = 'exists' | 'not-empty' | 'no-run' | 'unreadable' | 'different';

/**
 * A refused use of a run directory. The message says what is wrong with the directory; the
 * caller (the command line, the server) adds how to fix it in its own terms (which flag).
 */
export class RunStoreError extends Error {
  override readonly name = 'RunStoreError';
  readonly kind: RunStoreErrorKind;
  /** The run directory. */
  readonly dir: string;

  /**
   * @param kind why the directory is refused.
   * @param dir the run directory.
   * @param message one line naming the directory and what is wrong.
   */
  constructor(kind: RunStoreErrorKind, dir: string, message: string) {
    super(message);
    this.kind = kind;
    this.dir = dir;
  }
}
