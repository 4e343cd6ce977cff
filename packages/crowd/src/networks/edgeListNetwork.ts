import { Network } from './Network.js';

/** The header line `formatEdgeList` writes. */
export const EDGE_LIST_HEADER = 'source,target';

/**
 * Reads a network from an edge-list text: one edge per line, two node numbers separated by a
 * comma, a semicolon, spaces or a tab (`0,5`, `0 5`).
 *
 * Node numbers are 0-based crowd positions (0 = the run's first persona), so the file fits any
 * crowd of at least max + 1 personas; positions that appear in no edge are isolated (they are
 * shown nothing). Each line a-b links both ways. Empty lines and text after `#` are ignored; a
 * first line of two non-numeric names (`source,target`, as `formatEdgeList` writes and as most
 * graph tools export) is a header. Self-loops and repeated edges are dropped.
 *
 * @param text the file's content
 * @param source the file name, for messages
 * @param nodes the crowd size
 * @param identity spec and kind to give the network (default: spec `source`, kind `file`)
 * @returns the network
 * @throws Error naming the file and line of the first bad entry
 */
export function parseEdgeList(
  text: string,
  source: string,
  nodes: number,
  identity: { spec: string; kind: string } = { spec: source, kind: 'file' },
): Network {
  const edges: number[] = [];
  const lines = text.split(/\r?\n/);
  let sawData = false;
  lines.forEach((raw, at) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const fields = line.split(/[\s,;]+/).filter(Boolean);
    const where = `${source}:${at + 1}`;
    if (!sawData && fields.length === 2 && fields.every((f) => !/^[+-]?\d/.test(f))) {
      sawData = true; // a header
      return;
    }
    sawData = true;
    if (fields.length !== 2)
      throw new Error(`${where}: expected two node numbers (an edge "a,b"), got "${raw.trim()}"`);
    for (const field of fields) {
      if (!/^\d+$/.test(field))
        throw new Error(`${where}: "${field}" is not a node number (0-based crowd positions)`);
      const node = Number(field);
      if (node >= nodes)
        throw new Error(
          `${where}: node ${node} is outside the crowd (positions 0..${nodes - 1}); the file needs at least ${node + 1} personas`,
        );
      edges.push(node);
    }
  });
  if (edges.length === 0) throw new Error(`${source}: no edge in the file (one "a,b" per line)`);
  return Network.fromEdges(identity.spec, identity.kind, nodes, edges);
}

/**
 * The network as an edge list `parseEdgeList` reads back: the header `source,target`, then one
 * `a,b` line per edge with a < b, ascending. A run stores its network this way (network.csv),
 * so it can be given to another run with `--network runs/.../network.csv`.
 */
export function formatEdgeList(network: Network): string {
  const lines = [EDGE_LIST_HEADER];
  for (const [a, b] of network.edges()) lines.push(`${a},${b}`);
  return `${lines.join('\n')}\n`;
}
