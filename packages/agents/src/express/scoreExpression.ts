import { type EmotionClassifier, mapToLevel } from '@emocrowd/models';
import { BEAM_TO_GOEMOTION } from '../emotion/beamMapping.js';
import { BEAM_LEVELS, BEAM_SPECTRA, type BeamSpectrumId } from '../emotion/beamSpectra.js';
import { GOEMOTIONS_CIRCUMPLEX } from '../emotion/circumplex.js';
import type { GoEmotionLabel } from '../emotion/isGoEmotionLabel.js';

/** What the recognizer reads in one text, relative to one BEAM spectrum. */
export interface ExpressionScore {
  /**
   * P(positive pole) - P(negative pole), in [-1, 1]: the largest probability among the GoEmotions
   * counterparts of the spectrum's positive words minus the same for its negative words (0 for a
   * side without counterparts).
   */
  poleScore: number;
  /** Probability-weighted valence of the 28 labels (GOEMOTIONS_CIRCUMPLEX), in [-1, 1]. */
  valence: number;
  /** The GoEmotions labels the recognizer predicts, most probable first. */
  goemotions: string[];
  /** The Ekman groups it predicts (as the manipulation check of runs reads them). */
  ekman: string[];
}

/** The GoEmotions counterparts of a spectrum's negative (levels < 0) and positive (> 0) words. */
export function poleLabels(spectrum: BeamSpectrumId): {
  negative: GoEmotionLabel[];
  positive: GoEmotionLabel[];
} {
  const side = (keep: (level: number) => boolean): GoEmotionLabel[] => [
    ...new Set(
      BEAM_SPECTRA[spectrum].words.flatMap((word, i) => {
        const label = BEAM_TO_GOEMOTION[word];
        return keep(BEAM_LEVELS[i] as number) && label && label !== 'neutral' ? [label] : [];
      }),
    ),
  ];
  return { negative: side((l) => l < 0), positive: side((l) => l > 0) };
}

/**
 * Scores how a text expresses a BEAM spectrum with the built-in GoEmotions recognizer.
 *
 * Intuition: the recognizer knows 28 labels, not the spectra; a spectrum's words map to some of
 * them (BEAM_TO_GOEMOTION), so the text leans to the positive pole as far as the recognizer
 * sees the positive words' labels more than the negative ones'. Sides without counterparts
 * (courage, peace) count 0, so on fear-courage the score can only tell "less fear". The
 * valence is a second, spectrum-free reading.
 *
 * @param text - the text
 * @param spectrum - the spectrum it is scored against
 * @param classifier - the recognizer (`loadBuiltinClassifier()`)
 * @returns the scores and predicted labels
 */
export function scoreExpression(
  text: string,
  spectrum: BeamSpectrumId,
  classifier: EmotionClassifier,
): ExpressionScore {
  const labels = classifier.labels('goemotions');
  const p = classifier.probabilities(text, 'goemotions');
  const probabilityOf = new Map(labels.map((label, k) => [label, p[k] as number]));
  const poles = poleLabels(spectrum);
  const strongest = (side: readonly string[]): number =>
    side.reduce((best, label) => Math.max(best, probabilityOf.get(label) ?? 0), 0);
  let weighted = 0;
  let total = 0;
  labels.forEach((label, k) => {
    const point = GOEMOTIONS_CIRCUMPLEX[label as GoEmotionLabel];
    if (point === undefined) return;
    weighted += (p[k] as number) * point.valence;
    total += p[k] as number;
  });
  const goemotions = classifier.predict(text, 'goemotions').labels;
  return {
    poleScore: strongest(poles.positive) - strongest(poles.negative),
    valence: total > 0 ? weighted / total : 0,
    goemotions,
    ekman: classifier.predict(text, 'ekman').labels,
  };
}

/**
 * The Ekman group a BEAM word should be read as, through its GoEmotions counterpart (the
 * manipulation check's criterion), or undefined when it has none or it is neutral.
 *
 * @param word - a BEAM word
 * @returns anger, disgust, fear, joy, sadness or surprise, or undefined
 */
export function intendedEkman(word: string): string | undefined {
  const label = BEAM_TO_GOEMOTION[word];
  if (!label || label === 'neutral') return undefined;
  return mapToLevel([label], 'ekman')[0];
}
