import {
  answerReasoning,
  type BeamSpectrumId,
  intendedEkman,
  isBeamSpectrumId,
  scoreExpression,
} from '@emocrowd/agents';
import { type RankCorrelation, type ResponseRecord, spearman } from '@emocrowd/crowd';
import { createRng, type EmotionClassifier, loadBuiltinClassifier, mapToLevel } from '@emocrowd/models';

/** How often answers of personas with one assigned emotion express it. */
export interface ManipulationCheckRow {
  /** The assigned emotion label. */
  emotion: string;
  /** Its Ekman group (anger, disgust, fear, joy, sadness, surprise; or neutral). */
  ekman: string;
  /** Answers with text that were classified. */
  n: number;
  /** Answers whose predicted Ekman labels include the assigned group. */
  expressed: number;
  /** expressed / n. */
  share: number;
  /** The Ekman label predicted most often, and how often (share of n). */
  topPredicted: string;
  topPredictedShare: number;
}

/** The manipulation check of a run (`analyze --json` key `manipulationCheck`). */
export interface ManipulationCheck {
  level: 'ekman';
  classifier: string;
  /** What was classified: the `reasoning` of a JSON answer, else the whole answer text. */
  text: 'reasoning-or-raw';
  /** Answers classified (an assigned emotion with an Ekman group, and text). */
  n: number;
  expressed: number;
  share: number;
  /** Answers left out: no assigned emotion, no Ekman group (e.g. Plutchik trust), or no text. */
  skipped: number;
  /** Per assigned emotion, in descending n then name. */
  byEmotion: ManipulationCheckRow[];
  /** Per Ekman group of the assigned emotion. */
  byEkman: ManipulationCheckRow[];
  /**
   * BEAM answers: per spectrum, Spearman's rho between the persona's signed intensity and the
   * pole score the recognizer reads in its text (`scoreExpression`), one-sided: does the
   * expressed level rise with the intended one? Absent without BEAM answers.
   */
  bySpectrum?: SpectrumCheckRow[];
}

/** Whether answers along one BEAM spectrum express their level. */
export interface SpectrumCheckRow {
  spectrum: string;
  /** Answers with text. */
  n: number;
  /** Mean pole score per signed intensity, ascending. */
  levels: { level: number; n: number; meanPoleScore: number }[];
  agreement: RankCorrelation;
}

/**
 * A manipulation check: does each persona's answer text express the emotion it was given?
 *
 * Intuition: an emotion in the prompt only explains the crowd's estimates if the model took it
 * up; experimental psychology checks such inductions by measuring the induced state afterwards
 * (e.g. Lench, Flores & Bench 2011, Psychological Bulletin 137:834, on emotion-elicitation
 * checks). Here the measure is the built-in GoEmotions text classifier (`loadBuiltinClassifier`)
 * at the Ekman level (Demszky et al. 2020, GoEmotions, ACL): an answer expresses its emotion
 * when the predicted Ekman labels include the Ekman group of the assigned label.
 *
 * Behaviour: answers of every round are checked; the text is the `reasoning` field of a JSON
 * answer when it has one, else the raw text; answers without an assigned emotion, an Ekman
 * group or text are counted in `skipped`. A BEAM word is read as the Ekman group of its
 * GoEmotions counterpart (`intendedEkman`; heroism has none and is skipped), and BEAM answers
 * are also checked along their spectrum (`bySpectrum`, the measure of `emocrowd emotions
 * express`). The classifier is a bag-of-n-grams model, so short answers without emotional
 * words read as neutral: read shares relative to each other.
 *
 * @param records the run's answers
 * @param classifier the classifier (default: the built-in one)
 * @returns the shares overall, per assigned emotion and per Ekman group
 */
