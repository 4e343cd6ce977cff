import { defineCommand, type FlagDefs } from '../command/defineCommand.js';
import { backendFlags, modelFlags, outputFlags } from '../flags.js';
import { studyFlags } from '../study/studyFlags.js';
import { studyRunFlags } from './studyRun.js';

/** The flags of `emocrowd study plan`. */
export const studyPlanFlags = {
  ...studyFlags,
  concurrency: studyRunFlags.concurrency,
  probe: {
    type: 'integer',
    valueName: 'N',
    description: 'Real calls made to each model to time it (0 = none).',
    default: 3,
    min: 0,
    max: 100,
  },
  cache: modelFlags.cache,
  'no-cache': modelFlags['no-cache'],
  'retry-failed': studyRunFlags['retry-failed'],
  ...backendFlags,
  json: outputFlags.json,
} as const satisfies FlagDefs;

/** `emocrowd study plan FILE`: what a study will ask, before asking it. */
export const studyPlanCommand = defineCommand({
  meta: {
    name: 'study plan',
    usage: 'FILE',
    description:
      'Show what running a study file will do: its cells, the model calls of each, the answers already stored or in the response cache, and estimates of prompt tokens and time from a short probe of each model that can be reached.',
    examples: [
      'emocrowd study plan studies/paper.yaml',
      'emocrowd study plan studies/paper.yaml --set model.base=synthetic --set model.tuned=synthetic:emotional --scale 1/56 --json',
    ],
  },
  flags: studyPlanFlags,
  run: async (context) => (await import('../actions/studyPlanAction.js')).studyPlanAction(context),
});
