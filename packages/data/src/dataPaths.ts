import { fileURLToPath } from 'node:url';

/**
 * Where the shipped data lives: the folder of the installed `@emocrowd/data` package.
 *
 * Resolved from this module's own location (src/ in tests, dist/ when built, both one level
 * below the package root), never from the working directory, so a command finds the data
 * wherever it is run from.
 */
export const DATA_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The GoEmotions folder (train.tsv, dev.tsv, test.tsv, emotions.txt, the Ekman and sentiment mappings). */
export function goEmotionsDir(): string {
  return fileURLToPath(new URL('../goemotions/', import.meta.url));
}

/**
 * The path of a shipped human-crowd file, e.g. `crowdDataPath('lorenz_2011.csv')` or
 * `crowdDataPath('clulab_calorie/questions.csv')`.
 *
 * @param name - a path inside crowds/ (forward slashes)
 * @returns the absolute path (whether or not the file exists)
 */
export function crowdDataPath(name: string): string {
  if (name.startsWith('/') || name.split('/').includes('..')) {
    throw new RangeError(`crowdDataPath: ${name} is not a path inside crowds/`);
  }
  return fileURLToPath(new URL(`../crowds/${name}`, import.meta.url));
}
