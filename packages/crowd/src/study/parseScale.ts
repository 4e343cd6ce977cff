/**
 * Reads `--scale`: a fraction `A/B` (1 <= A <= B) or a decimal in (0, 1].
 *
 * @param text the flag's value
 * @returns numerator and denominator (a decimal d becomes round(d x 10^6) / 10^6)
 * @throws RangeError naming the flag and the accepted forms
 */
export function parseScale(text: string): { numerator: number; denominator: number } {
  const trimmed = text.trim();
  const fraction = /^(\d+)\/(\d+)$/.exec(trimmed);
  if (fraction) {
    const numerator = Number(fraction[1]);
    const denominator = Number(fraction[2]);
    if (numerator >= 1 && numerator <= denominator) return { numerator, denominator };
  } else if (/^(0?\.\d+|1(\.0*)?)$/.test(trimmed)) {
    const value = Number(trimmed);
    if (value > 0 && value <= 1) {
      const denominator = 1_000_000;
      return { numerator: Math.max(1, Math.round(value * denominator)), denominator };
    }
  }
  throw new RangeError(
    `--scale ${text}: expected a fraction A/B with 1 <= A <= B (e.g. 1/56) or a decimal in (0, 1]`,
  );
}
