import { EMOTION_LEVELS, type EmotionLevel, labelsForLevel, mapToLevel } from '../goemotions/emotionLevel.js';

/** Precision, recall and F1 of one class. */
export interface ClassScores {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Gold rows with the class. */
  support: number;
  /** Rows predicted with the class. */
  predicted: number;
}

/** The scores of a set of predictions against gold labels. */
export interface RecognitionReport {
  /** Label level, or 'custom' when a label list was given. */
  level: EmotionLevel | 'custom';
  labels: string[];
  /** Number of rows. */
  n: number;
  /** Share of rows whose predicted label set equals the gold set exactly (subset accuracy). */
  accuracy: number;
  /** Share of rows where the prediction shares at least one label with the gold set. */
  anyOverlap: number;
  /** Unweighted mean of the per-class F1. */
  macroF1: number;
  /** F1 of the pooled per-class decisions. */
  microF1: number;
  perClass: ClassScores[];
  /**
   * Confusion matrix over the rows with exactly one gold and exactly one predicted label:
   * `matrix[g][p]` counts rows of gold class g predicted as p (indices into `labels`).
   */
  confusion: { matrix: number[][]; rows: number; excluded: number };
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/**
 * Scores emotion recognition the way GoEmotions is scored: multi-label, per class, averaged.
 *
 * 1. With a level name, gold and predicted GoEmotions labels are first mapped to that level
 *    with the authors' groupings (`mapToLevel`); with a label list, labels are used as given.
 *    Labels outside the label set are ignored.
 * 2. accuracy = exact match of the label sets (subset accuracy; Tsoumakas & Katakis 2007);
 *    anyOverlap = the laxer "at least one label right". For single-label data both equal
 *    ordinary accuracy.
 * 3. Per class: precision tp / (tp + fp), recall tp / (tp + fn), F1 their harmonic mean, 0 when
 *    undefined (scikit-learn's `zero_division=0`); macroF1 is their unweighted mean, as in
 *    Demszky et al. (ACL 2020, Table 4), microF1 pools the counts.
 * 4. The confusion matrix counts only single-label rows (one gold and one predicted label);
 *    `excluded` says how many rows it leaves out.
 *
 * @example
 * evaluateRecognition([['joy'], ['anger', 'annoyance']], [['joy'], ['annoyance']], 'goemotions').accuracy; // 0.5
 *
 * @param gold - gold labels per row
 * @param pred - predicted labels per row (same length as gold)
 * @param labels - a level ('goemotions' | 'ekman' | 'sentiment') or an explicit label list
 * @returns the report
 */
export function evaluateRecognition(
  gold: readonly (readonly string[])[],
  pred: readonly (readonly string[])[],
  labels: EmotionLevel | readonly string[],
): RecognitionReport {
  if (gold.length !== pred.length)
    throw new RangeError(`gold has ${gold.length} rows but pred has ${pred.length}`);
  const isLevel = typeof labels === 'string';
  if (isLevel && !EMOTION_LEVELS.includes(labels)) throw new RangeError(`unknown label level "${labels}"`);
  const classList = isLevel ? [...labelsForLevel(labels)] : [...labels];
  const indexOf = new Map(classList.map((l, i) => [l, i]));
  const toSet = (row: readonly string[]): Set<number> => {
    const mapped = isLevel ? mapToLevel(row, labels) : row;
    const out = new Set<number>();
    for (const l of mapped) {
      const i = indexOf.get(l);
      if (i !== undefined) out.add(i);
    }
    return out;
  };
  const K = classList.length;
  const tp = new Array<number>(K).fill(0);
  const fp = new Array<number>(K).fill(0);
  const fn = new Array<number>(K).fill(0);
  const matrix = classList.map(() => new Array<number>(K).fill(0));
  let exact = 0;
  let overlap = 0;
  let confusionRows = 0;
  for (let r = 0; r < gold.length; r++) {
    const g = toSet(gold[r] as readonly string[]);
    const p = toSet(pred[r] as readonly string[]);
    let shared = 0;
    for (const k of p) {
      if (g.has(k)) {
        tp[k] = (tp[k] as number) + 1;
        shared++;
      } else fp[k] = (fp[k] as number) + 1;
    }
    for (const k of g) if (!p.has(k)) fn[k] = (fn[k] as number) + 1;
    if (shared === g.size && shared === p.size) exact++;
    if (shared > 0) overlap++;
    if (g.size === 1 && p.size === 1) {
      const [gi] = g;
      const [pi] = p;
      const row = matrix[gi as number] as number[];
      row[pi as number] = (row[pi as number] as number) + 1;
      confusionRows++;
    }
  }
  const perClass = classList.map((label, k) => {
    const precision = ratio(tp[k] as number, (tp[k] as number) + (fp[k] as number));
    const recall = ratio(tp[k] as number, (tp[k] as number) + (fn[k] as number));
    return {
      label,
      precision,
      recall,
      f1: ratio(2 * precision * recall, precision + recall),
      support: (tp[k] as number) + (fn[k] as number),
      predicted: (tp[k] as number) + (fp[k] as number),
    };
  });
  const sum = (a: number[]): number => a.reduce((s, v) => s + v, 0);
  const TP = sum(tp);
  const n = gold.length;
  return {
    level: isLevel ? labels : 'custom',
    labels: classList,
    n,
    accuracy: ratio(exact, n),
    anyOverlap: ratio(overlap, n),
    macroF1: ratio(sum(perClass.map((c) => c.f1)), K),
    microF1: ratio(2 * TP, 2 * TP + sum(fp) + sum(fn)),
    perClass,
    confusion: { matrix, rows: confusionRows, excluded: n - confusionRows },
  };
}
