import type { CircumplexPoint } from './circumplex.js';

/** The seven anchor levels of every BEAM spectrum, negative pole to positive pole. */
export const BEAM_LEVELS = [-1, -0.6, -0.3, 0, 0.3, 0.6, 1] as const;

/** The ids of the seven BEAM spectra, "<negative pole>-<positive pole>". */
export const BEAM_SPECTRUM_IDS = [
  'fear-courage',
  'sadness-joy',
  'distrust-trust',
  'negligence-anticipation',
  'anger-peace',
  'disgust-delight',
  'disinterest-fascination',
] as const;

/** One BEAM spectrum id, e.g. "sadness-joy". */
export type BeamSpectrumId = (typeof BEAM_SPECTRUM_IDS)[number];

/** One bipolar spectrum of BEAM: two poles and a word at each of the seven levels. */
export interface BeamSpectrum {
  id: BeamSpectrumId;
  /** The pole at -1. */
  negative: string;
  /** The pole at +1. */
  positive: string;
  /** The word at each of {@link BEAM_LEVELS}, from -1.0 to +1.0. */
  words: readonly [string, string, string, string, string, string, string];
  /**
   * Where each pole sits on the valence-arousal plane at full intensity (set by this project,
   * like GOEMOTIONS_CIRCUMPLEX); a state at level s takes the point of the pole s leans to,
   * scaled by |s|.
   */
  poles: { negative: CircumplexPoint; positive: CircumplexPoint };
}

/**
 * The seven spectra of BEAM, each a pair of linguistic antonyms worded at seven intensities.
 *
 * Intuition: an emotion is a position between two opposites (fear and courage, sadness and
 * joy); its intensity is how far from the neutral middle it sits, and each position has its
 * own word (apprehension is mild fear, terror extreme fear).
 *
 * Source: Chang, "Behavioral Emotion Analysis Model for Large Language Models" (BEAM), read from
 * a public summary of the paper, not from the paper itself: the spectra, the levels -1.0 ... +1.0
 * and the words are the summary's. Two of its choices look odd and are kept as published:
 * "surprise" is the word at 0.0 of sadness-joy, and disinterest-fascination runs distraction,
 * disinterest, unease, dullness (0.0), curiosity, fascination, amazement. The pole points are
 * this project's (docs/concepts.md): where a pole is one of Plutchik's basic emotions it takes
 * that spoke's point (PLUTCHIK_WHEEL); courage, distrust, negligence, peace, delight,
 * disinterest and fascination are placed next to the nearest GoEmotions label (pride,
 * disapproval, neutral, relief, joy / amusement, neutral, curiosity).
 */
export const BEAM_SPECTRA: Readonly<Record<BeamSpectrumId, BeamSpectrum>> = {
  'fear-courage': {
    id: 'fear-courage',
    negative: 'fear',
    positive: 'courage',
    words: ['terror', 'fear', 'apprehension', 'calm', 'boldness', 'courage', 'heroism'],
    poles: { negative: { valence: -0.8, arousal: 0.75 }, positive: { valence: 0.6, arousal: 0.5 } },
  },
  'sadness-joy': {
    id: 'sadness-joy',
    negative: 'sadness',
    positive: 'joy',
    words: ['grief', 'sadness', 'pensiveness', 'surprise', 'serenity', 'joy', 'ecstasy'],
    poles: { negative: { valence: -0.8, arousal: -0.45 }, positive: { valence: 0.9, arousal: 0.5 } },
  },
  'distrust-trust': {
    id: 'distrust-trust',
    negative: 'distrust',
    positive: 'trust',
    words: ['distrust', 'wary', 'skepticism', 'acceptance', 'respect', 'trust', 'admiration'],
    poles: { negative: { valence: -0.6, arousal: 0.3 }, positive: { valence: 0.6, arousal: 0.05 } },
  },
  'negligence-anticipation': {
    id: 'negligence-anticipation',
    negative: 'negligence',
    positive: 'anticipation',
    words: ['recklessness', 'negligence', 'apathy', 'cautiousness', 'interest', 'anticipation', 'vigilance'],
    poles: { negative: { valence: -0.45, arousal: -0.1 }, positive: { valence: 0.4, arousal: 0.5 } },
  },
  'anger-peace': {
    id: 'anger-peace',
    negative: 'anger',
    positive: 'peace',
    words: ['rage', 'anger', 'annoyance', 'tolerance', 'composure', 'peace', 'tranquility'],
    poles: { negative: { valence: -0.75, arousal: 0.8 }, positive: { valence: 0.7, arousal: -0.6 } },
  },
  'disgust-delight': {
    id: 'disgust-delight',
    negative: 'disgust',
    positive: 'delight',
    words: ['loathing', 'disgust', 'boredom', 'indifference', 'amusement', 'delight', 'enthusiasm'],
    poles: { negative: { valence: -0.75, arousal: 0.4 }, positive: { valence: 0.85, arousal: 0.55 } },
  },
  'disinterest-fascination': {
    id: 'disinterest-fascination',
    negative: 'disinterest',
    positive: 'fascination',
    words: ['distraction', 'disinterest', 'unease', 'dullness', 'curiosity', 'fascination', 'amazement'],
    poles: { negative: { valence: -0.45, arousal: -0.55 }, positive: { valence: 0.6, arousal: 0.6 } },
  },
};

