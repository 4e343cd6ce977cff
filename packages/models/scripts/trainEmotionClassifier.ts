/**
 * Rebuilds the built-in emotion classifier (assets/emotion-classifier.bin.gz) from GoEmotions.
 *
 *   npx tsx packages/models/scripts/trainEmotionClassifier.ts [--data DIR] [--out FILE]
 *       [--max-features N] [--min-df N] [--l2 X] [--iterations N]
 *
 * Trains on the train split, tunes thresholds on dev, reports test-split scores at the three
 * label levels and stores them in the model's `info`. Deterministic: the same data and flags give
 * the same file. Takes about ten minutes on one core (200 L-BFGS iterations of about 2.5 s).
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EMOTION_LEVELS } from '../src/goemotions/emotionLevel.js';
import { goEmotionsDir } from '@emocrowd/data';
import { GOEMOTIONS_LABELS } from '../src/goemotions/goEmotionsLabels.js';
import { readGoEmotions } from '../src/goemotions/readGoEmotions.js';
import { decodeClassifierModel, encodeClassifierModel } from '../src/recognition/classifierModelFile.js';
import { createEmotionClassifier } from '../src/recognition/createEmotionClassifier.js';
import { evaluateRecognition } from '../src/recognition/evaluateRecognition.js';
import { trainEmotionClassifier } from '../src/recognition/trainEmotionClassifier.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: goEmotionsDir() },
    out: { type: 'string', default: fileURLToPath(new URL('../assets/emotion-classifier.bin.gz', import.meta.url)) },
    'max-features': { type: 'string', default: '50000' },
    'min-df': { type: 'string', default: '3' },
    l2: { type: 'string', default: '0.5' },
    iterations: { type: 'string', default: '200' },
  },
});

const started = Date.now();
const log = (m: string): void => console.error(`[${((Date.now() - started) / 1000).toFixed(0)}s] ${m}`);
const [train, dev, test] = await Promise.all([
  readGoEmotions(values.data, 'train'),
  readGoEmotions(values.data, 'dev'),
  readGoEmotions(values.data, 'test'),
]);
const model = trainEmotionClassifier({
  train,
  dev,
  maxFeatures: Number(values['max-features']),
  minDf: Number(values['min-df']),
  l2: Number(values.l2),
  maxIterations: Number(values.iterations),
  log,
});

const classifier = createEmotionClassifier(model);
const gold = test.map((r) => r.labels.map((id) => GOEMOTIONS_LABELS[id] as string));
const testScores: Record<string, { macroF1: number; accuracy: number; anyOverlap: number }> = {};
for (const level of EMOTION_LEVELS) {
  const pred = test.map((r) => classifier.predict(r.text, level).labels);
  const report = evaluateRecognition(gold, pred, level);
  testScores[level] = {
    macroF1: Number(report.macroF1.toFixed(4)),
    accuracy: Number(report.accuracy.toFixed(4)),
    anyOverlap: Number(report.anyOverlap.toFixed(4)),
  };
  log(`test ${level}: macro-F1 ${report.macroF1.toFixed(4)}, exact ${report.accuracy.toFixed(4)}, any ${report.anyOverlap.toFixed(4)}`);
}
model.info = { ...model.info, test: testScores };
const bytes = encodeClassifierModel(model);
// round trip: the shipped file must predict what was evaluated
const again = createEmotionClassifier(decodeClassifierModel(bytes));
const same = test.slice(0, 200).every((r) => again.predict(r.text).labels.join() === classifier.predict(r.text).labels.join());
if (!same) throw new Error('round trip changed predictions');
await writeFile(values.out, bytes);
log(`wrote ${values.out} (${(bytes.byteLength / 1e6).toFixed(2)} MB)`);
