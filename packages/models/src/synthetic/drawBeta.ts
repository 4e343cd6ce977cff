import type { Rng } from '../Rng.js';

/**
 * A Gamma(shape, 1) draw by Marsaglia & Tsang's method (2000, ACM TOMS 26:363), with the boost
 * Gamma(a) = Gamma(a + 1) U^(1/a) for shape < 1.
 *
 * @param rng - the stream
 * @param shape - the shape (> 0)
 * @returns the draw
 */
export function drawGamma(rng: Rng, shape: number): number {
  if (shape < 1) return drawGamma(rng, shape + 1) * rng.next() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = rng.normal();
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = rng.next();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * A Beta(a, b) draw: X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).
 *
 * @param rng - the stream
 * @param a - first shape (> 0)
 * @param b - second shape (> 0)
 * @returns the draw, in (0, 1)
 */
export function drawBeta(rng: Rng, a: number, b: number): number {
  const x = drawGamma(rng, a);
  const y = drawGamma(rng, b);
  return x / (x + y);
}
