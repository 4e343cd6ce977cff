import { EKMAN_GROUPS, SENTIMENT_GROUPS } from '../goemotions/emotionGroups.js';
import { EMOTION_SYNONYMS } from './emotionSynonyms.js';

const NEGATIONS = new Set(['not', 'no', 'never', 'without', 'nor', 'hardly']);
const MAX_PHRASE_WORDS = 4;

function normalise(text: string): string[] {
  return text
    .toLowerCase()
    .replaceAll('’', "'")
    .split(/[^a-z']+/)
    .map((t) => t.replace(/^'+|'+$/g, ''))
    .filter((t) => t.length > 0);
}

interface Term {
  label: string;
  /** 0: the label's own name, 1: its synonym, 2: a member (or member synonym) of its group. */
  rank: number;
}

function buildTerms(labels: readonly string[]): Map<string, Term> {
  const terms = new Map<string, Term>();
  const add = (phrase: string, label: string, rank: number): void => {
    const key = normalise(phrase).join(' ');
    if (key.length === 0) return;
    const seen = terms.get(key);
    if (seen === undefined || rank < seen.rank) terms.set(key, { label, rank });
  };
  for (const label of labels) {
    add(label, label, 0);
    for (const s of EMOTION_SYNONYMS[label.toLowerCase()] ?? []) add(s, label, 1);
    const members = EKMAN_GROUPS[label.toLowerCase()] ?? SENTIMENT_GROUPS[label.toLowerCase()] ?? [];
    for (const m of members) {
      add(m, label, 2);
      for (const s of EMOTION_SYNONYMS[m] ?? []) add(s, label, 2);
    }
  }
  return terms;
}

/**
 * Reads the emotion labels out of a free-text model answer.
 *
 * Models answer a classification prompt with "Joy.", "**Gratitude**, joy", "The emotion is
 * happiness" or "I'd say the commenter feels grateful and relieved". This finds every candidate
 * label the answer names, tolerant of case, punctuation and formatting:
 * 1. the text is lower-cased and split into words (letters and apostrophes);
 * 2. at each word the longest phrase (up to 4 words) that names a candidate wins: the label's
 *    own name, one of its synonyms (`EMOTION_SYNONYMS`: "happy" -> joy, "thankful" ->
 *    gratitude, "no emotion" -> neutral), or, when the candidate is an Ekman or sentiment
 *    group, one of its member emotions ("annoyed" -> anger, "grateful" -> positive);
 * 3. a match right after a negation ("not", "no", "never", "without", "...n't") is skipped;
 * 4. labels come back once each, in the order the answer first names them.
 *
 * @example
 * parseEmotionLabels('Emotion: Happiness (maybe a bit of gratitude).', GOEMOTIONS_LABELS); // ['joy', 'gratitude']
 * parseEmotionLabels('annoyed, not scared', labelsForLevel('ekman'));                   // ['anger']
 *
 * @param text - the model's answer
 * @param labels - the candidate labels (any level, or a custom set); results use these spellings
 * @returns the labels named, possibly none
 */
export function parseEmotionLabels(text: string, labels: readonly string[]): string[] {
  const terms = buildTerms(labels);
  const words = normalise(text);
  const found: string[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    for (let n = Math.min(MAX_PHRASE_WORDS, words.length - i); n >= 1; n--) {
      const term = terms.get(words.slice(i, i + n).join(' '));
      if (term === undefined) continue;
      const prev = i > 0 ? (words[i - 1] as string) : '';
      const negated = NEGATIONS.has(prev) || prev.endsWith("n't");
      if (!negated && !found.includes(term.label)) found.push(term.label);
      matched = n;
      break;
    }
    i += matched > 0 ? matched : 1;
  }
  return found;
}
