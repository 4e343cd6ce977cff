import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeClassifierModel } from './classifierModelFile.js';
import { createEmotionClassifier, type EmotionClassifier } from './createEmotionClassifier.js';

/**
 * Where the shipped classifier lives: `assets/` at the package root, two levels above this
 * module both in `src/recognition/` (tests, tsx) and in `dist/recognition/` (the built package).
 */
export const BUILTIN_CLASSIFIER_URL = new URL('../../assets/emotion-classifier.bin.gz', import.meta.url);

let builtin: EmotionClassifier | undefined;

/**
 * Loads the built-in GoEmotions emotion classifier (tf-idf word and character n-grams,
 * one-vs-rest logistic regression with dev-tuned thresholds, heads for the GoEmotions, Ekman
 * and sentiment levels; see `trainEmotionClassifier` and `scripts/trainEmotionClassifier.ts`).
 *
 * It needs no model server, so `emocrowd eval emotions --model builtin` gives a fast,
 * reproducible reference point for LLM recognition scores. The built-in file is read and
 * decoded once (well under a second) and then shared; a `path` loads another file written by
 * `encodeClassifierModel`, uncached.
 *
 * @example
 * const classifier = loadBuiltinClassifier();
 * classifier.predict('Thank you so much, this made my day!'); // { labels: ['gratitude', ...], scores: [...] }
 * classifier.predict('Thank you so much!', 'sentiment');     // { labels: ['positive'], scores: [...] }
 *
 * @param path - another classifier file to load instead of the built-in one
 * @returns the classifier
 */
export function loadBuiltinClassifier(path?: string): EmotionClassifier {
  if (path !== undefined) return createEmotionClassifier(decodeClassifierModel(readFileSync(path)));
  builtin ??= createEmotionClassifier(
    decodeClassifierModel(readFileSync(fileURLToPath(BUILTIN_CLASSIFIER_URL))),
  );
  return builtin;
}
