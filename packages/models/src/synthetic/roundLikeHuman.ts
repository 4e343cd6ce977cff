/**
 * How coarsely a persona rounds its answer, relative to the answer's leading power of ten P
 * (P = 1,000 for 1,234): `exact` keeps an integer (3 significant figures below 100),
 * `twentieth` rounds to P/20 (1,250), `twoSignificant` to P/10 (1,200), `coarse` to P/2 (1,000 or 1,500).
 */
export type RoundingMode = 'exact' | 'twentieth' | 'twoSignificant' | 'coarse';

/**
 * The grain a rounding mode uses for a positive value.
 *
 * @param value - a positive number
 * @param mode - the rounding mode
 * @returns the step the value is rounded to (e.g. 50 for 1,234 in `twentieth` mode)
 */
export function roundingStep(value: number, mode: RoundingMode): number {
  const power = 10 ** Math.floor(Math.log10(value));
  switch (mode) {
    case 'exact':
      return value >= 100 ? 1 : power / 100;
    case 'twentieth':
      return power / 20;
    case 'twoSignificant':
      return power / 10;
    case 'coarse':
      return power / 2;
  }
}

/**
 * Rounds a positive value the way people do when they give a number they are unsure of.
 *
 * People prefer round numbers and choose a coarser grain the less sure they are (Jansen &
 * Pollmann 2001, J. Quantitative Linguistics 8:187; Yaniv & Foster 1995, JEP: General 124:424);
 * LLM crowds show the same round-number bias (Schoenegger et al. 2024, Science Advances).
 * The result is a multiple of `roundingStep(value, mode)`, cleaned of binary noise for steps
 * below 1 (0.15, not 0.15000000000000002). Non-positive or non-finite values come back unchanged.
 *
 * @param value - the unrounded answer, > 0
 * @param mode - how coarsely to round
 * @returns the rounded answer (never 0 for a positive value)
 * @example roundLikeHuman(1234, 'twentieth') // 1250
 */
export function roundLikeHuman(value: number, mode: RoundingMode): number {
  if (!(value > 0) || !Number.isFinite(value)) return value;
  const step = roundingStep(value, mode);
  const rounded = Math.round(value / step) * step;
  if (step >= 1) return rounded;
  const decimals = Math.ceil(-Math.log10(step) - 1e-9);
  return Number(rounded.toFixed(decimals));
}
