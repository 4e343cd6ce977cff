/**
 * About six ticks evenly spaced in log space, rounded to two significant digits.
 *
 * @param min the scale's lower end (> 0).
 * @param max its upper end.
 * @returns the tick values inside [min, max].
 */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0 && max > min)) return [];
  const a = Math.log10(min);
  const b = Math.log10(max);
  const ticks: number[] = [];
  for (let i = 0; i <= 5; i++) {
    const v = 10 ** (a + ((b - a) * i) / 5);
    const rounded = Number(v.toPrecision(2));
    if (rounded >= min && rounded <= max && !ticks.includes(rounded)) ticks.push(rounded);
  }
  return ticks;
}
