import type { Rng } from '@emocrowd/models';
import { Network } from './Network.js';
import { checkEdgeBudget, type NetworkKind, noParameter } from './NetworkKind.js';

/**
 * `complete`: everyone linked to everyone (each persona sees all the others' answers).
 *
 * The full-information condition of Lorenz, Rauhut, Schweitzer & Helbing (2011), where each of
 * 12 participants saw all the others' estimates. n (n - 1) / 2 edges, so it is refused above
 * `MAX_NETWORK_EDGES` (about 6,300 personas); for big crowds show the aggregate instead
 * (`--influence aggregate`).
 */
export const completeNetwork: NetworkKind = {
  name: 'complete',
  usage: 'complete',
  description: 'everyone linked to everyone',
  source: 'Lorenz et al. 2011 (full information)',
  build(nodes: number, parameter: string | undefined, _rng: Rng): Network {
    noParameter('complete', parameter);
    checkEdgeBudget('complete', nodes, (nodes * (nodes - 1)) / 2);
    const edges = new Int32Array(nodes * (nodes - 1));
    let e = 0;
    for (let a = 0; a < nodes; a++) {
      for (let b = a + 1; b < nodes; b++) {
        edges[e++] = a;
        edges[e++] = b;
      }
    }
    return Network.fromEdges('complete', 'complete', nodes, edges);
  },
};
