import type { Rng } from '@emocrowd/models';
import { Network } from './Network.js';
import { checkEdgeBudget, integerParameter, type NetworkKind } from './NetworkKind.js';

/** Attempts of the pairing before giving up (each succeeds with high probability for small D). */
const MAX_ATTEMPTS = 1000;

/**
 * `random-regular:D`: a random network in which every node has exactly D neighbours.
 *
 * The decentralized condition of Becker, Brackbill & Centola (2017) is random-regular:4 over 40
 * participants. Drawn by the pairing algorithm of Steger & Wormald (1999), as NetworkX's
 * `random_regular_graph` does: D stubs per node are shuffled and paired; pairs that would make
 * a self-loop or repeat an edge are set aside and their stubs re-paired among themselves; when
 * no pair of the leftover stubs can be joined any more the attempt starts over. The result is
 * simple (no loops, no repeated edges) and asymptotically uniform over D-regular graphs.
 * Needs D < n and n D even.
 */
export const randomRegularNetwork: NetworkKind = {
  name: 'random-regular',
  usage: 'random-regular:D',
  description: 'random, every node with exactly D neighbours',
  source: 'Becker, Brackbill & Centola 2017 (decentralized, D = 4); Steger & Wormald 1999',
  build(nodes: number, parameter: string | undefined, rng: Rng): Network {
    const d = integerParameter(parameter, 'random-regular:D', 1);
    if (d >= nodes)
      throw new RangeError(`--network random-regular:${d} needs more than ${d} personas (got ${nodes})`);
    if ((nodes * d) % 2 !== 0)
      throw new RangeError(
        `--network random-regular:${d} over ${nodes} personas is impossible (nodes x D must be even); use an even crowd size or an even D`,
      );
    checkEdgeBudget(`random-regular:${d}`, nodes, (nodes * d) / 2);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const edges = tryPairing(nodes, d, rng);
      if (edges) return Network.fromEdges(`random-regular:${d}`, 'random-regular', nodes, edges);
    }
    throw new RangeError(
      `--network random-regular:${d}: no simple ${d}-regular network over ${nodes} personas found in ${MAX_ATTEMPTS} attempts; use a smaller D`,
    );
  },
};

/** One attempt of the pairing; undefined when it got stuck. */
function tryPairing(nodes: number, d: number, rng: Rng): Int32Array | undefined {
  const joined = new Set<number>();
  const out = new Int32Array(nodes * d);
  let e = 0;
  let stubs: number[] = [];
  for (let v = 0; v < nodes; v++) for (let j = 0; j < d; j++) stubs.push(v);
  while (stubs.length > 0) {
    rng.shuffle(stubs);
    const leftover = new Map<number, number>();
    for (let i = 0; i + 1 < stubs.length; i += 2) {
      let a = stubs[i] as number;
      let b = stubs[i + 1] as number;
      if (a > b) [a, b] = [b, a];
      const key = a * nodes + b;
      if (a !== b && !joined.has(key)) {
        joined.add(key);
        out[e++] = a;
        out[e++] = b;
      } else {
        leftover.set(a, (leftover.get(a) ?? 0) + 1);
        leftover.set(b, (leftover.get(b) ?? 0) + 1);
      }
    }
    if (leftover.size === 0) break;
    if (!suitable(leftover, joined, nodes)) return undefined;
    stubs = [];
    for (const [v, count] of leftover) for (let j = 0; j < count; j++) stubs.push(v);
  }
  return out;
}

/** Whether two of the leftover nodes can still be joined (different and not yet linked). */
function suitable(leftover: Map<number, number>, joined: Set<number>, nodes: number): boolean {
  const list = [...leftover.keys()].sort((x, y) => x - y);
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      if (!joined.has((list[i] as number) * nodes + (list[j] as number))) return true;
    }
  }
  return false;
}
