import type { CrowdSample } from './CrowdSample.js';
import { recordSubsetOrigin } from './sortedValues.js';

/**
 * The sub-crowd made of the judges at `indices`, with every side array sliced the same way.
 *
 * Subset analysis and group breakdowns hand strategies a smaller crowd; slicing all aligned arrays
 * together keeps confidences, group labels and cues attached to the right estimate.
 *
 * @param sample the full crowd.
 * @param indices judge indices to keep, in the order wanted (duplicates allowed, e.g. a bootstrap).
 * The side arrays are sliced when first read (most strategies read only the values), and the
 * values remember where they came from, so `sortedValues` sorts them by counting.
 *
 * @returns a new `CrowdSample` of `indices.length` judges.
 */
export function subsetSample(sample: CrowdSample, indices: ArrayLike<number>): CrowdSample {
  const picked = Int32Array.from(indices);
  const pick = <T>(source: readonly T[]): T[] => {
    const out = new Array<T>(picked.length);
    for (let i = 0; i < picked.length; i++) out[i] = source[picked[i] as number] as T;
    return out;
  };
  const values = pick(sample.values);
  recordSubsetOrigin(values, sample.values, picked);
  const result: CrowdSample = { values };
  const { confidence, cue, groups } = sample;
  if (confidence) lazy(result, 'confidence', () => pick(confidence));
  if (cue) lazy(result, 'cue', () => pick(cue));
  if (groups)
    lazy(result, 'groups', () => {
      const out: Record<string, string[]> = {};
      for (const [dimension, labels] of Object.entries(groups)) out[dimension] = pick(labels);
      return out;
    });
  return result;
}

/** Defines `key` as an enumerable property computed on first read: most strategies read only the values. */
function lazy<K extends keyof CrowdSample>(target: CrowdSample, key: K, make: () => CrowdSample[K]): void {
  let value: CrowdSample[K] | undefined;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      value ??= make();
      return value;
    },
  });
}
