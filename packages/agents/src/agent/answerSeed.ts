/** Seed offset between replicates: a prime above 10,000,000, so replicate seeds never collide with another persona's seed in spaces of up to 10 million personas. */
export const REPLICATE_SEED_STRIDE = 10_000_019;
/** Seed offset between social-influence rounds (a prime above 100,000,000). */
export const ROUND_SEED_STRIDE = 100_000_007;
/** Seed offset between the items of a battery (a prime above 1,000,000,000; wraps modulo 2^31). */
export const ITEM_SEED_STRIDE = 1_000_000_007;

/**
 * The model seed of one call: runSeed + personaIndex + 10,000,019 x replicate + 100,000,007 x round
 * + 1,000,000,007 x item, reduced modulo 2^31 so every backend accepts it as a non-negative
 * 32-bit integer.
 *
 * Intuition: a run is a pure function of its seed; each persona gets its own seed so the crowd
 * is not one answer repeated, replicates ask the same persona again with a fresh seed, each
 * social-influence round draws anew, and so does each item of a battery (two items with the same
 * truth would otherwise get the same simulated answer). For replicate 0, round 0 and the first
 * (or only) item the seed is exactly runSeed + persona.index.
 *
 * @param runSeed - the run's seed
 * @param personaIndex - persona.index
 * @param replicate - replicate number, from 0
 * @param round - round number, from 0
 * @param item - the item's position in its battery, from 0 (0 for a single question)
 * @returns the seed, 0 <= seed < 2^31
 */
export function answerSeed(
  runSeed: number,
  personaIndex: number,
  replicate = 0,
  round = 0,
  item = 0,
): number {
  const raw =
    runSeed +
    personaIndex +
    REPLICATE_SEED_STRIDE * replicate +
    ROUND_SEED_STRIDE * round +
    ITEM_SEED_STRIDE * item;
  const m = 2 ** 31;
  return ((raw % m) + m) % m;
}
