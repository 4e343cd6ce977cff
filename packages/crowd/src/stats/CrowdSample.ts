/**
 * A crowd's answers to one numeric question, with optional per-judge side information.
 *
 * The one input type of every statistic, strategy and metric in `@emocrowd/crowd`: a plain
 * record of aligned arrays (index i is judge i everywhere), so it serialises as JSON and can be
 * sliced into subsets without copying objects.
 *
 * - `values`: the estimates in the task's unit; finite numbers (see `checkSample`).
 * - `confidence`: self-reported confidence on any non-negative scale (0-1, a 1-6 rating, 0-100),
 *   aligned with `values`; `undefined` = not given. Only ratios of confidences matter.
 * - `groups`: labels per dimension, aligned with `values`, e.g.
 *   `{ emotion: ['joy', 'fear', ...], plutchik: [...], ageGroup: [...] }`.
 * - `cue`: a cue to each judge's ability measured on *other* items, lower = better (for example
 *   the absolute log error on a calibration question); `undefined` = not measured.
 */
export interface CrowdSample {
  readonly values: readonly number[];
  readonly confidence?: readonly (number | undefined)[];
  readonly groups?: Readonly<Record<string, readonly string[]>>;
  readonly cue?: readonly (number | undefined)[];
}
