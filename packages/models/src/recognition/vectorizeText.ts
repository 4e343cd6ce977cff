import { extractFeatures, type TextFeatureConfig } from './textFeatures.js';

/** A sparse feature vector: column indices and values. */
export interface SparseVector {
  indices: number[];
  values: number[];
}

/**
 * Turns a comment into the classifier's tf-idf vector.
 *
 * Each known feature gets (1 + ln tf) * idf (sublinear tf, Manning, Raghavan & Schütze 2008,
 * §6.4.1); then word and character families are L2-normalised separately, so a long comment
 * and a short one weigh alike and neither family swamps the other. Unknown features are
 * ignored; indices come out in ascending order.
 *
 * @param text - the comment
 * @param index - feature string -> column
 * @param idf - idf per column
 * @param config - featuriser settings the vocabulary was built with
 * @returns the sparse vector
 */
export function vectorizeText(
  text: string,
  index: ReadonlyMap<string, number>,
  idf: ArrayLike<number>,
  config: TextFeatureConfig,
): SparseVector {
  const entries: Array<[number, number, boolean]> = [];
  let wordNorm = 0;
  let charNorm = 0;
  for (const [feature, tf] of extractFeatures(text, config)) {
    const col = index.get(feature);
    if (col === undefined) continue;
    const v = (1 + Math.log(tf)) * (idf[col] as number);
    const isChar = feature.startsWith('c:');
    if (isChar) charNorm += v * v;
    else wordNorm += v * v;
    entries.push([col, v, isChar]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  const w = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) : 0;
  const c = charNorm > 0 ? 1 / Math.sqrt(charNorm) : 0;
  return { indices: entries.map((e) => e[0]), values: entries.map((e) => e[1] * (e[2] ? c : w)) };
}
