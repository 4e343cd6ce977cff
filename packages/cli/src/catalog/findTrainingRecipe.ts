import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The recipe's path inside the @emocrowd/models package. */
export const TRAINING_RECIPE = join('recipes', 'train_unsloth.py');

/**
 * Finds the LoRA training recipe (`@emocrowd/models/recipes/train_unsloth.py`) from where this
 * module runs.
 *
 * Behaviour: walks up from `from` (default: this module's folder) and at each level looks for
 * `node_modules/@emocrowd/models/<recipe>` (an installed or workspace-linked package) and, in a
 * checkout, `packages/models/<recipe>`; the first hit wins, returned with symlinks resolved.
 *
 * @param from - folder to start from
 * @returns the absolute path, or undefined when the recipe is not installed
 */
export function findTrainingRecipe(
  from: string = dirname(fileURLToPath(import.meta.url)),
): string | undefined {
  let dir = from;
  for (;;) {
    for (const candidate of [
      join(dir, 'node_modules', '@emocrowd', 'models', TRAINING_RECIPE),
      join(dir, 'packages', 'models', TRAINING_RECIPE),
    ]) {
      if (existsSync(candidate)) return realpathSync(candidate);
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
