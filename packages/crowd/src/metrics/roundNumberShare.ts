/**
 * Whether a number is "round": a multiple of 10^e or of 5 x 10^(e - 1), where
 * e = floor(log10 |x|) is the power of ten of its leading digit.
 *
 * So only the leading digit may be non-zero, or the leading digit followed by a 5: 7, 30, 150,
 * 500, 1000, 1500, 2.5 are round; 1194, 1200, 162, 0.37 are not (1200 has two significant
 * digits that are not "x5"). Zero counts as round. A relative tolerance of 1e-9 absorbs floating
 * noise (0.3 is round).
 *
 * @param x a finite number.
 * @returns true when x is round by this definition.
 */
export function isRoundNumber(x: number): boolean {
  if (x === 0) return true;
  const a = Math.abs(x);
  const e = Math.floor(Math.log10(a));
  return isMultiple(a, 10 ** e) || isMultiple(a, 5 * 10 ** (e - 1));
}

function isMultiple(a: number, unit: number): boolean {
  const q = a / unit;
  return Math.abs(q - Math.round(q)) <= 1e-9 * Math.max(1, q);
}

/**
 * Share of estimates that are round numbers (see `isRoundNumber`).
 *
 * The intuition: people and LLMs answer "about 1,500" rather than "1,427"; a high share signals
 * heaping, which makes many answers tie and limits what averaging can fix. LLM answers show a
 * marked round-number bias (Schoenegger et al. 2024, "Wisdom of the silicon crowd", Sci. Adv.); people round
 * uncertain quantitative reports too (Huttenlocher, Hedges & Bradburn 1990, J. Exp. Psychol.
 * Learn. Mem. Cogn. 16:196).
 *
 * @param values the estimates.
 * @returns the share in [0, 1], `NaN` for an empty crowd.
 */
export function roundNumberShare(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  let round = 0;
  for (let i = 0; i < n; i++) if (isRoundNumber(values[i] as number)) round++;
  return round / n;
}
