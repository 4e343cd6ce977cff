import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { goEmotionsDir } from '@emocrowd/data';
import { usageError } from '../command/CliError.js';

/**
 * The GoEmotions folder a command reads: `--goemotions DIR` (relative to the working
 * directory), else the copy shipped with emocrowd (`@emocrowd/data`), found wherever the
 * command is run from.
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
  const dir = flag === undefined ? goEmotionsDir() : resolve(cwd, flag);
  if (!existsSync(join(dir, `${split}.tsv`))) {
    const name = flag ?? `the shipped GoEmotions (${dir})`;
    throw usageError(`--goemotions: ${name} has no ${split}.tsv; give ${where}`);
  }
  return dir;
}
