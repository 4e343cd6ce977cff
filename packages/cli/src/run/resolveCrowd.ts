import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type Condition,
  DefinitionFileError,
  type PersonaSelection,
  resolvePersonas,
  type Task,
} from '@emocrowd/agents';
import type { PersonaList } from '@emocrowd/crowd';
import { createRng } from '@emocrowd/models';
import { usageError } from '../command/CliError.js';
import type { RunRequest } from './RunRequest.js';
import { resolveTask } from './resolveTask.js';
import { scaleList } from './scaleList.js';
import { shardList } from './shardList.js';

/** The task and the crowd of a run request. */
export interface ResolvedCrowd {
  /** The question, or the battery of questions. */
  task: Task;
  /** The personas `--personas` and `--emotions` select. */
  selection: PersonaSelection;
  /** The crowd: the selection, or the seeded fraction `scale` asks for. */
  crowd: PersonaList;
  /** The personas this run asks: the crowd, or its shard. */
  personas: PersonaList;
}

/**
 * Resolves what a run asks and whom: the task (`resolveTask`), the personas drawn with the run
 * seed's "personas" stream, the fraction of them `scale` keeps (its "scale" stream) and the
 * shard. Errors are one line naming the flag and the fix.
 *
 * @param request the run request
 * @param cwd where relative task and persona files start
 * @returns the task, the selection, the crowd and the personas this run asks
 */
export function resolveCrowd(request: RunRequest, cwd: string): ResolvedCrowd {
  const task = resolveTask(request.task, cwd);
  const rng = createRng(request.seed);
  let selection: PersonaSelection;
  let crowd: PersonaList;
  try {
    const resolved = resolvePersonas(resolvePersonaSpec(request.personas, cwd), {
      ...(request.emotions ? { emotions: request.emotions } : {}),
      ...(request.emotionModel ? { emotionModel: request.emotionModel } : {}),
      ...(request.intensities ? { intensities: request.intensities } : {}),
      condition: request.condition as Condition,
      rng: rng.fork('personas'),
    });
    selection = resolved;
    crowd = scaleList(selection, request.scale, rng.fork('scale'));
  } catch (error) {
    if (error instanceof DefinitionFileError) throw usageError(error.message);
    if (error instanceof RangeError) throw usageError(prefixFlag(error.message, '--personas'));
    throw error;
  }
  if (selection.count === 0)
    throw usageError('--personas: the selection is empty; check --emotions and the persona file');
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
  const personas = shardList(crowd, request.shard);

  return { task, selection, crowd, personas };
}

function resolvePersonaSpec(spec: string, cwd: string): string {
  if (/^\d+$/.test(spec) || spec === 'all' || spec === 'paper') return spec;
  const path = resolve(cwd, spec);
  if (!existsSync(path)) {
    throw usageError(
      `--personas: no such file ${spec}; give N, all, paper or an existing JSON/YAML persona file`,
    );
  }
  return path;
}

function prefixFlag(message: string, flag: string): string {
  return message.startsWith('--') ? message : `${flag}: ${message}`;
}
