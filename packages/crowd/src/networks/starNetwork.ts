import type { Rng } from '@emocrowd/models';
import { Network } from './Network.js';
import type { NetworkKind } from './NetworkKind.js';
import { noParameter } from './NetworkKind.js';

/**
 * `star`: one hub linked to every other node, and no other links (the centralized network).
 *
 * The hub sees everyone's answers and everyone sees only the hub's. The hub is a node drawn
 * uniformly from the run's network stream, so it is not always the first persona.
 * Becker, Brackbill & Centola (2017) ran this design with 40 participants: in their data
 * (becker_2017.csv) every peripheral participant's `mean.neighbor.time1` is the hub's first
 * answer, and the hub's is the mean of all the others'.
 */
export const starNetwork: NetworkKind = {
  name: 'star',
  usage: 'star',
  description: 'one hub linked to everyone else; the others see only the hub (centralized)',
  source: 'Becker, Brackbill & Centola 2017 (centralized condition)',
  build(nodes: number, parameter: string | undefined, rng: Rng): Network {
    noParameter('star', parameter);
    if (nodes < 2) throw new RangeError(`--network star needs at least 2 personas (got ${nodes})`);
    const hub = rng.int(nodes);
    const edges = new Int32Array(2 * (nodes - 1));
    let e = 0;
    for (let i = 0; i < nodes; i++) {
      if (i === hub) continue;
      edges[e++] = hub;
      edges[e++] = i;
    }
    return Network.fromEdges('star', 'star', nodes, edges);
  },
};
