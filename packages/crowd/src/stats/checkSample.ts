import type { CrowdSample } from './CrowdSample.js';

/**
 * Checks that a `CrowdSample` is well formed and throws a `RangeError` naming the first problem.
 *
 * Statistics here assume finite estimates and aligned side arrays; a misaligned `groups` array
 * would silently attribute answers to the wrong persona, so it is better to fail loudly at the edge.
 *
 * Behaviour: every value must be finite; `confidence`, `cue` and each `groups` dimension must have
 * exactly `values.length` entries; given confidences must be finite and non-negative (weights on
 * any scale: 0-1, a 1-6 rating, 0-100); given cues must be finite.
 *
 * @param sample the sample to check.
 * @returns the same sample, for chaining.
 */
export function checkSample(sample: CrowdSample): CrowdSample {
  const n = sample.values.length;
  sample.values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new RangeError(`values[${i}] is not a finite number (${v})`);
  });
  if (sample.confidence) {
    if (sample.confidence.length !== n)
      throw new RangeError(`confidence has ${sample.confidence.length} entries, values has ${n}`);
    sample.confidence.forEach((c, i) => {
      if (c !== undefined && !(c >= 0 && Number.isFinite(c)))
        throw new RangeError(
          `confidence[${i}] is ${c}: confidences are weights, finite and >= 0 on any scale (0-1, 1-6, 0-100)`,
        );
    });
  }
  if (sample.cue) {
    if (sample.cue.length !== n)
      throw new RangeError(`cue has ${sample.cue.length} entries, values has ${n}`);
    sample.cue.forEach((c, i) => {
      if (c !== undefined && !Number.isFinite(c)) throw new RangeError(`cue[${i}] is not finite (${c})`);
    });
  }
  for (const [dimension, labels] of Object.entries(sample.groups ?? {})) {
    if (labels.length !== n)
      throw new RangeError(`groups.${dimension} has ${labels.length} entries, values has ${n}`);
  }
  return sample;
}
