import type { CrowdSample } from './CrowdSample.js';

/**
 * A sub-crowd grown judge by judge in a given order, read as a `CrowdSample` at any size: what
 * `subsetSample(sample, order.subarray(0, k))` gives, without copying the first k judges again
 * for every k.
 *
 * The subset analysis recomputes strategies without an incremental form on every prefix of a
 * permutation; with sizes up to 20,000 that was a fresh copy per size and permutation. Here each
 * judge is appended once per permutation. The arrays are reused: a sample read with `sample()`
 * is valid until the next `extend` or `clear`, so a strategy must not keep it.
 *
 * @example
 * const sub = new GrowingSubset(sample);
 * sub.extend(order, 0, 10); strategy.aggregate(sub.sample()); // the first 10 judges of `order`
 * sub.extend(order, 10, 25); strategy.aggregate(sub.sample()); // the first 25
 */
export class GrowingSubset {
  private readonly source: CrowdSample;
  private readonly values: number[] = [];
  private readonly confidence: (number | undefined)[] | undefined;
  private readonly cue: (number | undefined)[] | undefined;
  private readonly groups: [string, readonly string[], string[]][];

  /** @param sample the whole crowd; only the fields it has are carried. */
  constructor(sample: CrowdSample) {
    this.source = sample;
    this.confidence = sample.confidence ? [] : undefined;
    this.cue = sample.cue ? [] : undefined;
    this.groups = Object.entries(sample.groups ?? {}).map(([dimension, labels]) => [dimension, labels, []]);
  }

  /** Empties the subset. */
  clear(): void {
    this.values.length = 0;
    if (this.confidence) this.confidence.length = 0;
    if (this.cue) this.cue.length = 0;
    for (const [, , labels] of this.groups) labels.length = 0;
  }

  /** Appends the judges `order[from..to)`. */
  extend(order: ArrayLike<number>, from: number, to: number): void {
    const { source, values, confidence, cue } = this;
    for (let t = from; t < to; t++) {
      const i = order[t] as number;
      values.push(source.values[i] as number);
      if (confidence) confidence.push(source.confidence?.[i]);
      if (cue) cue.push(source.cue?.[i]);
    }
    for (const [, all, labels] of this.groups)
      for (let t = from; t < to; t++) labels.push(all[order[t] as number] as string);
  }

  /** The judges appended since the last `clear()`, in order. */
  sample(): CrowdSample {
    return {
      values: this.values,
      ...(this.confidence ? { confidence: this.confidence } : {}),
      ...(this.source.groups
        ? { groups: Object.fromEntries(this.groups.map(([dimension, , labels]) => [dimension, labels])) }
        : {}),
      ...(this.cue ? { cue: this.cue } : {}),
    };
  }
}
