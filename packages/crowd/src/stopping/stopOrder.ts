import { createRng } from '@emocrowd/models';

/**
 * The seeded random order a stopping crowd is asked in: a uniform permutation of its slots
 * (persona x replicate, `slot = replicate x personas + position`), drawn with Fisher-Yates from
 * the run's seed forked by "stop-order". Asking in the persona space's order instead would make
 * an early stop see only the first emotions and attributes of the space.
 *
 * @param units the number of slots
 * @param seed the run's seed
 * @returns the slots in the order they are asked
 */
export function stopOrder(units: number, seed: number): Uint32Array {
  const order = new Uint32Array(units);
  for (let i = 0; i < units; i++) order[i] = i;
  const rng = createRng(seed).fork('stop-order');
  for (let i = units - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = order[i] as number;
    order[i] = order[j] as number;
    order[j] = tmp;
  }
  return order;
}
