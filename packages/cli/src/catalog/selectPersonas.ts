import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type Condition,
  DefinitionFileError,
  type EmotionModel,
  type PersonaSelection,
  resolvePersonas,
} from '@emocrowd/agents';
import { createRng } from '@emocrowd/models';
import { usageError } from '../command/CliError.js';
import { definitionFileMessage } from './definitionFileMessage.js';

/** A number, whole or not, positive or not: a crowd size written wrongly, never a file name. */
const NUMBER_LIKE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The persona flags as a command received them. */
export interface PersonaChoice {
  /** `N`, `all`, `paper` or a JSON/YAML file (relative to `cwd`). */
  personas: string;
  emotions?: readonly string[];
  emotionModel?: EmotionModel;
  intensities?: readonly number[];
  condition: Condition;
  seed: number;
  cwd: string;
}

/**
 * Resolves `--personas/--emotions/--emotion-model/--intensities/--condition/--seed` to the same
 * selection `emocrowd run` asks.
 *
 * Intuition: `emocrowd personas --personas 200 --seed 7` must show the very crowd that
 * `emocrowd run --personas 200 --seed 7` would ask, so it draws from the same stream
 * (`createRng(seed).fork('personas')`). Behaviour: files are resolved against `cwd`; an invalid
 * file, an unknown emotion or a condition the personas cannot satisfy is a usage error naming
 * the flag or the file; an empty selection too.
 *
 * @param choice - the flag values and working directory
 * @returns the selection
 */
export function selectPersonas(choice: PersonaChoice): PersonaSelection {
  const spec = choice.personas.trim();
  const builtIn = /^\d+$/.test(spec) || spec === 'all' || spec === 'paper';
  if ((builtIn && Number(spec) === 0) || (!builtIn && NUMBER_LIKE.test(spec)))
    throw usageError(
      `--personas takes N (a whole number of personas, at least 1), all, paper or a JSON/YAML persona file (got "${spec}")`,
    );
  if (!builtIn && !existsSync(resolve(choice.cwd, spec)))
    throw usageError(
      `--personas: no such file ${spec}; give N, all, paper or an existing JSON/YAML persona file`,
    );
  let selection: PersonaSelection;
  try {
    selection = resolvePersonas(builtIn ? spec : resolve(choice.cwd, spec), {
      ...(choice.emotions ? { emotions: choice.emotions } : {}),
      ...(choice.emotionModel ? { emotionModel: choice.emotionModel } : {}),
      ...(choice.intensities ? { intensities: choice.intensities } : {}),
      condition: choice.condition,
      rng: createRng(choice.seed).fork('personas'),
    });
  } catch (error) {
    if (error instanceof DefinitionFileError) throw usageError(definitionFileMessage(error, spec));
    if (error instanceof RangeError) {
      const message = error.message.startsWith('--') ? error.message : `--personas: ${error.message}`;
      throw usageError(message);
    }
    throw error;
  }
  if (selection.count === 0)
    throw usageError('--personas: the selection is empty; check --emotions and the persona file');
  return selection;
}
