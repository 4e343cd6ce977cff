import type { Rng } from '@emocrowd/models';
import { Network } from './Network.js';
import { integerParameter, type NetworkKind } from './NetworkKind.js';

/**
 * `ring` or `ring:K`: nodes on a circle, each linked to its K nearest nodes on either side
 * (K = 1 by default, degree 2K).
 *
 * The regular ring lattice Watts & Strogatz (1998) start their small-world model from: highly
 * clustered, long paths. Node i is linked to i ± 1, ..., i ± K (mod n). Needs n > 2K so the
 * 2K neighbours are distinct. Deterministic: it draws nothing.
 */
export const ringNetwork: NetworkKind = {
  name: 'ring',
  usage: 'ring[:K]',
  description: 'a circle, each node linked to its K nearest on either side (default K = 1)',
  source: 'Watts & Strogatz 1998 (ring lattice)',
  build(nodes: number, parameter: string | undefined, _rng: Rng): Network {
    const k = parameter === undefined ? 1 : integerParameter(parameter, 'ring:K', 1);
    if (nodes <= 2 * k)
      throw new RangeError(
        `--network ring${parameter === undefined ? '' : `:${k}`} needs more than ${2 * k} personas (got ${nodes})`,
      );
    const edges = new Int32Array(2 * nodes * k);
    let e = 0;
    for (let i = 0; i < nodes; i++) {
      for (let j = 1; j <= k; j++) {
        edges[e++] = i;
        edges[e++] = (i + j) % nodes;
      }
    }
    return Network.fromEdges(parameter === undefined ? 'ring' : `ring:${k}`, 'ring', nodes, edges);
  },
};
