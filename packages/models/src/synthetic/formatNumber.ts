/** How a number is written: `grouped` "1,300", `plain` "1300", `shorthand` "1.3k". */
export type NumberStyle = 'grouped' | 'plain' | 'shorthand';

/**
 * Writes a non-negative number the way a person types it in an answer.
 *
 * Hand-rolled instead of `toLocaleString` because Intl formatting costs microseconds and the
 * synthetic model writes a million answers in a benchmark. `shorthand` divides by 1,000 and
 * keeps up to two decimals ("1.25k"), so it is exact only for multiples of 10; values below
 * 1,000 are never written in shorthand.
 *
 * @param value - the number, >= 0
 * @param style - grouped (thousands separator ","), plain, or shorthand ("k")
 * @returns the text
 * @example formatNumber(1300, 'grouped') // "1,300"
 */
export function formatNumber(value: number, style: NumberStyle): string {
  if (style === 'shorthand' && value >= 1000) return `${Number((value / 1000).toFixed(2))}k`;
  const text = String(value);
  if (style === 'plain' || value < 1000) return text;
  const dot = text.indexOf('.');
  const whole = dot === -1 ? text : text.slice(0, dot);
  if (whole.length <= 3 || whole.includes('e')) return text;
  const head = whole.length % 3 || 3;
  let out = whole.slice(0, head);
  for (let i = head; i < whole.length; i += 3) out += `,${whole.slice(i, i + 3)}`;
  return dot === -1 ? out : out + text.slice(dot);
}
