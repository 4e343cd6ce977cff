import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PersonaSelection, Task } from '@emocrowd/agents';
import {
  loadNetwork,
  type Network,
  type NetworkDescription,
  type PersonaList,
  RUN_FILES,
  readRunNetwork,
} from '@emocrowd/crowd';
import { createRng } from '@emocrowd/models';
import { selectPersonas } from '../catalog/selectPersonas.js';
import { usageError } from '../command/CliError.js';
import type { RunRequest } from './RunRequest.js';
import { resolveTask } from './resolveTask.js';
import { scaleList } from './scaleList.js';
import { shardList } from './shardList.js';

/** What a run asks and whom: the task, the persona selection, this shard's personas, the network. */
export interface ResolvedCrowd {
  task: Task;
  selection: PersonaSelection;
  /** The crowd: the selection, or the seeded fraction of it `scale` asks for. */
  crowd: PersonaList;
  /** The personas this run asks (its shard of the crowd). */
  personas: PersonaList;
  network?: Network;
}

/**
 * Resolves the task, the personas (drawn from the run's seed, then the fraction `scale` keeps,
 * drawn from its "scale" stream) and the network of a request, relative to `cwd`. A resumed run whose directory holds its network reads it from there, so
 * the network file it was built from is not needed again.
 *
 * @param request the run request.
 * @param cwd where relative paths (task, persona and network files) start.
 * @param stored a resumed run's directory and its network as run.json describes it.
 * @returns the crowd.
 * @throws CliError (exit 2) naming the flag and the fix.
 */
export function resolveCrowd(
  request: RunRequest,
  cwd: string,
  stored?: { dir: string; network?: NetworkDescription },
): ResolvedCrowd {
  const task = resolveTask(request.task, cwd);
  const selection = selectPersonas({
    personas: request.personas,
    ...(request.emotions ? { emotions: request.emotions } : {}),
    ...(request.emotionModel ? { emotionModel: request.emotionModel } : {}),
    ...(request.intensities ? { intensities: request.intensities } : {}),
    condition: request.condition,
    seed: request.seed,
    cwd,
  });
  const crowd = scaleList(selection, request.scale, createRng(request.seed).fork('scale'));
  if (request.groupBy) {
    const known = [
      'emotion',
      'plutchik',
      'spectrum',
      'intensity',
      ...selection.space.dimensions.map((d) => d.id),
    ];
    const unknown = request.groupBy.filter((g) => !known.includes(g));
    if (unknown.length > 0) {
      throw usageError(
        `--group-by: unknown dimension ${unknown.join(', ')}; this crowd has ${known.join(', ')}`,
      );
    }
  }
  const network =
    stored?.network && existsSync(join(stored.dir, RUN_FILES.network))
      ? storedNetwork(stored.dir, stored.network)
      : requestedNetwork(request, crowd.count, cwd);
  return {
    task,
    selection,
    crowd,
    personas: shardList(crowd, request.shard),
    ...(network ? { network } : {}),
  };
}

/** The run's network (`--network`), built from the seed or read from its file; usage errors name the flag. */
function requestedNetwork(request: RunRequest, nodes: number, cwd: string): Network | undefined {
  if (request.network === undefined) return undefined;
  if (request.influence.kind !== 'neighbours')
    throw usageError(
      `--network ${request.network} needs --influence neighbours (got ${request.influence.kind})`,
    );
  if (request.shard)
    throw usageError(
      '--network needs the whole crowd in one run: agents see neighbours in other shards; drop --shard',
    );
  try {
    return loadNetwork(request.network, nodes, request.seed, cwd);
  } catch (error) {
    throw usageError(prefixFlag((error as Error).message, `--network ${request.network}`));
  }
}

function storedNetwork(dir: string, description: NetworkDescription): Network {
  try {
    return readRunNetwork(dir, description);
  } catch (error) {
    throw usageError(`--resume ${dir}: ${(error as Error).message.split('\n')[0]}`);
  }
}

function prefixFlag(message: string, flag: string): string {
  return message.startsWith('--') ? message : `${flag}: ${message}`;
}
