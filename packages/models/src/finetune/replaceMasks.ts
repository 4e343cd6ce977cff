import type { Rng } from '../Rng.js';

/** First names substituted for GoEmotions' `[NAME]` mask (common US given names, mixed genders). */
export const MASK_NAMES: readonly string[] = [
  'James',
  'Mary',
  'John',
  'Patricia',
  'Robert',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Sarah',
  'Daniel',
  'Jessica',
  'Chris',
  'Emily',
  'Alex',
  'Maria',
  'Kevin',
  'Laura',
  'Jordan',
  'Taylor',
];

/** Religions substituted for GoEmotions' `[RELIGION]` mask (the masked words are usually adherents' names). */
export const MASK_RELIGIONS: readonly string[] = [
  'Christian',
  'Catholic',
  'Muslim',
  'Jewish',
  'Hindu',
  'Buddhist',
  'Mormon',
];

/**
 * Replaces GoEmotions' privacy masks with plausible words, each mask drawn independently from
 * the run's RNG: `[NAME]` -> a first name, `[RELIGION]` -> a religion ("[RELIGION]s" becomes
 * "Muslims"). A model fine-tuned to write comments would otherwise learn to write "[NAME]".
 *
 * @param text - a GoEmotions comment
 * @param rng - the stream to draw from
 * @returns the text without masks
 */
export function replaceMasks(text: string, rng: Rng): string {
  return text.replace(/\[(NAME|RELIGION)\]/g, (_, kind: string) =>
    rng.pick(kind === 'NAME' ? MASK_NAMES : MASK_RELIGIONS),
  );
}
