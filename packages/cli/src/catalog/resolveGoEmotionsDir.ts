import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { usageError } from '../command/CliError.js';

/** Where GoEmotions is looked for when --goemotions is not given, relative to the working directory. */
export const DEFAULT_GOEMOTIONS_DIR = '../shared/data/goemotions';

/**
 * The GoEmotions folder a command reads: `--goemotions DIR`, else ../shared/data/goemotions
 * when it exists (the layout of a checkout with the shared data beside it).
 *
 * Behaviour: the folder must hold `<split>.tsv`; otherwise a usage error says which file is
 * missing and where the data comes from (google-research/goemotions, `data/`).
 *
 * @param flag - the --goemotions value, if given
 * @param cwd - the working directory
 * @param split - the split the command needs
 * @returns the absolute folder path
 */
export function resolveGoEmotionsDir(flag: string | undefined, cwd: string, split: string): string {
  const where =
    'a folder with train.tsv, dev.tsv and test.tsv from github.com/google-research/google-research/tree/master/goemotions/data';
  if (flag === undefined) {
    const dir = resolve(cwd, DEFAULT_GOEMOTIONS_DIR);
    if (existsSync(join(dir, `${split}.tsv`))) return dir;
    throw usageError(
      `--goemotions: no GoEmotions data at ${DEFAULT_GOEMOTIONS_DIR}; pass --goemotions DIR, ${where}`,
    );
  }
  const dir = resolve(cwd, flag);
  if (!existsSync(join(dir, `${split}.tsv`)))
    throw usageError(`--goemotions: ${flag} has no ${split}.tsv; give ${where}`);
  return dir;
}