export function manipulationCheck(
  records: readonly ResponseRecord[],
  classifier: EmotionClassifier = loadBuiltinClassifier(),
): ManipulationCheck {
  interface Tally {
    ekman: string;
    n: number;
    expressed: number;
    predicted: Map<string, number>;
  }
  const byEmotion = new Map<string, Tally>();
  const byEkman = new Map<string, Tally>();
  let skipped = 0;
  const tally = (map: Map<string, Tally>, key: string, ekman: string, hit: boolean, top: string): void => {
    let t = map.get(key);
    if (!t) {
      t = { ekman, n: 0, expressed: 0, predicted: new Map() };
      map.set(key, t);
    }
    t.n++;
    if (hit) t.expressed++;
    t.predicted.set(top, (t.predicted.get(top) ?? 0) + 1);
  };
  const spectra = new Map<BeamSpectrumId, { level: number; score: number }[]>();
  for (const record of records) {
    const text = answerReasoning(record.raw);
    if (text !== '' && record.spectrum !== undefined && isBeamSpectrumId(record.spectrum)) {
      const points = spectra.get(record.spectrum) ?? [];
      points.push({
        level: record.signedIntensity ?? 0,
        score: scoreExpression(text, record.spectrum, classifier).poleScore,
      });
      spectra.set(record.spectrum, points);
    }
    const ekman = ekmanOf(record);
    if (record.emotion === undefined || ekman === undefined || text === '') {
      skipped++;
      continue;
    }
    const predicted = classifier.predict(text, 'ekman').labels;
    const hit = predicted.includes(ekman);
    const top = predicted[0] ?? 'none';
    tally(byEmotion, record.emotion, ekman, hit, top);
    tally(byEkman, ekman, ekman, hit, top);
  }
  const rows = (map: Map<string, Tally>): ManipulationCheckRow[] =>
    [...map.entries()]
      .map(([emotion, t]) => {
        const [topPredicted, topCount] = [...t.predicted.entries()].sort(
          (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
        )[0] ?? ['none', 0];
        return {
          emotion,
          ekman: t.ekman,
          n: t.n,
          expressed: t.expressed,
          share: t.expressed / t.n,
          topPredicted,
          topPredictedShare: topCount / t.n,
        };
      })
      .sort((a, b) => b.n - a.n || a.emotion.localeCompare(b.emotion));
  const emotionRows = rows(byEmotion);
  const n = emotionRows.reduce((s, r) => s + r.n, 0);
  const expressed = emotionRows.reduce((s, r) => s + r.expressed, 0);
  return {
    level: 'ekman',
    classifier: 'builtin',
    text: 'reasoning-or-raw',
    n,
    expressed,
    share: n > 0 ? expressed / n : Number.NaN,
    skipped,
    byEmotion: emotionRows,
    byEkman: rows(byEkman),
    ...(spectra.size > 0 ? { bySpectrum: spectrumRows(spectra) } : {}),
  };
}

/** The Ekman group an answer's assigned emotion should read as. */
function ekmanOf(record: ResponseRecord): string | undefined {
  if (record.emotion === undefined) return undefined;
  if (record.emotionModel === 'beam') return intendedEkman(record.emotion);
  return mapToLevel([record.emotion], 'ekman')[0];
}

function spectrumRows(spectra: Map<BeamSpectrumId, { level: number; score: number }[]>): SpectrumCheckRow[] {
  return [...spectra.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([spectrum, points]) => {
      const byLevel = new Map<number, number[]>();
      for (const p of points) byLevel.set(p.level, [...(byLevel.get(p.level) ?? []), p.score]);
      return {
        spectrum,
        n: points.length,
        levels: [...byLevel.entries()]
          .sort(([a], [b]) => a - b)
          .map(([level, scores]) => ({
            level,
            n: scores.length,
            meanPoleScore: scores.reduce((s, v) => s + v, 0) / scores.length,
          })),
        agreement: spearman(
          points.map((p) => p.level),
          points.map((p) => p.score),
          { rng: createRng(spectrum).fork('manipulation-check') },
        ),
      };
    });
}
