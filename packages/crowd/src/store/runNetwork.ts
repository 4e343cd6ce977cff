import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRng } from '@emocrowd/models';
import type { NetworkDescription } from '../events/RunDescriptor.js';
import { formatEdgeList, parseEdgeList } from '../networks/edgeListNetwork.js';
import type { Network } from '../networks/Network.js';
import { networkKinds, parseNetworkSpec } from '../networks/networks.js';
import { RUN_FILES } from './RunManifest.js';

/**
 * The network a run asks for: a built-in kind built over `nodes` positions from the run's
 * network stream (`createRng(seed).fork('network')`, so the same seed gives the same network),
 * or an edge-list file read relative to `cwd`.
 *
 * @throws Error with a one-line message naming `--network` and the fix
 */
export function loadNetwork(spec: string, nodes: number, seed: number, cwd: string): Network {
  const parsed = parseNetworkSpec(spec);
  if (parsed.type === 'kind')
    return parsed.kind.build(nodes, parsed.parameter, createRng(seed).fork('network'));
  const path = resolve(cwd, parsed.path);
  if (!existsSync(path))
    throw new Error(
      `--network ${spec}: not a built-in network (${networkKinds.map((k) => k.usage).join(', ')}) and no such edge-list file`,
    );
  return parseEdgeList(readFileSync(path, 'utf8'), parsed.path, nodes);
}

/**
 * What run.json says of a network: its spec, kind, size, degrees, file and the SHA-256 of the
 * edge list the run stores.
 */
export function describeNetwork(network: Network): NetworkDescription {
  const text = formatEdgeList(network);
  const degree = network.degreeRange();
  return {
    spec: network.spec,
    kind: network.kind,
    nodes: network.nodes,
    edges: network.edgeCount,
    degree: { min: degree.min, max: degree.max, mean: Math.round(degree.mean * 1e6) / 1e6 },
    file: RUN_FILES.network,
    sha256: createHash('sha256').update(text).digest('hex'),
  };
}

/** Stores the network's edge list in the run directory (atomically), as run.json describes it. */
export function writeRunNetwork(dir: string, network: Network): void {
  const path = join(dir, RUN_FILES.network);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, formatEdgeList(network));
  renameSync(tmp, path);
}

/**
 * Reads a run's network back from its directory and checks it is the one run.json describes.
 *
 * @throws Error naming the file when it is missing, unreadable or not the described network
 */
export function readRunNetwork(dir: string, description: NetworkDescription): Network {
  const path = join(dir, description.file);
  if (!existsSync(path))
    throw new Error(`${path} is missing: the run's network (${description.spec}) is needed`);
  const text = readFileSync(path, 'utf8');
  const sha256 = createHash('sha256').update(text).digest('hex');
  if (sha256 !== description.sha256)
    throw new Error(`${path} is not the network run.json describes (its SHA-256 differs); restore it`);
  return parseEdgeList(text, description.file, description.nodes, description);
}
