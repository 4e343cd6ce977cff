/**
 * Subset sizes spaced evenly on a log scale from 1 to n, always including 1 and n.
 *
 * The intuition: accuracy changes fast for small crowds and slowly for large ones, so a log grid
 * spends its points where the curve bends. Rounded to integers and de-duplicated, so small crowds
 * get fewer points (n = 10 gives every size 1..10).
 *
 * @param n crowd size (>= 1).
 * @param count target number of sizes; default 25.
 * @returns ascending distinct sizes.
 */
export function logSpacedSizes(n: number, count = 25): number[] {
  if (!(Number.isInteger(n) && n >= 1))
    throw new RangeError(`crowd size must be a positive integer (got ${n})`);
  const sizes = new Set<number>([1, n]);
  const steps = Math.max(2, count) - 1;
  for (let j = 0; j <= steps; j++)
    sizes.add(Math.min(n, Math.max(1, Math.round(Math.exp((Math.log(n) * j) / steps)))));
  return [...sizes].sort((a, b) => a - b);
}
