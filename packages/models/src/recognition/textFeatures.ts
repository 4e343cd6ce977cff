/** Settings of the classifier's text featuriser, stored in the model file so training and use agree. */
export interface TextFeatureConfig {
  /** Word n-gram orders, e.g. [1, 2] for unigrams and bigrams. */
  wordNgrams: readonly number[];
  /** Character n-gram orders inside word boundaries (scikit-learn's `char_wb`), e.g. [3, 4, 5]. */
  charNgrams: readonly number[];
}

/** The featuriser settings of the built-in classifier. */
export const DEFAULT_TEXT_FEATURES: TextFeatureConfig = { wordNgrams: [1, 2], charNgrams: [3, 4, 5] };

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|\p{Extended_Pictographic}|[!?]/gu;

/**
 * Splits a comment into lower-case tokens: words (with inner apostrophes, "don't"), numbers,
 * single emoji, and "!" / "?" (both carry emotion). GoEmotions' masks become the words
 * `xname` and `xreligion`, so they neither vanish nor collide with the word "name".
 *
 * @param text - the comment
 * @returns its tokens in order
 */
export function tokenize(text: string): string[] {
  const t = text.toLowerCase().replaceAll('[name]', ' xname ').replaceAll('[religion]', ' xreligion ');
  return (t.match(TOKEN) ?? []).map((tok) => tok.replaceAll('’', "'"));
}

/**
 * Turns a comment into the sparse features of the emotion classifier, as feature strings with
 * their counts: word n-grams (`w:`, `w:i_love`) and character n-grams inside each word padded
 * with spaces (`c: lov`), the two families of a strong linear baseline for short social-media
 * text (Joulin et al. 2017, "Bag of Tricks"; Wang & Manning 2012). The family prefix lets a
 * model normalise the two families separately.
 *
 * @param text - the comment
 * @param config - n-gram orders
 * @returns feature -> count
 */
export function extractFeatures(
  text: string,
  config: TextFeatureConfig = DEFAULT_TEXT_FEATURES,
): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const add = (f: string): void => {
    counts.set(f, (counts.get(f) ?? 0) + 1);
  };
  for (const n of config.wordNgrams) {
    for (let i = 0; i + n <= tokens.length; i++) add(`w:${tokens.slice(i, i + n).join('_')}`);
  }
  if (config.charNgrams.length > 0) {
    for (const tok of tokens) {
      if (!/^\p{L}/u.test(tok)) continue;
      const padded = ` ${tok} `;
      for (const n of config.charNgrams) {
        for (let i = 0; i + n <= padded.length; i++) add(`c:${padded.slice(i, i + n)}`);
      }
    }
  }
  return counts;
}
