/**
 * Who sees whom between social-influence rounds: an undirected simple graph over the crowd's
 * positions 0..nodes-1 (position i = the i-th persona of the run's crowd).
 *
 * Stored as compressed adjacency (`offsets`, `targets`, neighbours of each node ascending), so a
 * network of a million nodes costs 4 bytes per edge end and reading a node's neighbours is a
 * subarray, not an allocation per call. Built with `Network.fromEdges`, which drops self-loops
 * and repeated edges: an edge a-b means a is shown b's answers and b is shown a's.
 */
export class Network {
  /** How the network was asked for, e.g. `random-regular:4`, `star` or a file name. */
  readonly spec: string;
  /** The registry kind (`random-regular`, `star`, ...) or `file`. */
  readonly kind: string;
  readonly nodes: number;
  /** Node i's neighbours are `targets[offsets[i] .. offsets[i + 1])`, ascending. */
  readonly offsets: Int32Array;
  readonly targets: Int32Array;

  private constructor(spec: string, kind: string, nodes: number, offsets: Int32Array, targets: Int32Array) {
    this.spec = spec;
    this.kind = kind;
    this.nodes = nodes;
    this.offsets = offsets;
    this.targets = targets;
  }

  /**
   * A network from a list of undirected edges.
   *
   * @param spec how it was asked for
   * @param kind its kind
   * @param nodes number of nodes (>= 1)
   * @param edges flat pairs [a0, b0, a1, b1, ...] of node indices in [0, nodes)
   * @returns the network without self-loops or repeated edges
   * @throws RangeError for a node outside [0, nodes) or an odd-length edge list
   */
  static fromEdges(spec: string, kind: string, nodes: number, edges: ArrayLike<number>): Network {
    if (!(Number.isInteger(nodes) && nodes >= 1))
      throw new RangeError(`a network needs at least one node (got ${nodes})`);
    if (edges.length % 2 !== 0) throw new RangeError('edges must be pairs of nodes');
    const degree = new Int32Array(nodes + 1);
    for (let e = 0; e < edges.length; e++) {
      const v = edges[e] as number;
      if (!(Number.isInteger(v) && v >= 0 && v < nodes))
        throw new RangeError(`node ${v} is outside 0..${nodes - 1}`);
    }
    for (let e = 0; e < edges.length; e += 2) {
      const a = edges[e] as number;
      const b = edges[e + 1] as number;
      if (a === b) continue;
      degree[a] = (degree[a] as number) + 1;
      degree[b] = (degree[b] as number) + 1;
    }
    const offsets = new Int32Array(nodes + 1);
    for (let i = 0; i < nodes; i++) offsets[i + 1] = (offsets[i] as number) + (degree[i] as number);
    const fill = offsets.slice(0, nodes);
    const raw = new Int32Array(offsets[nodes] as number);
    for (let e = 0; e < edges.length; e += 2) {
      const a = edges[e] as number;
      const b = edges[e + 1] as number;
      if (a === b) continue;
      raw[(fill[a] as number)++] = b;
      raw[(fill[b] as number)++] = a;
    }
    // Sort each node's list and drop repeats.
    const clean = new Int32Array(nodes + 1);
    let kept = 0;
    for (let i = 0; i < nodes; i++) {
      const list = raw.subarray(offsets[i] as number, offsets[i + 1] as number).sort();
      let last = -1;
      for (const v of list) {
        if (v !== last) {
          raw[kept++] = v;
          last = v;
        }
      }
      clean[i + 1] = kept;
    }
    return new Network(spec, kind, nodes, clean, raw.slice(0, kept));
  }

  /** Node's neighbours, ascending (a view, do not modify). */
  neighbours(node: number): Int32Array {
    return this.targets.subarray(this.offsets[node] as number, this.offsets[node + 1] as number);
  }

  degree(node: number): number {
    return (this.offsets[node + 1] as number) - (this.offsets[node] as number);
  }

  /** Number of undirected edges. */
  get edgeCount(): number {
    return this.targets.length / 2;
  }

  /** Every edge once, as [a, b] with a < b, in ascending order. */
  *edges(): IterableIterator<[number, number]> {
    for (let a = 0; a < this.nodes; a++) {
      for (const b of this.neighbours(a)) if (a < b) yield [a, b];
    }
  }

  /** Degree counts: smallest, largest and mean degree. */
  degreeRange(): { min: number; max: number; mean: number } {
    let min = Number.POSITIVE_INFINITY;
    let max = 0;
    for (let i = 0; i < this.nodes; i++) {
      const d = this.degree(i);
      if (d < min) min = d;
      if (d > max) max = d;
    }
    return { min, max, mean: this.targets.length / this.nodes };
  }
}
