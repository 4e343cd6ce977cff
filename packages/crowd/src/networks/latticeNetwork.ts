import type { Rng } from '@emocrowd/models';
import { Network } from './Network.js';
import type { NetworkKind } from './NetworkKind.js';

/**
 * `lattice` or `lattice:RxC`: a two-dimensional square lattice wrapped into a torus.
 *
 * Exactly: the nodes fill an R x C grid row by row (node i sits at row floor(i / C), column
 * i mod C, so R x C must equal the crowd size), and each node is linked to its four nearest
 * grid neighbours - left, right, up and down (the von Neumann neighbourhood) - with the edges
 * wrapping around (row R - 1 neighbours row 0, column C - 1 neighbours column 0). Every node
 * therefore has degree 4, like `random-regular:4`, but its neighbours are each other's
 * neighbours' neighbours: a clustered network of the same degree, the contrast Centola (2010,
 * Science 329:1194) drew between clustered lattices and random networks. Without `:RxC`,
 * R is the largest divisor of n not above sqrt(n) and C = n / R (500 -> 20 x 25). Both sides
 * must be at least 3 (otherwise up and down, or left and right, would be the same node), so
 * crowd sizes without such a shape (below 9, primes, twice a prime, 8) are refused.
 * Deterministic: it draws nothing.
 */
export const latticeNetwork: NetworkKind = {
  name: 'lattice',
  usage: 'lattice[:RxC]',
  description: 'a 2-D square lattice on a torus (R x C = n), each node linked to its 4 grid neighbours',
  source: 'the clustered lattice of Centola 2010 (here with the von Neumann neighbourhood)',
  build(nodes: number, parameter: string | undefined, _rng: Rng): Network {
    const [rows, cols] = parameter === undefined ? squarestShape(nodes) : parseShape(parameter, nodes);
    if (rows < 3 || cols < 3) {
      throw new RangeError(
        `--network lattice over ${nodes} personas: no R x C = ${nodes} with both sides >= 3${parameter === undefined ? ' (choose a crowd size such as 400 = 20 x 20)' : ''}`,
      );
    }
    const edges = new Int32Array(4 * nodes);
    let e = 0;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const i = r * cols + c;
        edges[e++] = i;
        edges[e++] = r * cols + ((c + 1) % cols);
        edges[e++] = i;
        edges[e++] = ((r + 1) % rows) * cols + c;
      }
    }
    return Network.fromEdges(`lattice:${rows}x${cols}`, 'lattice', nodes, edges);
  },
};

function squarestShape(nodes: number): [number, number] {
  for (let r = Math.floor(Math.sqrt(nodes)); r >= 1; r--) if (nodes % r === 0) return [r, nodes / r];
  return [1, nodes];
}

function parseShape(text: string, nodes: number): [number, number] {
  const match = /^\s*(\d+)\s*x\s*(\d+)\s*$/i.exec(text);
  if (!match)
    throw new RangeError(
      `--network lattice:RxC: give rows x columns, e.g. lattice:20x25 (got "lattice:${text}")`,
    );
  const rows = Number(match[1]);
  const cols = Number(match[2]);
  if (rows * cols !== nodes)
    throw new RangeError(
      `--network lattice:${rows}x${cols} has ${rows * cols} nodes but the crowd has ${nodes} personas`,
    );
  return [rows, cols];
}
