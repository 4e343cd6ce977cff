import type { Rng } from '@emocrowd/models';
import type { Network } from './Network.js';

/**
 * One kind of network `--network` can build: a name, the form of its value, its source, and a
 * builder. A new kind is one file exporting a `NetworkKind` plus one line in `networks.ts`.
 */
export interface NetworkKind {
  /** The name before the colon in `--network NAME[:PARAM]`. */
  readonly name: string;
  /** The accepted forms, e.g. `random-regular:D`. */
  readonly usage: string;
  /** One sentence: what the network is. */
  readonly description: string;
  /** Where it comes from (the experiment or the model). */
  readonly source: string;
  /**
   * Builds the network over `nodes` crowd positions.
   *
   * @param nodes the crowd size
   * @param parameter the text after the colon, if any
   * @param rng the run's network stream (`createRng(seed).fork('network')`); deterministic kinds ignore it
   * @throws RangeError with a one-line message naming the accepted form when the parameter or
   *   the crowd size does not fit
   */
  build(nodes: number, parameter: string | undefined, rng: Rng): Network;
}

/** Refuses a parameter on a kind that takes none. */
export function noParameter(kind: string, parameter: string | undefined): void {
  if (parameter !== undefined)
    throw new RangeError(`--network ${kind} takes no parameter (got "${kind}:${parameter}")`);
}

/** Reads a positive integer parameter, or refuses with the accepted form. */
export function integerParameter(text: string | undefined, usage: string, min: number): number {
  const value = text === undefined ? Number.NaN : Number(text);
  if (!(text !== undefined && /^\d+$/.test(text.trim()) && value >= min))
    throw new RangeError(
      `--network ${usage}: the parameter must be an integer >= ${min} (got "${text ?? ''}")`,
    );
  return value;
}

/** Most undirected edges a built network may have (4 bytes per edge end in memory, one line each in the run). */
export const MAX_NETWORK_EDGES = 20_000_000;

/** Refuses a network that would exceed `MAX_NETWORK_EDGES`. */
export function checkEdgeBudget(kind: string, nodes: number, edges: number): void {
  if (edges > MAX_NETWORK_EDGES)
    throw new RangeError(
      `--network ${kind} over ${nodes} personas would have about ${Math.round(edges).toLocaleString('en-US')} edges (at most ${MAX_NETWORK_EDGES.toLocaleString('en-US')}); use a sparser network, or --influence aggregate to show the whole crowd's aggregate`,
    );
}
