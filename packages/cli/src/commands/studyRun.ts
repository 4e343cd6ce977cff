import { defineCommand, type FlagDefs } from '../command/defineCommand.js';
import { backendFlags, modelFlags, outputFlags } from '../flags.js';
import { studyFlags } from '../study/studyFlags.js';

/** The flags of `emocrowd study run`. */
export const studyRunFlags = {
  ...studyFlags,
  concurrency: {
    type: 'integer',
    description: 'Model calls in flight at most, over the whole study.',
    default: 16,
    min: 1,
    max: 4096,
  },
  cache: modelFlags.cache,
  'no-cache': modelFlags['no-cache'],
  'retry-failed': {
    type: 'boolean',
    description: 'Ask again the answers the cache holds as failed or unparsed.',
  },
  ...backendFlags,
  ...outputFlags,
} as const satisfies FlagDefs;

/** `emocrowd study run FILE`: every cell of a study, resumable. */
export const studyRunCommand = defineCommand({
  meta: {
    name: 'study run',
    usage: 'FILE',
    description:
      'Run every cell of a study file, one cell after another, each an ordinary run directory under the study directory (study.json plus one directory per cell). Stopped (Ctrl-C, a crash, kill -9)? Run the same command again: it continues where it stopped and asks nothing twice.',
    examples: [
      'emocrowd study run studies/paper.yaml --set model.base=synthetic --set model.tuned=synthetic:emotional --scale 1/56',
      'emocrowd study run my-study.yaml --cells emotion-base,social-base --concurrency 8',
    ],
  },
  flags: studyRunFlags,
  run: async (context) => (await import('../actions/studyRunAction.js')).studyRunAction(context),
});
