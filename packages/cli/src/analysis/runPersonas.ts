import { resolve } from 'node:path';
import { type Condition, DefinitionFileError, resolvePersonas } from '@emocrowd/agents';
import type { PersonaList, RunDescriptor } from '@emocrowd/crowd';
import { createRng } from '@emocrowd/models';
import { usageError } from '../command/CliError.js';
import { scaleList } from '../run/scaleList.js';

/**
 * The whole crowd of a run (before sharding), in the order the run asked it, rebuilt from its
 * descriptor exactly as `emocrowd run` built it: the same persona spec, emotion filter, emotion
 * model, intensity sweep and condition, drawn with the run seed's "personas" stream, and the same
 * fraction of it (the "scale" stream) when the run was scaled. A persona file must still be where
 * it was (relative paths start at `cwd`).
 *
 * @param descriptor the run's descriptor (run.json)
 * @param cwd the directory relative persona-file paths start from
 * @returns the crowd
 */
export function runPersonas(descriptor: RunDescriptor, cwd: string): PersonaList {
  const spec = descriptor.personas.spec;
  const path = /^\d+$/.test(spec) || spec === 'all' || spec === 'paper' ? spec : resolve(cwd, spec);
  try {
    const rng = createRng(descriptor.seed);
    const selection = scaleList(
      resolvePersonas(path, {
        ...(descriptor.personas.emotions ? { emotions: descriptor.personas.emotions } : {}),
        ...(descriptor.personas.emotionModel ? { emotionModel: descriptor.personas.emotionModel } : {}),
        ...(descriptor.personas.intensities ? { intensities: descriptor.personas.intensities } : {}),
        condition: descriptor.personas.condition as Condition,
        rng: rng.fork('personas'),
      }),
      descriptor.personas.scale,
      rng.fork('scale'),
    );
    if (selection.count !== descriptor.personas.count) {
      throw usageError(
        `--personas ${spec} now gives ${selection.count} personas where the run had ${descriptor.personas.count}; restore the persona file the run was made with`,
      );
    }
    return selection;
  } catch (error) {
    if (error instanceof DefinitionFileError || error instanceof RangeError) {
      throw usageError(`personas of run ${descriptor.runId}: ${error.message.split('\n')[0]}`);
    }
    throw error;
  }
}
