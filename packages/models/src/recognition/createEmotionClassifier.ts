import { type EmotionLevel, labelsForLevel, mapToLevel } from '../goemotions/emotionLevel.js';
import type { ClassifierHead, EmotionClassifierModel } from './EmotionClassifierModel.js';
import { vectorizeText } from './vectorizeText.js';

/** A prediction: the labels that pass their thresholds, most probable first, with their probabilities. */
export interface EmotionPrediction {
  labels: string[];
  scores: number[];
}

/** A text emotion classifier at the three GoEmotions label levels. */
export interface EmotionClassifier {
  /**
   * Predicts the emotions of a text.
   * @param text - the text
   * @param level - 'goemotions' (28 labels, default), 'ekman' (7) or 'sentiment' (4)
   * @returns labels above their thresholds (at least one where the model has a fallback), most probable first
   */
  predict(text: string, level?: EmotionLevel): EmotionPrediction;
  /**
   * Every class's probability.
   * @param text - the text
   * @param level - the label level (default 'goemotions')
   * @returns probabilities in `labels(level)` order
   */
  probabilities(text: string, level?: EmotionLevel): number[];
  /** The class names of a level, in output order. */
  labels(level?: EmotionLevel): readonly string[];
  /** Facts about the model's training and scores. */
  readonly info: Readonly<Record<string, unknown>>;
}

/**
 * Makes an `EmotionClassifierModel` predict.
 *
 * Each head is a one-vs-rest logistic regression: p_k = sigmoid(b_k + x . w_k) on the tf-idf
 * vector x (`vectorizeText`). A class is predicted when p_k reaches its dev-tuned threshold;
 * when none does and the head has `fallback`, the class with the largest p_k / threshold_k is
 * predicted alone (a comment in GoEmotions always has at least one label). A level without a
 * head of its own is answered by the GoEmotions head, mapping each group's probability to the
 * largest of its members'.
 *
 * @param model - the decoded model
 * @returns the classifier
 */
export function createEmotionClassifier(model: EmotionClassifierModel): EmotionClassifier {
  const index = new Map<string, number>();
  for (const [i, f] of model.vocabulary.entries()) index.set(f, i);
  const heads = new Map<EmotionLevel, ClassifierHead>(model.heads.map((h) => [h.level, h]));

  const headProbabilities = (head: ClassifierHead, text: string): number[] => {
    const K = head.labels.length;
    const z = Array.from(head.bias);
    const x = vectorizeText(text, index, model.idf, model.features);
    for (let p = 0; p < x.indices.length; p++) {
      const base = (x.indices[p] as number) * K;
      const v = x.values[p] as number;
      for (let k = 0; k < K; k++) z[k] = (z[k] as number) + v * (head.weights[base + k] as number);
    }
    return z.map((v) => 1 / (1 + Math.exp(-v)));
  };

  const fine = heads.get('goemotions');
  const probabilities = (text: string, level: EmotionLevel = 'goemotions'): number[] => {
    const head = heads.get(level);
    if (head !== undefined) return headProbabilities(head, text);
    if (fine === undefined) throw new Error(`the classifier has no head for level "${level}"`);
    const p = headProbabilities(fine, text);
    return labelsForLevel(level).map((group) =>
      Math.max(...fine.labels.map((l, k) => (mapToLevel([l], level)[0] === group ? (p[k] as number) : 0))),
    );
  };

  return {
    info: model.info,
    labels: (level = 'goemotions') => heads.get(level)?.labels ?? labelsForLevel(level),
    probabilities,
    predict(text, level = 'goemotions') {
      const head = heads.get(level);
      const labels = head?.labels ?? labelsForLevel(level);
      const thresholds = head?.thresholds ?? labels.map(() => 0.5);
      const p = probabilities(text, level);
      let chosen = labels.map((_, k) => k).filter((k) => (p[k] as number) >= (thresholds[k] as number));
      if (chosen.length === 0 && (head?.fallback ?? true)) {
        let best = 0;
        for (let k = 1; k < labels.length; k++) {
          if (
            (p[k] as number) / (thresholds[k] as number) >
            (p[best] as number) / (thresholds[best] as number)
          )
            best = k;
        }
        chosen = [best];
      }
      chosen.sort((a, b) => (p[b] as number) - (p[a] as number));
      return { labels: chosen.map((k) => labels[k] as string), scores: chosen.map((k) => p[k] as number) };
    },
  };
}
