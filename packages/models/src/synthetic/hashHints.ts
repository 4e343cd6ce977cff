import type { SimulationHints } from '../ModelBackend.js';
import { hashString } from '../Rng.js';

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
const MISSING = 0x5bd1e995;

function mixWord(h: number, word: number): number {
  h = Math.imul(h ^ word, 0x9e3779b1);
  return (h ^ (h >>> 15)) >>> 0;
}

function mixNumber(h: number, value: number | undefined): number {
  if (value === undefined) return mixWord(h, MISSING);
  scratch[0] = value;
  return mixWord(mixWord(h, words[0] as number), words[1] as number);
}

/**
 * A 32-bit seed derived from a call's seed, replicate index and simulation hints.
 *
 * The synthetic model must answer the same way for the same (seed, replicate, hints) and
 * differently when any of them changes. Numbers are mixed in through their exact IEEE-754 bits
 * (a shared Float64Array view, no allocation) and strings through FNV-1a, never through
 * `JSON.stringify`: this runs once per simulated answer, a million times in the benchmark.
 *
 * @param hints - the request's simulation hints
 * @param seed - the request's `options.seed` (0 when absent)
 * @param replicate - the request's replicate index (0 when absent)
 * @returns an unsigned 32-bit seed for `createRng`
 */
export function hashHints(hints: SimulationHints, seed: number, replicate: number): number {
  let h = mixNumber(0x811c9dc5, seed);
  h = mixNumber(h, replicate);
  h = mixNumber(h, hints.truth);
  h = mixWord(h, hashString(hints.unit));
  h = mixNumber(h, hints.familiarity);
  h = mixNumber(h, hints.numeracy);
  h = mixNumber(h, hints.socialAnchor);
  h = mixNumber(h, hints.previousEstimate);
  const emotion = hints.emotion;
  if (emotion === undefined) h = mixWord(h, MISSING);
  else {
    h = mixWord(h, hashString(emotion.label));
    h = mixNumber(h, emotion.valence);
    h = mixNumber(h, emotion.arousal);
    h = mixNumber(h, emotion.intensity);
  }
  const confusable = hints.confusableUnit;
  if (confusable === undefined) h = mixWord(h, MISSING);
  else {
    h = mixWord(h, hashString(confusable.unit));
    h = mixNumber(h, confusable.factor);
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
