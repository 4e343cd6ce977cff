import { type EmotionLevel, labelsForLevel, mapToLevel } from '../goemotions/emotionLevel.js';
import { GOEMOTIONS_LABELS } from '../goemotions/goEmotionsLabels.js';
import type { GoEmotionsRow } from '../goemotions/readGoEmotions.js';
import { decodeClassifierModel, encodeClassifierModel } from './classifierModelFile.js';
import { createEmotionClassifier } from './createEmotionClassifier.js';
import type { ClassifierHead, EmotionClassifierModel } from './EmotionClassifierModel.js';
import { fitLogisticRegression, type SparseRows } from './fitLogisticRegression.js';
import { DEFAULT_TEXT_FEATURES, extractFeatures, type TextFeatureConfig } from './textFeatures.js';
import { vectorizeText } from './vectorizeText.js';

/** Options of `trainEmotionClassifier`. */
export interface TrainEmotionClassifierOptions {
  /** Training rows (GoEmotions train split). */
  train: readonly GoEmotionsRow[];
  /** Rows the thresholds are tuned on (GoEmotions dev split). */
  dev: readonly GoEmotionsRow[];
  features?: TextFeatureConfig;
  /** Keep at most this many features, the most frequent first (default 50,000). */
  maxFeatures?: number;
  /** Ignore features seen in fewer training comments (default 3). */
  minDf?: number;
  /** L2 penalty on the summed log-loss (default 0.5, i.e. C = 2). */
  l2?: number;
  /** L-BFGS iterations (default 200). */
  maxIterations?: number;
  /** Label levels to give heads of their own (default all three). */
  levels?: readonly EmotionLevel[];
  /** Progress messages. */
  log?: (message: string) => void;
}

const rowLabels = (row: GoEmotionsRow, level: EmotionLevel): string[] =>
  mapToLevel(
    row.labels.map((id) => GOEMOTIONS_LABELS[id] as string),
    level,
  );

/**
 * Trains the built-in emotion classifier: tf-idf word and character n-grams, one-vs-rest
 * logistic regression per label level, per-class thresholds tuned on dev.
 *
 * 1. The vocabulary is the `maxFeatures` features with the highest document frequency among
 *    those in at least `minDf` training comments (ties broken alphabetically, so training is
 *    deterministic).
 * 2. One L-BFGS fit gives a head for each level (GoEmotions 28, Ekman 7, sentiment 4); the
 *    coarse heads are trained on the authors' group mappings of the gold labels.
 * 3. The model is quantised (`encodeClassifierModel`) and decoded again; on dev, each class
 *    gets the threshold in 0.01..0.95 that maximises its F1 (the GoEmotions baseline used one
 *    global threshold of 0.3; per-class thresholds suit macro-F1), and the "at least one label"
 *    fallback is kept when it raises dev macro-F1.
 *
 * @param options - data and settings
 * @returns the model, ready for `encodeClassifierModel`
 */
