import type { Rng } from '@emocrowd/models';
import { completeNetwork } from './completeNetwork.js';
import { erdosRenyiNetwork } from './erdosRenyiNetwork.js';
import { latticeNetwork } from './latticeNetwork.js';
import type { Network } from './Network.js';
import type { NetworkKind } from './NetworkKind.js';
import { randomRegularNetwork } from './randomRegularNetwork.js';
import { ringNetwork } from './ringNetwork.js';
import { starNetwork } from './starNetwork.js';

/** Every network kind `--network` knows, in the order help lists them. */
export const networkKinds: readonly NetworkKind[] = [
  randomRegularNetwork,
  starNetwork,
  ringNetwork,
  latticeNetwork,
  erdosRenyiNetwork,
  completeNetwork,
];

/** A `--network` value read: a built-in kind with its parameter, or an edge-list file. */
export type NetworkSpec =
  | { readonly type: 'kind'; readonly kind: NetworkKind; readonly parameter: string | undefined }
  | { readonly type: 'file'; readonly path: string };

/**
 * Reads a `--network` value: `NAME` or `NAME:PARAM` for a built-in kind (the name decides;
 * `random-regular:4`, `star`, `lattice:20x25`), anything else is the path of an edge-list file
 * (write `./star` for a file called star).
 */
export function parseNetworkSpec(spec: string): NetworkSpec {
  const text = spec.trim();
  const at = text.indexOf(':');
  const name = at < 0 ? text : text.slice(0, at);
  const kind = networkKinds.find((k) => k.name === name);
  if (kind) return { type: 'kind', kind, parameter: at < 0 ? undefined : text.slice(at + 1).trim() };
  return { type: 'file', path: text };
}

/**
 * Builds a built-in network kind over `nodes` crowd positions from the run's network stream.
 *
 * @param spec the `--network` value (not a file)
 * @param nodes the crowd size
 * @param rng `createRng(seed).fork('network')`
 * @throws RangeError naming the form expected (or that the value is a file, which the caller reads)
 */
export function buildNetwork(spec: string, nodes: number, rng: Rng): Network {
  const parsed = parseNetworkSpec(spec);
  if (parsed.type === 'file')
    throw new RangeError(
      `--network ${spec}: not a built-in network (${networkKinds.map((k) => k.usage).join(', ')}) and not read as a file here`,
    );
  return parsed.kind.build(nodes, parsed.parameter, rng);
}
