import type { Rng } from '@emocrowd/models';
import { Network } from './Network.js';
import { checkEdgeBudget, type NetworkKind } from './NetworkKind.js';

/**
 * `erdos-renyi:P`: every pair of nodes linked independently with probability P (the G(n, p)
 * random graph of Erdős & Rényi 1959 / Gilbert 1959); mean degree P (n - 1), possibly with
 * isolated nodes, who then see nothing.
 *
 * Drawn in O(n + edges) by skipping over absent pairs with geometric jumps (Batagelj & Brandes
 * 2005, Phys. Rev. E 71:036113, algorithm G(n, p)), so sparse networks over a million nodes are
 * cheap; pairs are visited in the order (1,0), (2,0), (2,1), (3,0), ...
 */
export const erdosRenyiNetwork: NetworkKind = {
  name: 'erdos-renyi',
  usage: 'erdos-renyi:P',
  description: 'every pair linked independently with probability P',
  source: 'Erdős & Rényi 1959; Gilbert 1959; sampled as Batagelj & Brandes 2005',
  build(nodes: number, parameter: string | undefined, rng: Rng): Network {
    const p = parameter === undefined ? Number.NaN : Number(parameter);
    if (!(parameter !== undefined && parameter.trim() !== '' && p > 0 && p <= 1))
      throw new RangeError(
        `--network erdos-renyi:P: P must be a probability in (0, 1] (got "${parameter ?? ''}")`,
      );
    checkEdgeBudget(`erdos-renyi:${parameter}`, nodes, (p * nodes * (nodes - 1)) / 2);
    const edges: number[] = [];
    if (p === 1) {
      for (let v = 1; v < nodes; v++) for (let w = 0; w < v; w++) edges.push(v, w);
    } else {
      const logQ = Math.log(1 - p);
      let v = 1;
      let w = -1;
      while (v < nodes) {
        w += 1 + Math.floor(Math.log(1 - rng.next()) / logQ);
        while (w >= v && v < nodes) {
          w -= v;
          v++;
        }
        if (v < nodes) edges.push(v, w);
      }
    }
    return Network.fromEdges(`erdos-renyi:${parameter.trim()}`, 'erdos-renyi', nodes, edges);
  },
};
