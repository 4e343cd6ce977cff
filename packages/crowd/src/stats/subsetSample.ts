import type { CrowdSample } from './CrowdSample.js';

/**
 * The sub-crowd made of the judges at `indices`, with every side array sliced the same way.
 *
 * Subset analysis and group breakdowns hand strategies a smaller crowd; slicing all aligned arrays
 * together keeps confidences, group labels and cues attached to the right estimate.
 *
 * @param sample the full crowd.
 * @param indices judge indices to keep, in the order wanted (duplicates allowed, e.g. a bootstrap).
 * @returns a new `CrowdSample` of `indices.length` judges.
 */
export function subsetSample(sample: CrowdSample, indices: ArrayLike<number>): CrowdSample {
  const pick = <T>(source: readonly T[]): T[] => {
    const out = new Array<T>(indices.length);
    for (let i = 0; i < indices.length; i++) out[i] = source[indices[i] as number] as T;
    return out;
  };
  const result: {
    values: number[];
    confidence?: (number | undefined)[];
    groups?: Record<string, string[]>;
    cue?: (number | undefined)[];
  } = { values: pick(sample.values) };
  if (sample.confidence) result.confidence = pick(sample.confidence);
  if (sample.cue) result.cue = pick(sample.cue);
  if (sample.groups) {
    const groups: Record<string, string[]> = {};
    for (const [dimension, labels] of Object.entries(sample.groups)) groups[dimension] = pick(labels);
    result.groups = groups;
  }
  return result;
}