const SPECTRUM_SET: ReadonlySet<string> = new Set(BEAM_SPECTRUM_IDS);

/**
 * True when `name` is one of the seven spectrum ids.
 *
 * @param name - a candidate id, e.g. "sadness-joy"
 * @returns whether it names a spectrum
 */
export function isBeamSpectrumId(name: string): name is BeamSpectrumId {
  return SPECTRUM_SET.has(name);
}

/**
 * The index in {@link BEAM_LEVELS} of the level nearest to a signed intensity; a value halfway
 * between two levels goes to the one nearer zero (-0.45 -> -0.3).
 *
 * @param signedIntensity - a value in [-1, 1]
 * @returns 0..6
 */
export function nearestBeamLevel(signedIntensity: number): number {
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  BEAM_LEVELS.forEach((level, i) => {
    const distance = Math.abs(level - signedIntensity);
    const tie = Math.abs(distance - bestDistance) < 1e-12;
    if (
      (!tie && distance < bestDistance) ||
      (tie && Math.abs(level) < Math.abs(BEAM_LEVELS[best] as number))
    ) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}

/**
 * The word of a spectrum at a signed intensity (sadness-joy at -0.6 -> "sadness"), by the
 * nearest level.
 *
 * @param spectrum - the spectrum id
 * @param signedIntensity - a value in [-1, 1]
 * @returns the word
 */
export function beamWord(spectrum: BeamSpectrumId, signedIntensity: number): string {
  return BEAM_SPECTRA[spectrum].words[nearestBeamLevel(signedIntensity)] as string;
}

const WORD_INDEX: ReadonlyMap<string, { spectrum: BeamSpectrumId; signedIntensity: number }> = new Map(
  BEAM_SPECTRUM_IDS.flatMap((spectrum) =>
    BEAM_SPECTRA[spectrum].words.map(
      (word, i) => [word, { spectrum, signedIntensity: BEAM_LEVELS[i] as number }] as const,
    ),
  ),
);

/**
 * Reads one of the 49 BEAM words ("grief", "heroism", ...); every word belongs to one spectrum.
 *
 * @param word - lower-case word
 * @returns its spectrum and level, or undefined when it is not a BEAM word
 */
export function parseBeamWord(
  word: string,
): { spectrum: BeamSpectrumId; signedIntensity: number } | undefined {
  return WORD_INDEX.get(word);
}

/**
 * An intensity as text, exactly (JavaScript's shortest round-trip form), "0" for zero of either
 * sign (-0.6 -> "-0.6", 1 -> "1"). Used in persona keys and as the label of the `intensity`
 * dimension of breakdowns, so two different intensities never share a text.
 *
 * @param value - the intensity
 * @returns its text
 */
export function formatIntensity(value: number): string {
  return value === 0 ? '0' : String(value);
}
