/**
 * How many values a trimmed or winsorized mean removes from each end: floor(alpha n).
 *
 * A tiny tolerance keeps products such as 0.29 x 100 = 28.999999999999996 from flooring one
 * short.
 *
 * @param n number of values.
 * @param alpha share per end, 0 <= alpha < 0.5.
 * @returns floor(alpha n).
 */
export function trimCount(n: number, alpha: number): number {
  if (!(alpha >= 0 && alpha < 0.5)) throw new RangeError(`alpha must be in [0, 0.5) (got ${alpha})`);
  return Math.floor(alpha * n + 1e-9);
}
