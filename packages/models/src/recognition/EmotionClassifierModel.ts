import type { EmotionLevel } from '../goemotions/emotionLevel.js';
import type { TextFeatureConfig } from './textFeatures.js';

/** One output layer of the classifier: a one-vs-rest logistic regression over one label level. */
export interface ClassifierHead {
  level: EmotionLevel;
  /** Class names in output order (`labelsForLevel(level)`). */
  labels: string[];
  /** Feature-major weights: feature j, class k at `j * labels.length + k`. */
  weights: Float32Array;
  bias: Float32Array;
  /** Per-class probability thresholds chosen on the dev split (maximising each class's F1). */
  thresholds: number[];
  /** When no class passes its threshold, predict the class with the highest probability / threshold. */
  fallback: boolean;
}

/**
 * The emotion classifier as data: vocabulary, idf weights and one head per label level.
 * `encodeClassifierModel` / `decodeClassifierModel` turn it into the shipped file and back;
 * `createEmotionClassifier` makes it predict.
 */
export interface EmotionClassifierModel {
  version: 1;
  features: TextFeatureConfig;
  /** Feature strings (`w:...` word n-grams, `c:...` character n-grams); index = column. */
  vocabulary: string[];
  /** Smoothed idf of each feature: ln((1 + N) / (1 + df)) + 1 (scikit-learn's `smooth_idf`). */
  idf: Float32Array;
  heads: ClassifierHead[];
  /** Free-form facts about training and evaluation (data, settings, dev/test scores). */
  info: Record<string, unknown>;
}
