import { usageError } from '../command/CliError.js';
import { defineCommand } from '../command/defineCommand.js';
import { backendFlags, modelFlags, outputFlags } from '../flags.js';
import { colorsFor } from '../output/colors.js';
import { backendSettings } from '../run/backendSettings.js';
import { planStudy } from '../study/planStudy.js';
import { renderStudyPlan } from '../study/renderStudyPlan.js';
import { resolveStudy } from '../study/resolveStudy.js';
import { studyFlags } from '../study/studyFlags.js';
import { studyRunCommand } from './studyRun.js';

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
  flags: {
    ...studyFlags,
    concurrency: studyRunCommand.flags.concurrency,
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
    'retry-failed': studyRunCommand.flags['retry-failed'],
    ...backendFlags,
    json: outputFlags.json,
  },
  async run({ flags, io, positionals, explicit }) {
    const [file, extra] = positionals;
    if (file === undefined) throw usageError('study plan needs a study file: emocrowd study plan FILE');
    if (extra !== undefined) throw usageError(`study plan: unexpected argument "${extra}" (one study file)`);
    const study = resolveStudy(file, flags, io.cwd);
    const plan = await planStudy(
      study,
      {
        concurrency: flags.concurrency,
        ...(study.manifest.scale ? { scale: study.manifest.scale } : {}),
        ...(study.manifest.shard ? { shard: study.manifest.shard } : {}),
        ...(flags['no-cache'] ? { cache: false as const } : flags.cache ? { cache: flags.cache } : {}),
        retryFailed: flags['retry-failed'] === true,
        backendOptions: backendSettings(flags, explicit),
      },
      { env: io.env, cwd: io.cwd, probe: flags.probe },
    );
    if (flags.json) io.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
    else io.stdout.write(renderStudyPlan(plan, colorsFor(io.stdout, io.env)));
    return 0;
  },
});