export function trainEmotionClassifier(options: TrainEmotionClassifierOptions): EmotionClassifierModel {
  const log = options.log ?? (() => {});
  const config = options.features ?? DEFAULT_TEXT_FEATURES;
  const maxFeatures = options.maxFeatures ?? 50_000;
  const minDf = options.minDf ?? 3;
  const levels = options.levels ?? (['goemotions', 'ekman', 'sentiment'] as const);

  const featureSets = options.train.map((r) => extractFeatures(r.text, config));
  const df = new Map<string, number>();
  for (const fs of featureSets) for (const f of fs.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const vocabulary = [...df.entries()]
    .filter(([, n]) => n >= minDf)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, maxFeatures)
    .map(([f]) => f);
  const N = options.train.length;
  const idf = Float32Array.from(vocabulary, (f) => Math.log((1 + N) / (1 + (df.get(f) ?? 0))) + 1);
  const index = new Map<string, number>(vocabulary.map((f, i) => [f, i]));
  log(`vocabulary: ${vocabulary.length} features (of ${df.size})`);

  const vectors = options.train.map((r) => vectorizeText(r.text, index, idf, config));
  const nnz = vectors.reduce((s, v) => s + v.indices.length, 0);
  const x: SparseRows = {
    rows: N,
    cols: vocabulary.length,
    indptr: new Int32Array(N + 1),
    indices: new Int32Array(nnz),
    values: new Float32Array(nnz),
  };
  let p = 0;
  vectors.forEach((v, i) => {
    x.indices.set(v.indices, p);
    x.values.set(v.values, p);
    p += v.indices.length;
    x.indptr[i + 1] = p;
  });

  const levelLabels = levels.map((l) => labelsForLevel(l));
  const K = levelLabels.reduce((s, ls) => s + ls.length, 0);
  const y = new Uint8Array(N * K);
  options.train.forEach((row, i) => {
    let off = 0;
    levels.forEach((level, li) => {
      const labels = levelLabels[li] as readonly string[];
      for (const name of rowLabels(row, level)) y[i * K + off + labels.indexOf(name)] = 1;
      off += labels.length;
    });
  });
  const l2 = options.l2 ?? 0.5;
  log(`fitting ${K} one-vs-rest classes on ${N} rows (${nnz} non-zeros), l2 ${l2}`);
  const fit = fitLogisticRegression(x, y, K, {
    l2,
    maxIterations: options.maxIterations ?? 200,
    onIteration: (it, loss) => {
      if (it % 10 === 0) log(`  iteration ${it}: loss ${loss.toFixed(2)}`);
    },
  });

  let off = 0;
  const heads: ClassifierHead[] = levels.map((level, li) => {
    const labels = [...(levelLabels[li] as readonly string[])];
    const k0 = off;
    off += labels.length;
    const weights = new Float32Array(vocabulary.length * labels.length);
    for (let j = 0; j < vocabulary.length; j++) {
      for (let k = 0; k < labels.length; k++)
        weights[j * labels.length + k] = fit.weights[j * K + k0 + k] as number;
    }
    const bias = Float32Array.from(labels, (_, k) => fit.bias[k0 + k] as number);
    return { level, labels, weights, bias, thresholds: labels.map(() => 0.5), fallback: true };
  });

  const draft: EmotionClassifierModel = {
    version: 1,
    features: config,
    vocabulary,
    idf,
    heads,
    info: {
      trainedOn: `GoEmotions train (${N} rows), thresholds tuned on dev (${options.dev.length} rows)`,
      settings: { maxFeatures, minDf, l2, features: config },
    },
  };
  // tune on the quantised weights that will ship
  const shipped = decodeClassifierModel(encodeClassifierModel(draft));
  const classifier = createEmotionClassifier(shipped);
  for (const head of shipped.heads) {
    const probs = options.dev.map((r) => classifier.probabilities(r.text, head.level));
    const gold = options.dev.map((r) => new Set(rowLabels(r, head.level)));
    head.thresholds = head.labels.map((label, k) => {
      let best = 0.5;
      let bestF1 = -1;
      for (let t = 0.01; t <= 0.951; t += 0.01) {
        let tp = 0;
        let fp = 0;
        let fn = 0;
        probs.forEach((pr, i) => {
          const predicted = (pr[k] as number) >= t;
          const actual = (gold[i] as Set<string>).has(label);
          if (predicted && actual) tp++;
          else if (predicted) fp++;
          else if (actual) fn++;
        });
        const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
        if (f1 > bestF1 + 1e-12) {
          bestF1 = f1;
          best = Math.round(t * 100) / 100;
        }
      }
      return best;
    });
    const macro = (fallback: boolean): number => {
      head.fallback = fallback;
      const pred = options.dev.map((r) => new Set(classifier.predict(r.text, head.level).labels));
      let sum = 0;
      for (const label of head.labels) {
        let tp = 0;
        let fp = 0;
        let fn = 0;
        pred.forEach((ps, i) => {
          const actual = (gold[i] as Set<string>).has(label);
          if (ps.has(label) && actual) tp++;
          else if (ps.has(label)) fp++;
          else if (actual) fn++;
        });
        sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
      }
      return sum / head.labels.length;
    };
    const withFallback = macro(true);
    const without = macro(false);
    head.fallback = withFallback >= without;
    log(
      `${head.level}: dev macro-F1 ${Math.max(withFallback, without).toFixed(4)} (fallback ${head.fallback})`,
    );
  }
  return shipped;
}
